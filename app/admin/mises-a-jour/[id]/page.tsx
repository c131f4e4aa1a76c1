import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/dal";
import { getFileUpdateCampaign, progressLabel } from "@/lib/file-update";
import { formatDate, formatDateTime, formatDay } from "@/lib/format";
import { requireIdParam } from "@/lib/validation/params";
import { DataTable } from "../../_components/data-table";
import { CloseCampaignForm } from "../campaign-form";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requireRole("staff");
  const campaign = await getFileUpdateCampaign(requireIdParam((await params).id));
  return { title: campaign ? campaign.label : "Page introuvable" };
}

export default async function FileUpdateCampaignPage({ params }: Props) {
  await requireRole("staff");
  const campaign = await getFileUpdateCampaign(requireIdParam((await params).id));
  if (!campaign) notFound();
  const familyLink = (h: { householdId: string; name: string; reference: number }) => (
    <Link href={`/admin/familles/${h.householdId}`} className="font-semibold text-brand-700 underline">
      {h.name} <span className="font-normal">(n° {h.reference})</span>
    </Link>
  );
  return (
    <>
      <PageTitle description={progressLabel(campaign.confirmed, campaign.total)}>{campaign.label}</PageTitle>
      <p className="mb-4">
        <Link href="/admin/mises-a-jour" className="font-semibold text-brand-700 underline">
          Retour aux mises à jour du dossier
        </Link>
      </p>
      <div className="space-y-6">
        <Card title="Campagne">
          <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[14rem_1fr]">
            <dt className="font-semibold">Début de l&apos;année scolaire</dt>
            <dd>{formatDay(campaign.schoolYearStart)}</dd>
            <dt className="font-semibold">Date limite</dt>
            <dd>{formatDay(campaign.deadline)}</dd>
            <dt className="font-semibold">Message aux familles</dt>
            <dd className="whitespace-pre-line break-words">{campaign.message ?? "—"}</dd>
            <dt className="font-semibold">État</dt>
            <dd>{campaign.closedAt ? `Clôturée le ${formatDate(campaign.closedAt)}` : "Ouverte"}</dd>
          </dl>
          {campaign.closedAt ? null : (
            <div className="mt-4">
              <CloseCampaignForm id={campaign.id} />
            </div>
          )}
        </Card>

        <section aria-labelledby="pending-title" className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="pending-title" className="text-xl font-semibold">
              Familles n&apos;ayant pas confirmé ({campaign.pending.length})
            </h2>
            <a href={`/admin/mises-a-jour/${campaign.id}/export`} className={buttonClass("secondary")} download>
              Exporter en CSV
            </a>
          </div>
          <DataTable
            label="Familles n'ayant pas confirmé"
            caption="Familles n'ayant pas confirmé"
            rows={campaign.pending}
            rowKey={(h) => h.householdId}
            minWidth="40rem"
            emptyState={{ title: "Toutes les familles ont confirmé leur dossier." }}
            columns={[
              { header: "Famille", rowHeader: true, cell: familyLink },
              { header: "Adresse", cell: (h) => `${h.address}, ${h.postalCode} ${h.city}` },
              { header: "Email", cell: (h) => <span className="[overflow-wrap:anywhere]">{h.emails.join(", ") || "—"}</span> },
            ]}
          />
        </section>

        <section aria-labelledby="confirmed-title" className="space-y-3">
          <h2 id="confirmed-title" className="text-xl font-semibold">
            Familles ayant confirmé ({campaign.confirmations.length})
          </h2>
          <DataTable
            label="Familles ayant confirmé"
            caption="Familles ayant confirmé"
            rows={campaign.confirmations}
            rowKey={(h) => h.householdId}
            minWidth="36rem"
            emptyState={{ title: "Aucune famille n'a encore confirmé." }}
            columns={[
              { header: "Famille", rowHeader: true, cell: familyLink },
              { header: "Confirmé le", cell: (h) => formatDateTime(h.confirmedAt) },
              { header: "Par", cell: (h) => h.byName ?? "—" },
            ]}
          />
        </section>
      </div>
    </>
  );
}
