import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, PageTitle } from "@/components/ui/card";
import { requireStaff } from "@/lib/auth/dal";
import { listRequestsToHandle } from "@/lib/requests";
import { ScrollTable, captionClass, tdClass, thClass } from "../_components/scroll-table";
import { formatDateTime } from "../_lib/format";

export const metadata: Metadata = { title: "Demandes à traiter" };

export default async function RequestsQueuePage() {
  await requireStaff();
  const requests = await listRequestsToHandle();
  return (
    <>
      <PageTitle description="Les démarches administratives des familles, de la plus ancienne à la plus récente.">
        Demandes à traiter
      </PageTitle>
      {requests.length === 0 ? (
        <EmptyState title="Aucune demande en attente." />
      ) : (
        <ScrollTable label="Demandes à traiter">
          <table className="w-full min-w-[40rem] border-collapse">
            <caption className={captionClass}>{requests.length} demande(s) en attente</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className={thClass}>Demande</th>
                <th scope="col" className={thClass}>Famille</th>
                <th scope="col" className={thClass}>Membre</th>
                <th scope="col" className={thClass}>Reçue le</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr key={r.id} className="border-t border-slate-200">
                  <th scope="row" className={`${tdClass} text-left font-normal`}>
                    <Link href={`/admin/demandes/${r.id}`} className="font-semibold text-brand-700 underline">
                      {r.label}
                    </Link>
                  </th>
                  <td className={tdClass}>
                    {r.householdName} (n° {r.householdReference})
                  </td>
                  <td className={tdClass}>{r.personName ?? "—"}</td>
                  <td className={tdClass}>{formatDateTime(r.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </>
  );
}
