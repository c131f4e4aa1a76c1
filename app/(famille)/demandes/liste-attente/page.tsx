import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { EmptyState, PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/dal";
import { formatDateTime } from "@/lib/format";
import { listHouseholdWaitlist, type FamilyWaitlistEntryDto } from "@/lib/waitlist/queries";
import { one } from "../reservation/_lib";
import { LeaveForm, OfferForms } from "./entry-forms";

export const metadata: Metadata = { title: "Liste d'attente" };

const what = (e: FamilyWaitlistEntryDto) => `${e.childName}, ${e.dayLabel}, ${e.productName}`;

/**
 * The household's waiting lists: per child and day its status and position,
 * an offer with its deadline and its two answers, an accepted place's
 * invoice to pay. What the last action did is said at the top, from the
 * entry it touched (?inscription=, ?refus=, ?retrait=), so it survives the
 * redirect with or without JavaScript.
 */
export default async function WaitlistPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole("parent");
  const query = await searchParams;
  const entries = await listHouseholdWaitlist({ householdId: user.householdId });
  const find = (id: string | undefined) => (id ? entries.find((e) => e.id === id) : undefined);
  const joined = find(one(query.inscription));
  const declined = find(one(query.refus));
  const left = find(one(query.retrait));
  const offers = entries.filter((e) => e.status === "OFFERED").length;

  return (
    <>
      <PageTitle description="Quand une place se libère, elle est proposée au premier inscrit, par e-mail, pour un temps limité.">
        Liste d&apos;attente
      </PageTitle>
      <div className="space-y-4">
        {joined?.status === "WAITING" ? (
          <Alert tone="success" title="Inscription enregistrée.">
            {what(joined)} : position {joined.position} sur la liste d&apos;attente.
          </Alert>
        ) : null}
        {declined?.status === "DECLINED" ? (
          <Alert tone="success" title="Place refusée.">
            {what(declined)} : la place est proposée à la famille suivante.
          </Alert>
        ) : null}
        {left?.status === "REMOVED" ? <Alert tone="success" title="Retiré de la liste d'attente.">{what(left)}.</Alert> : null}
        {offers > 0 ? (
          <Alert tone="warning" title={offers > 1 ? `${offers} places vous sont proposées.` : "Une place vous est proposée."}>
            Acceptez-la avant l&apos;heure indiquée, sinon elle sera proposée à la famille suivante.
          </Alert>
        ) : null}

        {entries.length === 0 ? (
          <EmptyState title="Aucun enfant n'est inscrit sur une liste d'attente.">
            Un jour complet de la grille de réservation propose « Complet — m&apos;inscrire sur la liste d&apos;attente ».{" "}
            <Link href="/demandes" className="font-semibold text-brand-700 underline">
              Retour aux demandes
            </Link>
          </EmptyState>
        ) : (
          <ul className="space-y-3">
            {entries.map((e) => (
              <li key={e.id}>
                <article aria-labelledby={`entry-${e.id}`} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
                  <h2 id={`entry-${e.id}`} className="font-semibold">
                    {e.childName} — {e.dayLabel}
                  </h2>
                  <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                    <dt className="text-slate-700">Prestation</dt>
                    <dd>
                      {e.serviceName} {e.productName}
                    </dd>
                    <dt className="text-slate-700">Statut</dt>
                    <dd className="font-semibold">{e.statusLabel}</dd>
                    {e.position !== null ? (
                      <>
                        <dt className="text-slate-700">Position</dt>
                        <dd>{e.position}</dd>
                      </>
                    ) : null}
                  </dl>
                  {e.status === "OFFERED" && e.offerExpiresAt ? (
                    <>
                      <p className="font-semibold text-warn-800">Place proposée jusqu&apos;au {formatDateTime(e.offerExpiresAt)}</p>
                      <OfferForms entryId={e.id} forWhom={`pour ${e.childName} le ${e.dayLabel}`} />
                    </>
                  ) : null}
                  {e.status === "WAITING" ? <LeaveForm entryId={e.id} forWhom={`pour ${e.childName} le ${e.dayLabel}`} /> : null}
                  {e.status === "ACCEPTED" && e.invoiceId && e.invoicePending ? (
                    <Link
                      href={`/demandes/reservation/attente/${e.invoiceId}`}
                      className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800"
                    >
                      Payer<span className="sr-only"> la place de {e.childName} le {e.dayLabel}</span>
                    </Link>
                  ) : null}
                </article>
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
