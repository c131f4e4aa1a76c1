import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, PageTitle } from "@/components/ui/card";
import { requireStaff } from "@/lib/auth/dal";
import { listDocumentsToReview } from "@/lib/documents";
import { visibleFileName } from "@/lib/files/name";
import { ScrollTable, captionClass, tdClass, thClass } from "../_components/scroll-table";
import { formatDateTime } from "../_lib/format";

export const metadata: Metadata = { title: "Documents à valider" };

export default async function DocumentsQueuePage() {
  await requireStaff();
  const documents = await listDocumentsToReview();
  return (
    <>
      <PageTitle description="Les documents envoyés par les familles, du plus ancien au plus récent.">Documents à valider</PageTitle>
      {documents.length === 0 ? (
        <EmptyState title="Aucun document en attente." />
      ) : (
        <ScrollTable label="Documents à valider">
          <table className="w-full min-w-[40rem] border-collapse">
            <caption className={captionClass}>{documents.length} document(s) en attente</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className={thClass}>Document</th>
                <th scope="col" className={thClass}>Famille</th>
                <th scope="col" className={thClass}>Membre</th>
                <th scope="col" className={thClass}>Reçu le</th>
              </tr>
            </thead>
            <tbody>
              {documents.map((d) => (
                <tr key={d.id} className="border-t border-slate-200">
                  <th scope="row" className={`${tdClass} text-left font-normal`}>
                    <Link href={`/admin/documents/${d.id}`} className="font-semibold text-brand-700 underline">
                      {d.typeLabel}
                    </Link>
                    <span className="block break-all text-xs text-slate-600">{visibleFileName(d.fileName)}</span>
                  </th>
                  <td className={tdClass}>
                    {d.householdName} (n° {d.householdReference})
                  </td>
                  <td className={tdClass}>{d.ownerName ?? "—"}</td>
                  <td className={tdClass}>{formatDateTime(d.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </>
  );
}
