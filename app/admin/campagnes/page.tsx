import type { Metadata } from "next";
import Link from "next/link";
import { PageTitle } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { requireRole } from "@/lib/auth/dal";
import { listCampaignsForStaff } from "@/lib/campaigns/staff";
import { CAMPAIGN_PHASE_LABELS, formatDay } from "@/lib/format";
import { DataTable } from "../_components/data-table";

export const metadata: Metadata = { title: "Campagnes d'inscription" };

export default async function CampaignsPage() {
  await requireRole("staff");
  const campaigns = await listCampaignsForStaff();
  return (
    <>
      <PageTitle description="Vacances sur demande : une période de demandes, puis une attribution équitable des places.">
        Campagnes d&apos;inscription
      </PageTitle>
      <p className="mb-4">
        <ButtonLink href="/admin/campagnes/nouvelle">Nouvelle campagne</ButtonLink>
      </p>
      <DataTable
        label="Campagnes"
        caption="Campagnes d'inscription"
        rows={campaigns}
        rowKey={(c) => c.id}
        minWidth="36rem"
        emptyState={{ title: "Aucune campagne pour l'instant." }}
        columns={[
          {
            header: "Intitulé",
            rowHeader: true,
            cell: (c) => (
              <Link href={`/admin/campagnes/${c.id}`} className="font-semibold text-brand-700 underline">
                {c.label}
              </Link>
            ),
          },
          { header: "Période", cell: (c) => `du ${formatDay(c.firstDay)} au ${formatDay(c.lastDay)}` },
          { header: "Demandes", cell: (c) => c.requests, align: "right" },
          { header: "Phase", cell: (c) => CAMPAIGN_PHASE_LABELS[c.phase] },
        ]}
      />
    </>
  );
}
