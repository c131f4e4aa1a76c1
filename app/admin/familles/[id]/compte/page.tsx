import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/dal";
import { AccessibleVersionLink, creditNotePdfBytes, PdfLink } from "@/components/billing/accessible-documents";
import { getHouseholdAccountForStaff } from "@/lib/billing/staff";
import { getHousehold } from "@/lib/households";
import { formatCents, formatDate, formatDateTime, LEDGER_KIND_LABELS } from "@/lib/format";
import { DataTable } from "../../../_components/data-table";
import { RefundForm } from "../../../paiements/money-forms";
import { isId } from "@/lib/validation/ids";

const docClass = "inline-flex min-h-11 items-center gap-1 rounded-md border border-brand-700 px-3 font-semibold text-brand-700";

export const metadata: Metadata = { title: "Compte famille" };

/**
 * A family's account: what it owes, its credit, and every movement that
 * made them (the ledger), with its credit notes and refunds.
 */
export default async function HouseholdAccountPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ rembourse?: string }>;
}) {
  await requireRole("staff");
  const { id } = await params;
  if (!isId(id)) notFound();
  const { rembourse } = await searchParams;
  const household = await getHousehold(id);
  if (!household) notFound();
  const { summary, entries, creditNotes, refunds } = await getHouseholdAccountForStaff(household.id);
  const familyLabel = `famille ${household.name} (n° ${household.reference})`;
  return (
    <>
      <p className="mb-4">
        <Link href={`/admin/familles/${household.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
          ← Famille {household.name}
        </Link>
      </p>
      <PageTitle description={`Famille ${household.name}, n° ${household.reference}`}>Compte famille</PageTitle>
      {rembourse ? (
        <div className="mb-4">
          <Alert tone="success">Remboursement enregistré.</Alert>
        </div>
      ) : null}
      <dl className="mb-6 grid gap-3 sm:grid-cols-3">
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <dt className="text-sm text-slate-700">Solde</dt>
          <dd className="text-2xl font-bold">{formatCents(summary.balanceCents)}</dd>
          <dd className="text-xs text-slate-600">
            {summary.balanceCents > 0 ? "dû par la famille" : summary.balanceCents < 0 ? "en faveur de la famille" : "compte à jour"}
          </dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <dt className="text-sm text-slate-700">Montant en attente de paiement</dt>
          <dd className="text-2xl font-bold">{formatCents(summary.dueCents)}</dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <dt className="text-sm text-slate-700">Avoir disponible</dt>
          <dd className="text-2xl font-bold">{formatCents(summary.creditCents)}</dd>
        </div>
      </dl>

      <div className="space-y-6">
        {summary.creditCents > 0 ? (
          <Card title="Rembourser l'avoir">
            <div className="max-w-md">
              <RefundForm householdId={household.id} creditCents={summary.creditCents} label={familyLabel} submitLabel="Rembourser l'avoir" />
            </div>
          </Card>
        ) : null}

        <DataTable
          label="Relevé du compte"
          caption="Relevé du compte"
          minWidth="48rem"
          rows={entries}
          rowKey={(e) => e.id}
          emptyRow="Aucun mouvement."
          columns={[
            { header: "Date", className: "whitespace-nowrap", cell: (e) => formatDateTime(e.createdAt) },
            {
              header: "Libellé",
              rowHeader: true,
              className: "font-normal",
              cell: (e) =>
                e.invoiceId ? (
                  <Link href={`/admin/factures/${e.invoiceId}`} className="text-brand-700 underline">
                    {e.label}
                  </Link>
                ) : e.creditNoteId ? (
                  <Link href={`/admin/avoirs/${e.creditNoteId}/version-accessible`} prefetch={false} className="text-brand-700 underline">
                    {e.label}
                  </Link>
                ) : (
                  e.label
                ),
            },
            { header: "Type", cell: (e) => LEDGER_KIND_LABELS[e.kind] },
            { header: "Débit", align: "right", className: "whitespace-nowrap", cell: (e) => (e.amountCents > 0 ? formatCents(e.amountCents) : "") },
            { header: "Crédit", align: "right", className: "whitespace-nowrap", cell: (e) => (e.amountCents < 0 ? formatCents(-e.amountCents) : "") },
            { header: "Solde", align: "right", className: "whitespace-nowrap", cell: (e) => formatCents(e.balanceCents) },
          ]}
        />

        <DataTable
          label="Avoirs de la famille"
          caption="Avoirs"
          minWidth="40rem"
          rows={creditNotes}
          rowKey={(c) => c.id}
          emptyRow="Aucun avoir."
          columns={[
            { header: "N°", rowHeader: true, cell: (c) => c.number },
            { header: "Date", className: "whitespace-nowrap", cell: (c) => formatDate(c.issuedAt) },
            { header: "Facture", cell: (c) => (c.invoiceNumber ? `N° ${c.invoiceNumber}` : "—") },
            { header: "Motif", cell: (c) => c.reason },
            { header: "Montant", align: "right", className: "whitespace-nowrap", cell: (c) => formatCents(c.amountCents) },
            {
              header: <span className="sr-only">Document</span>,
              cell: (c) => (
                <div className="flex flex-wrap gap-2">
                  <PdfLink href={`/admin/avoirs/${c.id}/pdf`} what={`l'avoir N° ${c.number}`} bytes={creditNotePdfBytes()} className={docClass} />
                  <AccessibleVersionLink href={`/admin/avoirs/${c.id}/version-accessible`} what={`l'avoir N° ${c.number}`} className={docClass} />
                </div>
              ),
            },
          ]}
        />

        <DataTable
          label="Remboursements de la famille"
          caption="Remboursements"
          minWidth="36rem"
          rows={refunds}
          rowKey={(r) => r.id}
          emptyRow="Aucun remboursement."
          columns={[
            { header: "Date", rowHeader: true, className: "whitespace-nowrap font-normal", cell: (r) => formatDateTime(r.createdAt) },
            { header: "Montant", align: "right", className: "whitespace-nowrap", cell: (r) => formatCents(r.amountCents) },
            { header: "Référence", className: "break-all", cell: (r) => r.reference },
            { header: "Enregistré par", cell: (r) => r.recordedBy },
          ]}
        />
      </div>
    </>
  );
}
