import type { Metadata } from "next";
import Link from "next/link";
import { PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/dal";
import { listActiveRequestTypes } from "@/lib/requests";

export const metadata: Metadata = { title: "Démarches administratives" };

/** First step: the nature of the request. */
export default async function DemarchesPage() {
  await requireRole("parent");
  const types = await listActiveRequestTypes();
  return (
    <>
      <PageTitle description="Choisissez la nature de votre demande.">Démarches administratives</PageTitle>
      <nav aria-label="Fil d'Ariane" className="mb-4 text-sm">
        <Link href="/demandes" className="text-brand-700 underline">
          Demandes
        </Link>{" "}
        › Démarches administratives
      </nav>
      {types.length === 0 ? (
        <p>Aucune démarche n&apos;est proposée en ligne pour le moment.</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {types.map((type) => (
            <li key={type.id}>
              <Link
                href={`/demandes/demarches/nouvelle/${encodeURIComponent(type.code)}`}
                className="block h-full rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600 focus-visible:outline-3 focus-visible:outline-brand-600"
              >
                <span className="block font-semibold text-brand-700">{type.label}</span>
                {type.description ? <span className="mt-1 block text-sm text-slate-700">{type.description}</span> : null}
                <span className="mt-2 block text-xs text-slate-600">Service : {type.service}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
