import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { baselinePageEnabled, countHouseholds } from "@/lib/bench/baseline";

export const metadata: Metadata = { title: "Témoin", robots: { index: false } };

// Rendered per request like every page, so the switch is read where the server runs.
export const dynamic = "force-dynamic";

/** `npm run bench -- pages`'s baseline (lib/cli/bench-pages.ts): a 404 unless the benchmark started the server. */
export default async function BenchBaselinePage() {
  if (!baselinePageEnabled()) notFound();
  const households = await countHouseholds();
  return (
    <main id="contenu" className="mx-auto max-w-5xl px-4 py-6">
      <h1 className="text-2xl font-bold text-slate-900">Témoin</h1>
      <p>{households} familles</p>
    </main>
  );
}
