import Link from "next/link";
import type { FamilyCampaignDto } from "@/lib/campaigns/family";
import { CAMPAIGN_PHASE_LABELS, formatDateTime, fullDayLabel } from "@/lib/format";

/** Where the phase leaves the family: what it may do now, and when. */
function nextStep(c: FamilyCampaignDto): { text: string; link?: string } {
  switch (c.phase) {
    case "UPCOMING":
      return { text: `Les demandes ouvriront le ${formatDateTime(c.opensAt)}.`, link: "Voir la campagne" };
    case "OPEN":
      return { text: `Demandes ouvertes jusqu'au ${formatDateTime(c.closesAt)}.`, link: c.hasRequest ? "Modifier ma demande" : "Faire une demande" };
    case "CLOSED":
      return { text: `L'attribution aura lieu le ${fullDayLabel(c.allocationDay)}.`, link: c.hasRequest ? "Voir ma demande" : undefined };
    case "ALLOCATED":
      return c.hasRequest ? { text: "Les places sont attribuées.", link: "Voir le résultat" } : { text: "Les places sont attribuées." };
  }
}

/**
 * "Inscriptions aux vacances" on Demandes: the holiday-centre campaigns not
 * yet over. Nothing is shown when there is none.
 */
export function CampaignsSection({ campaigns }: { campaigns: FamilyCampaignDto[] }) {
  if (campaigns.length === 0) return null;
  return (
    <section aria-labelledby="campagnes-title" className="space-y-3">
      <h2 id="campagnes-title" className="text-xl font-semibold">
        Inscriptions aux vacances
      </h2>
      <p className="text-slate-700">Pour les centres de loisirs pendant les vacances, vous faites une demande pendant la période d&apos;inscription : l&apos;heure de la demande ne compte pas.</p>
      <ul className="grid gap-3 md:grid-cols-2">
        {campaigns.map((c) => {
          const step = nextStep(c);
          return (
            <li key={c.id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <h3 id={`campagne-${c.id}`} className="font-semibold text-slate-900">
                {c.label}
              </h3>
              <p className="text-sm text-slate-700">
                Du {fullDayLabel(c.firstDay)} au {fullDayLabel(c.lastDay)}
              </p>
              <p>
                <span className="font-semibold">{CAMPAIGN_PHASE_LABELS[c.phase]}</span> — {step.text}
              </p>
              {step.link ? (
                <Link
                  href={`/demandes/campagnes/${c.id}`}
                  prefetch={false}
                  // Named as the contract's words; which campaign it opens is its description.
                  aria-describedby={`campagne-${c.id}`}
                  className="inline-flex min-h-11 items-center justify-center rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
                >
                  {step.link}
                </Link>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
