import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { listHouseholdAbsences, listReportableDays, type AbsenceOutcome, type HouseholdAbsenceDto } from "@/lib/absences";
import { requireRole } from "@/lib/auth/dal";
import { parisDay, parisTime } from "@/lib/dates";
import { uploadClientConfig } from "@/lib/files";
import { formatCents, formatCount, fullDayLabel, longDayLabel } from "@/lib/format";
import { ABSENCE_CREDIT_LABELS, ABSENCE_REASON_LABELS } from "@/lib/format/labels";
import { AbsenceForm, type AbsenceChildOption } from "./absence-form";

export const metadata: Metadata = { title: "Signaler une absence" };

/** What a day gave back, in the family's words. */
function outcomeText(a: Pick<HouseholdAbsenceDto, "outcome" | "creditCents" | "refusalReason">): string {
  const texts: Record<AbsenceOutcome, string> = {
    CREDITED: `Avoir de ${formatCents(a.creditCents)} crédité`,
    PENDING: "En attente de validation par le service",
    REFUSED: `Refusée${a.refusalReason ? ` : ${a.refusalReason}` : ""}`,
    CARENCE: "Non remboursé (jour de carence)",
    NOT_CREDITED: "Non remboursé",
  };
  return texts[a.outcome];
}

const OUTCOME_TONE: Record<AbsenceOutcome, string> = {
  CREDITED: "text-ok-700",
  PENDING: "text-warn-800",
  REFUSED: "text-danger-700",
  CARENCE: "text-slate-700",
  NOT_CREDITED: "text-slate-700",
};

/** "jusqu'à 09:00 le jour même" / "jusqu'au lundi 8 juin à 10:00". */
function deadlineLabel(day: string, deadline: Date): string {
  const at = parisTime(deadline);
  return parisDay(deadline) === day ? `Jusqu'à ${at} le jour même` : `Jusqu'au ${longDayLabel(parisDay(deadline))} à ${at}`;
}

export default async function ReportAbsencePage({ searchParams }: { searchParams: Promise<{ signalement?: string }> }) {
  const user = await requireRole("parent");
  const { signalement } = await searchParams;
  const [children, absences] = await Promise.all([
    listReportableDays({ householdId: user.householdId }),
    listHouseholdAbsences({ householdId: user.householdId }),
  ]);
  // Only this household's report: another id shows nothing.
  const sent = signalement ? absences.filter((a) => a.reportId === signalement).sort((a, b) => a.day.localeCompare(b.day)) : [];
  const upload = uploadClientConfig();
  const options: AbsenceChildOption[] = children.map((c) => ({
    personId: c.personId,
    name: `${c.firstName} ${c.lastName}`,
    days: c.days.map((d) => ({
      bookingId: d.bookingId,
      label: fullDayLabel(d.day),
      productLabel: `${d.serviceName}, ${d.productName}`,
      ruleLabel: d.carenceDays > 0 && d.rule !== "NONE" ? `${ABSENCE_CREDIT_LABELS[d.rule]} après ${formatCount(d.carenceDays, "jour")} de carence` : ABSENCE_CREDIT_LABELS[d.rule],
      deadlineLabel: deadlineLabel(d.day, d.deadline),
    })),
  }));

  return (
    <>
      <PageTitle description="Votre enfant ne viendra pas un jour réservé : prévenez le service avant l'heure limite.">Signaler une absence</PageTitle>
      <nav aria-label="Fil d'Ariane" className="mb-4 text-sm">
        <Link href="/reservations" className="inline-flex min-h-11 items-center text-brand-700 underline">
          Mes réservations
        </Link>{" "}
        › Signaler une absence
      </nav>

      {sent.length ? (
        <div className="mb-6">
          <Alert tone="success" title="Absence envoyée">
            <ul className="mt-1 space-y-1">
              {sent.map((a) => (
                <li key={a.id}>
                  <span className="font-semibold">
                    {longDayLabel(a.day)} ({a.childFirstName}, {a.productName})
                  </span>{" "}
                  : {outcomeText(a)}
                </li>
              ))}
            </ul>
            <p className="mt-2">
              <Link href="/factures" className="inline-flex min-h-11 items-center font-semibold underline">
                Voir mes factures et mon avoir
              </Link>
            </p>
          </Alert>
        </div>
      ) : null}

      <section aria-labelledby="report-title" className="mb-8">
        <h2 id="report-title" className="mb-3 text-lg font-semibold text-slate-900">
          Jours réservés
        </h2>
        {options.length ? (
          <AbsenceForm childrenDays={options} uploadDriver={upload.driver} maxBytes={upload.maxBytes} />
        ) : (
          <EmptyState title="Aucun jour réservé ne peut encore être signalé.">
            <p className="mt-1 text-sm text-slate-700">Seuls les jours réservés et confirmés peuvent être signalés, avant leur heure limite.</p>
          </EmptyState>
        )}
      </section>

      <Card title="Absences signalées">
        {absences.length === 0 ? (
          <p className="text-sm text-slate-700">Aucune absence signalée.</p>
        ) : (
          <ul className="divide-y divide-slate-200 text-sm">
            {absences.map((a) => (
              <li key={a.id} className="py-2">
                <p className="font-medium text-slate-900">
                  {fullDayLabel(a.day)} — {a.childFirstName}, {a.productName}
                </p>
                <p className="text-slate-700">
                  {ABSENCE_REASON_LABELS[a.reason]} · <span className={`font-semibold ${OUTCOME_TONE[a.outcome]}`}>{outcomeText(a)}</span>
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
