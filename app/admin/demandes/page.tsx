import type { Metadata } from "next";
import Link from "next/link";
import { PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/dal";
import { listRequestsToHandle } from "@/lib/requests";
import { DataTable } from "../_components/data-table";
import { formatCount, formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Demandes à traiter" };

export default async function RequestsQueuePage() {
  await requireRole("staff");
  const requests = await listRequestsToHandle();
  return (
    <>
      <PageTitle description="Les démarches administratives des familles, de la plus ancienne à la plus récente.">
        Demandes à traiter
      </PageTitle>
      <DataTable
        label="Demandes à traiter"
        caption={`${formatCount(requests.length, "demande")} en attente`}
        minWidth="40rem"
        rows={requests}
        rowKey={(r) => r.id}
        emptyState={{ title: "Aucune demande en attente." }}
        columns={[
          {
            header: "Demande",
            rowHeader: true,
            className: "font-normal",
            cell: (r) => (
              <Link href={`/admin/demandes/${r.id}`} className="font-semibold text-brand-700 underline">
                {r.label}
              </Link>
            ),
          },
          { header: "Famille", cell: (r) => `${r.householdName} (n° ${r.householdReference})` },
          { header: "Membre", cell: (r) => r.personName ?? "—" },
          { header: "Reçue le", cell: (r) => formatDateTime(r.createdAt) },
        ]}
      />
    </>
  );
}
