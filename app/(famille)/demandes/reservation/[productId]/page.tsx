import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { PageTitle } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/submit-button";
import { requireRole } from "@/lib/auth/dal";
import { CELL_LABELS, getBookingGrid } from "@/lib/bookings/queries";
import { monthLabel } from "@/lib/format";
import { one, orNotFound } from "../_lib";
import { ResponsibleDetails } from "../responsible-details";
import { isId } from "@/lib/validation/ids";

type Props = { params: Promise<{ productId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// The title names the product and month, so it needs the grid: one read per
// request, shared by the title and the page.
const loadGrid = cache(async (productId: string, enfant: string | undefined, mois: string | undefined) => {
  const user = await requireRole("parent");
  if (!isId(productId)) notFound();
  if (!enfant || (enfant !== "tous" && !isId(enfant))) notFound();
  const grid = await orNotFound(getBookingGrid({ householdId: user.householdId, productId, children: enfant, month: mois }));
  return { user, enfant, grid };
});

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const query = await searchParams;
  const { grid } = await loadGrid((await params).productId, one(query.enfant), one(query.mois));
  return { title: `Réservation — ${grid.product.serviceName} ${grid.product.name} — ${monthLabel(grid.month)}` };
}

export default async function BookingGridPage({ params, searchParams }: Props) {
  const { productId } = await params;
  const query = await searchParams;
  const { user, enfant, grid } = await loadGrid(productId, one(query.enfant), one(query.mois));
  const monthHref = (mois: string) => `/demandes/reservation/${productId}?enfant=${encodeURIComponent(enfant)}&mois=${mois}`;
  const forWhom = grid.children.map((c) => c.firstName).join(", ");
  const anyAvailable = grid.days.some((d) => Object.values(d.cells).includes("available"));

  return (
    <>
      <PageTitle description={grid.product.description ?? undefined}>
        {grid.product.serviceName} pour {forWhom}
      </PageTitle>
      <div className="space-y-6">
        <ResponsibleDetails name={`${user.firstName} ${user.lastName}`} household={grid.household} />

        <section aria-labelledby="details-title" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="details-title" className="font-semibold">
            Détails réservation
          </h2>
          {/* Each month is a full render of the grid: fetched when asked for, not on every view. */}
          <nav aria-label="Mois de réservation" className="flex flex-wrap items-center gap-3">
            <span>
              Mois de réservation : <strong className="capitalize">{monthLabel(grid.month)}</strong>
            </span>
            {grid.previousMonth ? (
              <Link className="font-semibold text-brand-700 underline" href={monthHref(grid.previousMonth)} prefetch={false}>
                Mois précédent<span className="sr-only"> ({monthLabel(grid.previousMonth)})</span>
              </Link>
            ) : null}
            {grid.nextMonth ? (
              <Link className="font-semibold text-brand-700 underline" href={monthHref(grid.nextMonth)} prefetch={false}>
                Mois suivant<span className="sr-only"> ({monthLabel(grid.nextMonth)})</span>
              </Link>
            ) : null}
          </nav>
          <ul className="space-y-1 text-sm">
            {grid.children.map((c) => (
              <li key={c.id}>
                <strong>
                  {c.firstName} {c.lastName}
                </strong>
                {c.classLine ? ` ${c.classLine}` : ""}
              </li>
            ))}
          </ul>

          {grid.days.length === 0 ? (
            <p className="text-slate-700">Aucun jour n&apos;est ouvert ce mois-ci pour cette prestation.</p>
          ) : (
            <form action={`/demandes/reservation/${productId}/resume`} method="get" className="space-y-4">
              <input type="hidden" name="enfant" value={enfant} />
              <input type="hidden" name="mois" value={grid.month} />
              <div
                role="region"
                aria-labelledby="grid-caption"
                tabIndex={0}
                className="relative scroll-pl-28 overflow-x-auto rounded border border-slate-200 focus:outline-2 focus:outline-brand-700"
              >
                <table className="min-w-max border-collapse text-sm">
                  <caption id="grid-caption" className="p-2 text-left font-semibold">
                    {grid.product.serviceName} {grid.product.name} — jours de {monthLabel(grid.month)}
                  </caption>
                  <thead>
                    <tr className="bg-slate-100">
                      <th scope="col" className="sticky left-0 bg-slate-100 p-2 text-left">
                        Prestation
                      </th>
                      {grid.days.map((d) => (
                        <th key={d.day} scope="col" className="p-2 text-center whitespace-nowrap">
                          <abbr title={d.longLabel} className="no-underline">
                            {d.shortLabel}
                          </abbr>
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {grid.children.map((c) => (
                      <tr key={c.id} className="border-t border-slate-200">
                        <th scope="row" className="sticky left-0 bg-white p-2 text-left font-semibold whitespace-nowrap">
                          {c.firstName}
                          <span className="block text-xs font-normal">{grid.product.name}</span>
                        </th>
                        {grid.days.map((d) => {
                          const state = d.cells[c.id];
                          return (
                            <td key={d.day} className="p-1 text-center">
                              {state === "available" ? (
                                <input
                                  type="checkbox"
                                  name="j"
                                  value={`${c.id}|${d.day}`}
                                  aria-label={`${c.firstName}, ${d.longLabel}`}
                                  className="size-6 accent-brand-700"
                                />
                              ) : state === "full" || state === "waitlist" || state === "offered" || (state === "campaign" && d.campaign) ? (
                                <Link
                                  href={
                                    state === "full"
                                      ? `/demandes/reservation/liste-attente?creneau=${d.slotId}&enfant=${c.id}`
                                      : state === "campaign"
                                        ? `/demandes/campagnes/${d.campaign!.id}`
                                        : "/demandes/liste-attente"
                                  }
                                  prefetch={false}
                                  className={`inline-flex min-h-11 max-w-32 items-center justify-center rounded px-1 text-xs whitespace-normal underline ${state === "offered" ? "bg-amber-50 text-warn-800" : "bg-brand-50 text-brand-800"}`}
                                >
                                  <span className="sr-only">
                                    {c.firstName}, {d.longLabel} :{" "}
                                  </span>
                                  <span>{state === "full" ? "Complet — m'inscrire sur la liste d'attente" : CELL_LABELS[state]}</span>
                                </Link>
                              ) : (
                                <span className={`inline-block rounded px-1 text-xs ${state === "booked" ? "bg-green-100 text-ok-700" : state === "held" ? "bg-amber-50 text-warn-800" : "bg-slate-100 text-slate-700"}`}>
                                  <span className="sr-only">
                                    {c.firstName}, {d.longLabel} :{" "}
                                  </span>
                                  <span>{CELL_LABELS[state]}</span>
                                </span>
                              )}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p className="text-sm text-slate-700">
                Cochez les jours souhaités puis cliquez sur « Envoi ». Les prix sont calculés selon votre quotient familial.
              </p>
              {anyAvailable ? <SubmitButton pendingLabel="Envoi…">Envoi</SubmitButton> : <p>Aucun jour ne peut plus être réservé ce mois-ci.</p>}
            </form>
          )}
        </section>
      </div>
    </>
  );
}
