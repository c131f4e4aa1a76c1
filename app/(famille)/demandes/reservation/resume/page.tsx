import type { Metadata } from "next";
import { randomBytes } from "node:crypto";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/dal";
import { cancellationNote, parseCalendarRequest, planCalendarChanges, type CalendarPlan } from "@/lib/bookings/calendar-changes";
import { summarizeSelections, type BookingSummaryDto } from "@/lib/bookings/summary";
import { AppError } from "@/lib/errors";
import { formatCents, monthLabel } from "@/lib/format";
import { orNotFound } from "../_lib";
import { CalendarConfirmForm } from "./calendar-confirm-form";
import { SummaryDetails } from "../summary-details";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// From the URL alone: the calendar's month, not the household's data.
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const request = parseCalendarRequest(await searchParams);
  return { title: request ? `Résumé des changements — ${monthLabel(request.month)}` : "Résumé des changements" };
}

export default async function CalendarSummaryPage({ searchParams }: Props) {
  const user = await requireRole("parent");
  const request = parseCalendarRequest(await searchParams);
  // Only the calendar's form makes these; anything else was typed into the URL.
  if (!request) notFound();
  const backHref = `/demandes/reservation/calendrier?mois=${request.month}`;

  let plan: CalendarPlan | undefined;
  let summary: BookingSummaryDto | undefined;
  let refusal: string | undefined;
  try {
    plan = await planCalendarChanges({ householdId: user.householdId, request });
    if (plan.add.length) {
      summary = await orNotFound(summarizeSelections({ householdId: user.householdId, responsible: `${user.firstName} ${user.lastName}`, selections: plan.add }));
    }
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    refusal = error.message;
  }

  if (!plan || refusal) {
    return (
      <>
        <PageTitle>Résumé réservation</PageTitle>
        <div className="space-y-4">
          <Alert tone="error" title={refusal} />
          <ButtonLink href={backHref} prefetch={false} variant="secondary">
            Retour au calendrier
          </ButtonLink>
        </div>
      </>
    );
  }
  const nothing = plan.add.length === 0 && plan.cancel.length === 0;
  const ticked = plan.add.map((s) => `${s.personId}|${s.productId}|${s.date}`);
  const creditCents = plan.cancel.reduce((sum, c) => sum + c.amountCents, 0);

  return (
    <>
      <PageTitle>Résumé réservation</PageTitle>
      <div className="space-y-4">
        {nothing ? (
          <>
            <Alert title="Aucun changement : les jours cochés sont déjà réservés." />
            <ButtonLink href={backHref} prefetch={false} variant="secondary">
              Retour au calendrier
            </ButtonLink>
          </>
        ) : null}
        {summary ? (
          <section aria-labelledby="add-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="add-title" className="text-lg font-semibold">
              Jours à réserver
            </h2>
            <SummaryDetails summary={summary} />
          </section>
        ) : null}
        {plan.cancel.length ? (
          <section aria-labelledby="cancel-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="cancel-title" className="text-lg font-semibold">
              Jours à annuler
            </h2>
            <ul className="divide-y divide-slate-200 text-sm">
              {plan.cancel.map((c) => (
                <li key={c.bookingId} className="flex flex-wrap justify-between gap-x-3 py-2">
                  <span>
                    {c.childFirstName} — {c.productName}, <span className="whitespace-nowrap">{c.label}</span>
                  </span>
                  <span className="font-semibold">{cancellationNote(c)}</span>
                </li>
              ))}
            </ul>
            {creditCents > 0 ? (
              <p className="text-sm">
                Total rendu : <strong>{formatCents(creditCents)}</strong>. Un avoir se retrouve dans Factures et peut régler une prochaine facture.
              </p>
            ) : null}
          </section>
        ) : null}
        {nothing ? null : (
          <CalendarConfirmForm
            submissionKey={randomBytes(16).toString("hex")}
            month={request.month}
            ticked={ticked}
            cancel={plan.cancel.map((c) => c.bookingId)}
            backHref={backHref}
          />
        )}
      </div>
    </>
  );
}
