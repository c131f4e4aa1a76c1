import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { listAbsencesForStaff } from "@/lib/absences";
import { requireRole } from "@/lib/auth/dal";
import { ABSENCE_REASON_LABELS, ABSENCE_STATUS_LABELS, formatCents, formatDateTime } from "@/lib/format";
import { AbsenceDecisionForms } from "./decision-forms";
import { decisionMessage, groupAbsenceReports, reportDayLabel } from "./reports";

export const metadata: Metadata = { title: "Absences" };

const FILTERS = [
  { value: "a-valider", label: "À valider" },
  { value: "toutes", label: "Toutes les absences" },
] as const;

export default async function AbsencesPage({ searchParams }: { searchParams: Promise<{ statut?: string; traitee?: string }> }) {
  await requireRole("staff");
  const query = await searchParams;
  const all = query.statut === "toutes";
  const reports = groupAbsenceReports(await listAbsencesForStaff(all ? {} : { status: "PENDING" }));
  // The decided report has left the queue: read it back among every absence to say what was decided.
  const decided = query.traitee
    ? decisionMessage(groupAbsenceReports(await listAbsencesForStaff()).find((r) => r.reportId === query.traitee))
    : null;

  return (
    <>
      <PageTitle description="Les absences signalées par les familles qui attendent un justificatif, par signalement : une famille, un ou plusieurs jours.">
        Absences
      </PageTitle>
      <div className="space-y-6">
        {decided ? <Alert tone="success" title="Décision enregistrée">{decided}</Alert> : null}

        <nav aria-label="Filtrer les absences">
          <ul className="flex flex-wrap gap-2">
            {FILTERS.map((f) => {
              const current = (f.value === "toutes") === all;
              return (
                <li key={f.value}>
                  <Link
                    href={f.value === "toutes" ? "/admin/absences?statut=toutes" : "/admin/absences"}
                    aria-current={current ? "page" : undefined}
                    className={`inline-flex min-h-11 items-center rounded-md border px-4 text-sm font-semibold ${
                      current ? "border-brand-700 bg-brand-700 text-white" : "border-slate-500 bg-white text-brand-700 underline"
                    }`}
                  >
                    {f.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>

        {reports.length === 0 ? (
          <EmptyState title={all ? "Aucune absence signalée." : "Aucune absence à valider."} />
        ) : (
          reports.map((report) => {
            const what = `de ${report.childNames.join(", ")} (${report.householdName})`;
            const pending = report.days.some((d) => d.status === "PENDING");
            return (
              <Card key={report.reportId} title={`${report.childNames.join(", ")} — ${report.householdName}`}>
                <dl className="mb-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
                  <dt className="font-semibold">Signalée le</dt>
                  <dd>{formatDateTime(report.createdAt)}</dd>
                  <dt className="font-semibold">Motif</dt>
                  <dd>{ABSENCE_REASON_LABELS[report.reason]}</dd>
                  <dt className="font-semibold">Commentaire de la famille</dt>
                  <dd className="whitespace-pre-line break-words">{report.comment ?? "—"}</dd>
                  <dt className="font-semibold">Justificatif</dt>
                  <dd>
                    {report.certificateDocumentId ? (
                      <Link
                        href={`/admin/documents/${encodeURIComponent(report.certificateDocumentId)}`}
                        className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline"
                      >
                        Voir le certificat<span className="sr-only"> {what}</span>
                      </Link>
                    ) : (
                      "Aucun justificatif envoyé"
                    )}
                  </dd>
                </dl>
                <h3 className="mb-2 font-semibold">
                  {report.days.length > 1 ? `${report.days.length} jours d'absence` : "1 jour d'absence"}
                </h3>
                <ul className="mb-4 divide-y divide-slate-200 rounded-md border border-slate-200 text-sm">
                  {report.days.map((d) => (
                    <li key={d.id} className="flex flex-wrap justify-between gap-x-4 gap-y-1 px-3 py-2">
                      <span>
                        {report.childNames.length > 1 ? `${d.childName} : ` : ""}
                        {reportDayLabel(d)}
                      </span>
                      <span className={d.status === "PENDING" ? "font-semibold text-warn-800" : "font-semibold"}>
                        {ABSENCE_STATUS_LABELS[d.status]}
                        {d.status === "APPROVED" ? ` — ${d.creditCents ? `${formatCents(d.creditCents)} remboursé${d.creditCents >= 200 ? "s" : ""}` : "non remboursé"}` : ""}
                        {d.status === "REFUSED" && d.refusalReason ? ` — ${d.refusalReason}` : ""}
                      </span>
                    </li>
                  ))}
                </ul>
                {pending ? <AbsenceDecisionForms reportId={report.reportId} what={what} /> : null}
              </Card>
            );
          })
        )}
      </div>
    </>
  );
}
