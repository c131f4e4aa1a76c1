import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/dal";
import { parisDateTimeValue } from "@/lib/campaigns/campaigns";
import { previewAllocation } from "@/lib/campaigns/run";
import {
  attributedStatusLabel,
  campaignAttributedForStaff,
  campaignProductOptions,
  campaignRequestsForStaff,
  campaignWaitlistForStaff,
  daysSummary,
  getCampaignForStaff,
  waitlistStatusLabel,
  type CampaignList,
} from "@/lib/campaigns/staff";
import { CAMPAIGN_PHASE_LABELS, formatCount, formatDateTime, formatDay } from "@/lib/format";
import { isId } from "@/lib/validation/ids";
import { DataTable, type DataColumn } from "../../_components/data-table";
import { ActionForm } from "../../catalogue/_components/action-form";
import { CampaignForm } from "../_components/campaign-form";
import { closeCampaignAction, launchAllocationAction } from "../actions";

export const metadata: Metadata = { title: "Campagne d'inscription" };

const linkClass = "font-semibold text-brand-700 underline";

function ExportLink({ id, list, what }: { id: string; list: CampaignList; what: string }) {
  return (
    <a href={`/admin/campagnes/${id}/export?liste=${list}`} className={`inline-flex min-h-11 items-center ${linkClass}`}>
      Exporter (CSV)<span className="sr-only"> : {what}</span>
    </a>
  );
}

/** One of the campaign's lists under its heading, with its CSV export. */
function ListSection({ campaignId, list, title, what, children }: { campaignId: string; list: CampaignList; title: string; what: string; children: ReactNode }) {
  return (
    <section aria-labelledby={list} className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={list} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        <ExportLink id={campaignId} list={list} what={what} />
      </div>
      {children}
    </section>
  );
}

/** The household's name, linking to its file: the same column in every list. */
function familyColumn<T extends { householdId: string; household: string }>(): DataColumn<T> {
  return {
    header: "Famille",
    cell: (r) => (
      <Link href={`/admin/familles/${r.householdId}`} className={linkClass}>
        {r.household}
      </Link>
    ),
  };
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="sm:flex sm:gap-2">
      <dt className="font-semibold text-slate-800">{term} :</dt>
      <dd className="text-slate-700 [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

export default async function CampaignPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ enregistree?: string; close?: string; attribuees?: string; attente?: string }>;
}) {
  await requireRole("staff");
  const { id } = await params;
  if (!isId(id)) notFound();
  const campaign = await getCampaignForStaff(id);
  if (!campaign) notFound();
  const query = await searchParams;
  const now = new Date();
  const [requests, attributed, waitlist, products, preview] = await Promise.all([
    campaignRequestsForStaff(id),
    campaignAttributedForStaff(id),
    campaignWaitlistForStaff(id),
    campaignProductOptions(campaign.products.map((p) => p.id)),
    campaign.phase === "CLOSED" ? previewAllocation({ campaignId: id, now }) : null,
  ]);
  const productName = new Map(campaign.products.map((p) => [p.id, p.label]));
  const launched = query.attribuees !== undefined && /^\d+$/.test(query.attribuees) && /^\d+$/.test(query.attente ?? "");

  return (
    <>
      <PageTitle description={`${CAMPAIGN_PHASE_LABELS[campaign.phase]} — du ${formatDay(campaign.firstDay)} au ${formatDay(campaign.lastDay)}`}>
        {campaign.label}
      </PageTitle>
      <p className="mb-4">
        <Link href="/admin/campagnes" className={linkClass}>
          Retour aux campagnes
        </Link>
      </p>
      <div className="space-y-6">
        {query.enregistree ? <Alert tone="success" title="Campagne enregistrée." /> : null}
        {query.close ? <Alert tone="success" title="Les demandes sont closes." /> : null}
        {launched ? (
          <Alert
            tone="success"
            title={`Attribution lancée : ${formatCount(Number(query.attribuees), "jour attribué", "jours attribués")}, ${query.attente} en liste d'attente.`}
          />
        ) : null}

        <Card title="La campagne">
          <dl className="space-y-2 text-sm">
            <Fact term="Phase">{CAMPAIGN_PHASE_LABELS[campaign.phase]}</Fact>
            <Fact term="Prestations">{campaign.products.map((p) => p.label).join(", ")}</Fact>
            <Fact term="Demandes">
              du {formatDateTime(campaign.opensAt)} au {formatDateTime(campaign.closesAt)} (heure de Paris) —{" "}
              {formatCount(campaign.requests, "enfant inscrit", "enfants inscrits")}
            </Fact>
            <Fact term="Attribution annoncée le">{formatDay(campaign.allocationDay)}</Fact>
            <Fact term="Règles">{campaign.rulesText}</Fact>
            <Fact term="Paiement">dans les {campaign.payWithinDays} jours qui suivent l&apos;attribution</Fact>
            <Fact term="Proposition de la liste d'attente">gardée {campaign.offerHours} heures</Fact>
            {campaign.seed ? <Fact term="Graine du tirage">{campaign.seed}</Fact> : null}
            {campaign.allocatedAt ? <Fact term="Attribution lancée le">{formatDateTime(campaign.allocatedAt)}</Fact> : null}
          </dl>
          {campaign.phase === "CLOSED" ? (
            <p className="mt-3 text-sm text-slate-700">
              La graine est le condensé (SHA-256) de la liste des demandes et de la date d&apos;attribution annoncée : publiée avant
              le tirage, elle permet à chacun de refaire l&apos;attribution et de retrouver le même résultat.
            </p>
          ) : null}
          {campaign.phase === "OPEN" ? (
            <div className="mt-4">
              <ActionForm action={closeCampaignAction} submitLabel="Clore les demandes maintenant" variant="secondary" inline>
                <input type="hidden" name="id" value={campaign.id} />
              </ActionForm>
            </div>
          ) : null}
        </Card>

        {preview ? (
          <Card title="Aperçu de l'attribution">
            <p className="mb-3 text-sm text-slate-700">
              Ce que l&apos;attribution donnerait maintenant, avec les places restantes : {formatCount(preview.attributed, "jour attribué", "jours attribués")},{" "}
              {preview.waitlisted} en liste d&apos;attente. Rien n&apos;est enregistré tant que l&apos;attribution n&apos;est pas lancée.
            </p>
            <DataTable
              label="Aperçu de l'attribution"
              caption="Par jour et par prestation (premier choix demandé)"
              rows={preview.days}
              rowKey={(d) => `${d.productId}|${d.day}`}
              minWidth="40rem"
              emptyRow="Aucune demande."
              columns={[
                { header: "Jour", rowHeader: true, cell: (d) => formatDay(d.day) },
                { header: "Prestation", cell: (d) => productName.get(d.productId) ?? "" },
                { header: "Places", cell: (d) => d.places, align: "right" },
                { header: "Demandées", cell: (d) => d.asked, align: "right" },
                { header: "Attribuées", cell: (d) => d.attributed, align: "right" },
                { header: "En attente", cell: (d) => d.waiting, align: "right" },
              ]}
            />
            <div className="mt-4">
              <ActionForm action={launchAllocationAction} submitLabel="Lancer l'attribution" inline>
                <input type="hidden" name="id" value={campaign.id} />
              </ActionForm>
            </div>
          </Card>
        ) : null}

        <ListSection campaignId={campaign.id} list="demandes" title="Demandes" what="demandes">
          <DataTable
            label="Demandes"
            caption={`${formatCount(requests.length, "demande")} (une par enfant)`}
            rows={requests}
            rowKey={(r) => r.id}
            minWidth="56rem"
            emptyRow="Aucune demande pour l'instant."
            columns={[
              { header: "Enfant", rowHeader: true, cell: (r) => r.child },
              familyColumn(),
              { header: "Premier choix", cell: (r) => r.firstChoice },
              { header: "Second choix", cell: (r) => r.secondChoice ?? "—" },
              { header: "Ensemble", cell: (r) => (r.together ? "Oui" : "Non") },
              {
                header: "Parents qui travaillent",
                cell: (r) => (r.workingParents === "CONFIRMED" ? "Confirmé" : r.workingParents === "DECLARED" ? "Déclaré, à confirmer" : "Non"),
              },
              { header: "Jours", cell: (r) => daysSummary(r.days), className: "min-w-[14rem]" },
            ]}
          />
        </ListSection>

        <ListSection campaignId={campaign.id} list="attribuees" title="Places attribuées" what="places attribuées">
          <DataTable
            label="Places attribuées"
            caption="Par jour et par prestation"
            rows={attributed}
            rowKey={(r) => r.id}
            minWidth="48rem"
            emptyRow={campaign.allocatedAt ? "Aucune place attribuée." : "L'attribution n'a pas encore été lancée."}
            columns={[
              { header: "Jour", rowHeader: true, cell: (r) => formatDay(r.day) },
              { header: "Prestation", cell: (r) => `${r.product}${r.choice === 2 ? " (2e choix)" : ""}` },
              { header: "Enfant", cell: (r) => r.child },
              familyColumn(),
              { header: "Décidé par", cell: (r) => r.decidedBy },
              { header: "Statut", cell: (r) => attributedStatusLabel(r, now) },
            ]}
          />
        </ListSection>

        <ListSection campaignId={campaign.id} list="attente" title="Liste d'attente" what="liste d'attente">
          <DataTable
            label="Liste d'attente"
            caption="Par jour et par prestation, dans l'ordre des rangs (les enfants d'une fratrie partagent un rang)"
            rows={waitlist}
            rowKey={(r) => r.id}
            minWidth="48rem"
            emptyRow={campaign.allocatedAt ? "Personne en liste d'attente." : "L'attribution n'a pas encore été lancée."}
            columns={[
              { header: "Jour", rowHeader: true, cell: (r) => formatDay(r.day) },
              { header: "Prestation", cell: (r) => r.product },
              { header: "Rang", cell: (r) => r.rank, align: "right" },
              { header: "Enfant", cell: (r) => r.child },
              familyColumn(),
              { header: "Décidé par", cell: (r) => r.decidedBy },
              { header: "Statut", cell: (r) => waitlistStatusLabel(r) },
            ]}
          />
        </ListSection>

        <Card title="Modifier la campagne">
          <p className="mb-3 text-sm text-slate-700">
            {campaign.allocatedAt
              ? "Les places sont attribuées : seul l'intitulé peut encore changer."
              : campaign.requests > 0
                ? "Des familles ont déjà fait une demande : les prestations et les jours ne peuvent plus changer."
                : "Les jours de la campagne sont ouverts à l'enregistrement, à la capacité de chaque prestation."}
          </p>
          {/* A new phase (closed, allocated) starts the form afresh, without an earlier refusal's summary. */}
          <CampaignForm
            key={campaign.phase}
            id={campaign.id}
            products={products}
            values={{
              label: campaign.label,
              productIds: campaign.products.map((p) => p.id).join(","),
              firstDay: campaign.firstDay,
              lastDay: campaign.lastDay,
              opensAt: parisDateTimeValue(campaign.opensAt),
              closesAt: parisDateTimeValue(campaign.closesAt),
              allocationDay: campaign.allocationDay,
              rule1: campaign.rules[0] ?? "",
              rule2: campaign.rules[1] ?? "",
              rule3: campaign.rules[2] ?? "",
              rule4: campaign.rules[3] ?? "",
              payWithinDays: String(campaign.payWithinDays),
              offerHours: String(campaign.offerHours),
            }}
          />
        </Card>
      </div>
    </>
  );
}
