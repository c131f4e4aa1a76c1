import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { requireRole } from "@/lib/auth/dal";
import { formatDate, REQUEST_STATE_LABELS } from "@/lib/format";
import { listHouseholdRequests } from "@/lib/requests";

const SHOWN = 5;

/**
 * The "Démarches administratives" part of the Demandes page: the entry to
 * a new démarche and the household's latest requests (the full list is on
 * Accueil, Demandes tab).
 */
export async function DemarchesSection() {
  const user = await requireRole("parent");
  const requests = await listHouseholdRequests({ householdId: user.householdId });
  return (
    <section aria-labelledby="demarches-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <h2 id="demarches-title" className="text-lg font-semibold">
        Démarches administratives
      </h2>
      <p className="text-sm text-slate-700">
        Changement d&apos;adresse, quotient familial, situation familiale, certificat médical, ajout d&apos;une personne de
        la famille : envoyez votre demande et ses justificatifs au service.
      </p>
      <Link href="/demandes/demarches" className={buttonClass("primary")}>
        Faire une démarche administrative
      </Link>
      {requests.length > 0 ? (
        <>
          <h3 className="pt-2 text-base font-semibold">Vos dernières demandes</h3>
          <ul className="divide-y divide-slate-200">
            {requests.slice(0, SHOWN).map((r) => (
              <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <Link href={`/demandes/demarches/${r.id}`} prefetch={false} className="text-brand-700 underline">
                  {r.label}
                  {r.personName ? ` — ${r.personName}` : ""}
                </Link>
                <span>
                  {formatDate(r.createdAt)} · {REQUEST_STATE_LABELS[r.status]}
                </span>
              </li>
            ))}
          </ul>
          <Link href="/accueil" className="text-sm text-brand-700 underline">
            Toutes vos demandes
          </Link>
        </>
      ) : null}
    </section>
  );
}
