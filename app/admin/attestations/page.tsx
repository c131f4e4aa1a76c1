import type { Metadata } from "next";
import { Card, PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/dal";
import { defaultCertificateYear, listCertificateBatches } from "@/lib/certificates/batch";
import { BATCH_STATUS_LABELS, formatDateTime } from "@/lib/format";
import { DataTable } from "../_components/data-table";
import { CertificateBatchForm, OneCertificateForm } from "./batch-form";
import { ProgressRefresher } from "./progress-refresher";

export const metadata: Metadata = { title: "Attestations fiscales" };

/**
 * Staff's yearly tax certificates: a batch for every family that paid
 * eligible childcare in the year, run in the background; its progress
 * ("<done> / <total>") shows here while it runs.
 */
export default async function CertificatesAdminPage() {
  await requireRole("staff");
  const batches = await listCertificateBatches();
  const running = batches.find((b) => b.status === "RUNNING");
  return (
    <>
      <PageTitle description="Frais de garde des enfants de moins de 6 ans (article 200 quater B du CGI) : une attestation par famille, envoyée par mail et disponible dans Factures › Attestations.">
        Attestations fiscales
      </PageTitle>
      <div className="space-y-6">
        <Card title="Nouvelle génération">
          <CertificateBatchForm defaultYear={defaultCertificateYear(new Date())} />
        </Card>
        <Card title="Une famille">
          <OneCertificateForm defaultYear={defaultCertificateYear(new Date())} />
        </Card>
        {running ? (
          <Card title={`Génération ${running.year} en cours`}>
            <ProgressRefresher />
            <p role="status" className="text-lg" data-testid="batch-progress">
              <strong className="tabular-nums">
                {running.done} / {running.total}
              </strong>{" "}
              — {BATCH_STATUS_LABELS[running.status]}
            </p>
            <progress className="mt-2 h-3 w-full" max={Math.max(running.total, 1)} value={running.done} aria-label={`Attestations ${running.year}`} />
          </Card>
        ) : null}
        <DataTable
          label="Générations"
          caption="Générations des attestations fiscales"
          rows={batches}
          rowKey={(b) => b.id}
          minWidth="48rem"
          emptyState={{ title: "Aucune génération pour l'instant." }}
          columns={[
            { header: "Année", rowHeader: true, cell: (b) => b.year },
            { header: "Lancée le", cell: (b) => formatDateTime(b.startedAt) },
            { header: "Par", cell: (b) => b.by },
            { header: "Familles traitées", cell: (b) => `${b.done} / ${b.total}`, align: "right" },
            { header: "Attestations", cell: (b) => b.certificates, align: "right" },
            { header: "Mails", cell: (b) => b.emailed, align: "right" },
            { header: "État", cell: (b) => (b.error ? `${BATCH_STATUS_LABELS[b.status]} : ${b.error}` : BATCH_STATUS_LABELS[b.status]), className: "break-words" },
          ]}
        />
      </div>
    </>
  );
}
