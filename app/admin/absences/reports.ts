import type { StaffAbsenceRowDto } from "@/lib/absences";
import { formatCents, fullDayLabel } from "@/lib/format";

/** One family's report as staff decide it: one child (or several), several days, one reason, one certificate. */
export type AbsenceReportView = {
  reportId: string;
  householdName: string;
  childNames: string[];
  reason: StaffAbsenceRowDto["reason"];
  comment: string | null;
  certificateDocumentId: string | null;
  createdAt: Date;
  days: StaffAbsenceRowDto[];
};

/** Rows (by report, then day) grouped by report, in the order the list gave them. */
export function groupAbsenceReports(rows: StaffAbsenceRowDto[]): AbsenceReportView[] {
  const reports = new Map<string, AbsenceReportView>();
  for (const row of rows) {
    const report = reports.get(row.reportId);
    if (!report) {
      reports.set(row.reportId, {
        reportId: row.reportId,
        householdName: row.householdName,
        childNames: [row.childName],
        reason: row.reason,
        comment: row.comment,
        certificateDocumentId: row.certificateDocumentId,
        createdAt: row.createdAt,
        days: [row],
      });
      continue;
    }
    report.days.push(row);
    if (!report.childNames.includes(row.childName)) report.childNames.push(row.childName);
  }
  return [...reports.values()];
}

const days = (n: number) => `${n} jour${n > 1 ? "s" : ""}`;

/**
 * The confirmation after a decision, from what the database now holds (so a
 * reload says the same), or null when the report is unknown or still
 * waiting.
 */
export function decisionMessage(report: AbsenceReportView | undefined): string | null {
  if (!report || report.days.some((d) => d.status === "PENDING")) return null;
  const who = `${report.childNames.join(", ")}, ${report.householdName}`;
  if (report.days.every((d) => d.status === "REFUSED")) {
    const reason = report.days[0].refusalReason;
    return `Absence refusée (${who}) : aucun remboursement.${reason ? ` Motif : ${reason}` : ""}`;
  }
  const credited = report.days.reduce((sum, d) => sum + d.creditCents, 0);
  if (credited === 0) return `Absence acceptée (${who}, ${days(report.days.length)}) : aucun montant remboursé (jours de carence ou prestation non remboursée).`;
  return `Absence acceptée (${who}, ${days(report.days.length)}) : ${formatCents(credited)} remboursé${credited >= 200 ? "s" : ""} en avoir à la famille.`;
}

/** "mardi 9 juin 2026 (Repas cantine)" — a day of the report as staff read it. */
export function reportDayLabel(day: StaffAbsenceRowDto): string {
  return `${fullDayLabel(day.day)} (${day.productName})`;
}
