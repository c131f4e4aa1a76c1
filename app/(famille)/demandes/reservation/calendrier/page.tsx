import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/dal";
import { getFamilyCalendar } from "@/lib/bookings/calendar";
import { monthLabel } from "@/lib/format";
import { isId } from "@/lib/validation/ids";
import { one, orNotFound } from "../_lib";
import { FamilyCalendar } from "./family-calendar";
import { WeekPatternForm } from "./week-pattern-form";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const mois = one((await searchParams).mois);
  return { title: mois && /^\d{4}-\d{2}$/.test(mois) ? `Réservations de ${monthLabel(mois)}` : "Réservations du mois" };
}

const navLink = "inline-flex min-h-11 items-center font-semibold text-brand-700 underline";

export default async function FamilyCalendarPage({ searchParams }: Props) {
  const user = await requireRole("parent");
  const query = await searchParams;
  const prestation = one(query.prestation);
  const enfant = one(query.enfant);
  const only = { productId: prestation && isId(prestation) ? prestation : undefined, childId: enfant && isId(enfant) ? enfant : undefined };
  const calendar = await orNotFound(getFamilyCalendar({ householdId: user.householdId, month: one(query.mois), only }));
  const filter = new URLSearchParams();
  if (only.productId) filter.set("prestation", only.productId);
  if (only.childId) filter.set("enfant", only.childId);
  const monthHref = (mois: string) => `/demandes/reservation/calendrier?${new URLSearchParams([...filter, ["mois", mois]]).toString()}`;
  const cancelled = Number(one(query.annulation) ?? 0);
  const products = [...new Map(calendar.rows.map((r) => [r.productId, r])).values()];

  return (
    <>
      <PageTitle description="Cochez les jours souhaités pour chaque enfant, puis « Envoi » : vous verrez le résumé avant de valider.">
        Réservations de la famille
      </PageTitle>
      <div className="space-y-4">
        {cancelled > 0 ? (
          <Alert tone="success" title={`${cancelled} jour${cancelled > 1 ? "s" : ""} annulé${cancelled > 1 ? "s" : ""} : les places sont libérées.`}>
            Ce qui était réglé est rendu en avoir (voir{" "}
            <Link className="underline" href="/factures">
              Factures
            </Link>
            ) ; une facture en attente est réduite d&apos;autant.
          </Alert>
        ) : null}
        <nav aria-label="Mois de réservation" className="flex flex-wrap items-center gap-x-4 gap-y-1">
          <span>
            Mois de réservation : <strong className="capitalize">{monthLabel(calendar.month)}</strong>
          </span>
          {calendar.previousMonth ? (
            <Link className={navLink} href={monthHref(calendar.previousMonth)} prefetch={false}>
              Mois précédent<span className="sr-only"> ({monthLabel(calendar.previousMonth)})</span>
            </Link>
          ) : null}
          {calendar.nextMonth ? (
            <Link className={navLink} href={monthHref(calendar.nextMonth)} prefetch={false}>
              Mois suivant<span className="sr-only"> ({monthLabel(calendar.nextMonth)})</span>
            </Link>
          ) : null}
        </nav>
        {only.productId || only.childId ? (
          <p>
            <Link className={navLink} href={`/demandes/reservation/calendrier?mois=${calendar.month}`} prefetch={false}>
              Voir tous les enfants et toutes les prestations
            </Link>
          </p>
        ) : null}

        {calendar.rows.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">Aucun jour n&apos;est ouvert à la réservation ce mois-ci pour vos enfants.</p>
        ) : (
          // A new month (or filter) is a new form: its ticks start from what that month has, not from the last one's.
          <FamilyCalendar key={`${calendar.month}?${filter.toString()}`} calendar={calendar} />
        )}

        <section aria-labelledby="other-title" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="other-title" className="font-semibold">
            Autres actions
          </h2>
          <ul className="space-y-1">
            <li>
              <Link className={navLink} href="/reservations/absence" prefetch={false}>
                Signaler une absence
              </Link>
            </li>
            {products.map((p) => (
              <li key={p.productId} className="hidden md:block">
                <Link className={navLink} href={`/demandes/reservation/${p.productId}?enfant=tous&mois=${calendar.month}`} prefetch={false}>
                  Grille du mois : {p.serviceName} {p.productName}
                </Link>
              </li>
            ))}
          </ul>
        </section>

        {calendar.rows.length > 0 ? (
          <section aria-labelledby="pattern-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="pattern-title" className="font-semibold">
              Semaine type
            </h2>
            <p className="text-sm text-slate-700">
              Les jours habituels de chaque enfant : ils seront cochés d&apos;avance dans un mois où rien n&apos;est encore réservé. Vous vérifiez toujours avant l&apos;envoi.
            </p>
            {calendar.rows.map((r) => (
              <WeekPatternForm key={r.key} childId={r.childId} productId={r.productId} title={`${r.childFirstName} — ${r.productName}`} weekdays={r.pattern ?? []} />
            ))}
          </section>
        ) : null}
      </div>
    </>
  );
}
