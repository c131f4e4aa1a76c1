import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Alert } from "@/components/ui/alert";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/dal";
import { getFamilyCampaignPage, type ChildRequestDto, type FamilyCampaignPageDto } from "@/lib/campaigns/family";
import { addDays, weekday, type Day } from "@/lib/dates";
import { CAMPAIGN_PHASE_LABELS, formatDateTime, fullDayLabel, longDayLabel } from "@/lib/format";
import { requireIdParam } from "@/lib/validation/params";
import { CampaignRequestForm, type FormChild, type FormWeek } from "./request-form";
import { CampaignResults } from "./results";

type Props = { params: Promise<{ campaignId: string }> };

// One read per request, shared by the title and the page; another
// household's view of the campaign is its own request, never this one's.
const load = cache(async (campaignId: string) => {
  const user = await requireRole("parent");
  return getFamilyCampaignPage({ householdId: user.householdId, campaignId: requireIdParam(campaignId) });
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await load((await params).campaignId);
  return { title: page ? `Inscriptions aux vacances — ${page.campaign.label}` : "Page introuvable" };
}

/** Weeks start on Monday and are named by it, as on the family calendar. */
function byWeek(days: Day[]): FormWeek[] {
  const weeks: FormWeek[] = [];
  let monday: Day | null = null;
  for (const day of days) {
    const start = addDays(day, 1 - weekday(day));
    if (start !== monday) {
      monday = start;
      weeks.push({ label: `Semaine du ${longDayLabel(start).replace(/^lundi /, "")}`, days: [] });
    }
    weeks[weeks.length - 1].days.push({ day, label: longDayLabel(day) });
  }
  return weeks;
}

function formChildren(page: FamilyCampaignPageDto): FormChild[] {
  return (page.form ?? []).map((child) => {
    const stored = page.requests.find((r) => r.personId === child.personId);
    const offered = page.products.filter((p) => child.daysByProduct[p.id]);
    return {
      personId: child.personId,
      firstName: child.firstName,
      lastName: child.lastName,
      weeksByProduct: Object.fromEntries(Object.entries(child.daysByProduct).map(([productId, days]) => [productId, byWeek(days)])),
      firstProductId: stored && child.daysByProduct[stored.firstProductId] ? stored.firstProductId : offered[0].id,
      secondProductId: stored?.secondProductId ?? null,
      together: stored?.together ?? false,
      days: stored?.days ?? [],
    };
  });
}

export default async function CampaignPage({ params }: Props) {
  const page = await load((await params).campaignId);
  if (!page) notFound();
  const { campaign } = page;
  const productName = new Map(page.products.map((p) => [p.id, p.name]));

  return (
    <>
      <PageTitle description={`Du ${fullDayLabel(campaign.firstDay)} au ${fullDayLabel(campaign.lastDay)} — ${page.products.map((p) => p.name).join(", ")}`}>
        {campaign.label}
      </PageTitle>
      <nav aria-label="Fil d'Ariane" className="mb-4 text-sm">
        <Link href="/demandes" className="inline-flex min-h-11 items-center text-brand-700 underline">
          Demandes
        </Link>{" "}
        › {campaign.label}
      </nav>
      <p className="mb-4">
        <span className="rounded-full border border-slate-400 bg-slate-50 px-3 py-1 text-sm font-semibold text-slate-800">{CAMPAIGN_PHASE_LABELS[campaign.phase]}</span>
      </p>

      {campaign.phase === "UPCOMING" ? (
        <Alert tone="info" title={`Les demandes ouvriront le ${formatDateTime(campaign.opensAt)}.`}>
          Vous pourrez demander des jours jusqu&apos;au {formatDateTime(campaign.closesAt)}. L&apos;heure de la demande ne compte pas : les places sont
          attribuées après la clôture.
        </Alert>
      ) : null}

      {campaign.phase === "OPEN" ? (
        <div className="space-y-4">
          <Alert tone="info" title={`Demandes ouvertes jusqu'au ${formatDateTime(campaign.closesAt)}.`}>
            Cochez les jours souhaités pour chaque enfant. Vous pouvez modifier votre demande jusqu&apos;à la clôture ; les places seront attribuées le{" "}
            {fullDayLabel(campaign.allocationDay)}.
          </Alert>
          {page.form && page.form.length > 0 ? (
            <CampaignRequestForm
              campaignId={campaign.id}
              products={page.products.map((p) => ({ id: p.id, name: p.name }))}
              childrenShown={formChildren(page)}
              workingParents={page.workingParents}
              workingParentsConfirmed={page.workingParentsConfirmed}
            />
          ) : (
            <EmptyState title="Aucun de vos enfants ne peut être inscrit à cette campagne.">
              <p>Les centres de cette campagne n&apos;accueillent pas vos enfants (âge, école). Contactez le service pour toute question.</p>
            </EmptyState>
          )}
        </div>
      ) : null}

      {campaign.phase === "CLOSED" ? (
        <div className="space-y-4">
          <Alert tone="info" title={`L'attribution aura lieu le ${fullDayLabel(campaign.allocationDay)}.`}>
            Les demandes sont closes depuis le {formatDateTime(campaign.closesAt)}. Vous recevrez le résultat par e-mail.
          </Alert>
          <RequestSummary requests={page.requests} productName={productName} />
        </div>
      ) : null}

      {campaign.phase === "ALLOCATED" && page.results ? <CampaignResults results={page.results} /> : null}
    </>
  );
}

/** The request as it was sent, read-only. */
function RequestSummary({ requests, productName }: { requests: ChildRequestDto[]; productName: Map<string, string> }) {
  if (requests.length === 0) return <EmptyState title="Vous n'avez pas fait de demande pour cette campagne." />;
  return (
    <Card title="Votre demande">
      <ul className="space-y-4">
        {requests.map((r) => (
          <li key={r.personId} className="space-y-1 border-t border-slate-200 pt-3 first:border-t-0 first:pt-0">
            <h3 className="font-semibold text-slate-900">
              {r.firstName} {r.lastName}
            </h3>
            <p>Premier choix : {productName.get(r.firstProductId)}</p>
            <p>Second choix : {r.secondProductId ? productName.get(r.secondProductId) : "Aucun"}</p>
            {r.together ? <p>Inscrit avec ses frères et sœurs (ensemble)</p> : null}
            <p className="text-sm text-slate-700">Jours demandés ({r.days.length}) :</p>
            <ul className="list-disc pl-5 text-sm">
              {r.days.map((d) => (
                <li key={d}>{fullDayLabel(d)}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </Card>
  );
}
