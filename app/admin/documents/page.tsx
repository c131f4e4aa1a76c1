import type { Metadata } from "next";
import Link from "next/link";
import { PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/dal";
import { listDocumentsToReview } from "@/lib/documents";
import { visibleFileName } from "@/lib/files/name";
import { DataTable } from "../_components/data-table";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Documents à valider" };

export default async function DocumentsQueuePage() {
  await requireRole("staff");
  const documents = await listDocumentsToReview();
  return (
    <>
      <PageTitle description="Les documents envoyés par les familles, du plus ancien au plus récent.">Documents à valider</PageTitle>
      <DataTable
        label="Documents à valider"
        caption={`${documents.length} document(s) en attente`}
        minWidth="40rem"
        rows={documents}
        rowKey={(d) => d.id}
        emptyState={{ title: "Aucun document en attente." }}
        columns={[
          {
            header: "Document",
            rowHeader: true,
            className: "font-normal",
            cell: (d) => (
              <>
                <Link href={`/admin/documents/${d.id}`} className="font-semibold text-brand-700 underline">
                  {d.typeLabel}
                </Link>
                <span className="block break-all text-xs text-slate-600">{visibleFileName(d.fileName)}</span>
              </>
            ),
          },
          { header: "Famille", cell: (d) => `${d.householdName} (n° ${d.householdReference})` },
          { header: "Membre", cell: (d) => d.ownerName ?? "—" },
          { header: "Reçu le", cell: (d) => formatDateTime(d.createdAt) },
        ]}
      />
    </>
  );
}
