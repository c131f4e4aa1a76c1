import type { Metadata } from "next";
import { PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/dal";
import { listDocumentsToReview } from "@/lib/documents";
import { DataTable } from "../_components/data-table";
import { DocumentLink } from "./document-link";
import { formatCount, formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Documents à valider" };

export default async function DocumentsQueuePage() {
  await requireRole("staff");
  const documents = await listDocumentsToReview();
  return (
    <>
      <PageTitle description="Les documents envoyés par les familles, du plus ancien au plus récent.">Documents à valider</PageTitle>
      <DataTable
        label="Documents à valider"
        caption={`${formatCount(documents.length, "document")} en attente`}
        minWidth="40rem"
        rows={documents}
        rowKey={(d) => d.id}
        emptyState={{ title: "Aucun document en attente." }}
        columns={[
          {
            header: "Document",
            rowHeader: true,
            className: "font-normal",
            cell: (d) => <DocumentLink document={d} />,
          },
          { header: "Famille", cell: (d) => `${d.householdName} (n° ${d.householdReference})` },
          { header: "Membre", cell: (d) => d.ownerName ?? "—" },
          { header: "Reçu le", cell: (d) => formatDateTime(d.createdAt) },
        ]}
      />
    </>
  );
}
