import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/dal";
import { listFileUpdateCampaigns, progressLabel, suggestedDeadline, suggestedSchoolYearStart } from "@/lib/file-update";
import { formatDate, formatDay } from "@/lib/format";
import { DataTable } from "../_components/data-table";
import { FileUpdateCampaignForm } from "./campaign-form";

export const metadata: Metadata = { title: "Mises à jour du dossier" };

export default async function FileUpdatesPage() {
  await requireRole("staff");
  const campaigns = await listFileUpdateCampaigns();
  const schoolYearStart = suggestedSchoolYearStart();
  const year = Number(schoolYearStart.slice(0, 4));
  return (
    <>
      <PageTitle description="Chaque année, les familles vérifient leur dossier, renvoient les documents expirés et le confirment.">
        Mises à jour du dossier
      </PageTitle>
      <div className="space-y-6">
        <DataTable
          label="Campagnes de mise à jour"
          caption="Campagnes de mise à jour du dossier"
          rows={campaigns}
          rowKey={(c) => c.id}
          minWidth="36rem"
          emptyState={{ title: "Aucune campagne pour l'instant." }}
          columns={[
            {
              header: "Libellé",
              rowHeader: true,
              cell: (c) => (
                <Link href={`/admin/mises-a-jour/${c.id}`} className="font-semibold text-brand-700 underline">
                  {c.label}
                </Link>
              ),
            },
            { header: "Année scolaire", cell: (c) => `à partir du ${formatDay(c.schoolYearStart)}` },
            { header: "Date limite", cell: (c) => formatDay(c.deadline) },
            { header: "Avancement", cell: (c) => progressLabel(c.confirmed, c.total) },
            { header: "État", cell: (c) => (c.closedAt ? `Clôturée le ${formatDate(c.closedAt)}` : "Ouverte") },
          ]}
        />
        <Card title="Nouvelle campagne">
          <FileUpdateCampaignForm
            suggested={{ label: `Rentrée ${year}`, schoolYearStart, deadline: suggestedDeadline() }}
          />
        </Card>
      </div>
    </>
  );
}
