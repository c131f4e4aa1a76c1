import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/dal";
import { isId } from "@/lib/validation/ids";
import { getJoinPreview } from "@/lib/waitlist/queries";
import { one, orNotFound } from "../_lib";
import { JoinWaitlistForm } from "./join-form";

export const metadata: Metadata = { title: "Complet — m'inscrire sur la liste d'attente" };

/**
 * Reached from a full day of the grid or the calendar ("Complet — m'inscrire
 * sur la liste d'attente"): says what the list does, then one button. The
 * step keeps a stray tap on a crowded grid from queuing a child.
 */
export default async function JoinWaitlistPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole("parent");
  const query = await searchParams;
  const slotId = one(query.creneau);
  const personId = one(query.enfant);
  if (!isId(slotId) || !isId(personId)) notFound();
  const preview = await orNotFound(getJoinPreview({ householdId: user.householdId, slotId, personId }));
  const { child } = preview;

  return (
    <>
      <PageTitle>Complet — m&apos;inscrire sur la liste d&apos;attente</PageTitle>
      <section aria-labelledby="jour-title" className="max-w-2xl space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="jour-title" className="font-semibold">
          {child.firstName} {child.lastName} — {preview.dayLabel} ({preview.serviceName} {preview.productName})
        </h2>
        <p>
          Ce jour est complet.{" "}
          {preview.unitsAhead === 0
            ? "Personne n'attend encore : si une place se libère, elle sera proposée à votre famille en premier."
            : `${preview.unitsAhead} inscription${preview.unitsAhead > 1 ? "s" : ""} attend${preview.unitsAhead > 1 ? "ent" : ""} déjà : ${child.firstName} passera après.`}
        </p>
        <p className="text-sm text-slate-700">
          Quand une place se libère, vous recevez un e-mail et la place vous est gardée pendant un temps limité : acceptez-la sur la
          page « Liste d&apos;attente » pour recevoir la facture, ou refusez-la. Vous pouvez vous retirer de la liste à tout moment.
        </p>
        <JoinWaitlistForm slotId={preview.slotId} personId={child.id} firstName={child.firstName} />
        <p>
          <Link href="/demandes/liste-attente" className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline">
            Voir mes listes d&apos;attente
          </Link>
        </p>
      </section>
    </>
  );
}
