import { connection } from "next/server";
import { type Env, env } from "@/lib/env";

const PARTS: { key: keyof Env["demo"]; text: string }[] = [
  { key: "payfipSimulator", text: "paiements simulés (aucun paiement réel)" },
  { key: "mailOutbox", text: "e-mails non envoyés" },
  { key: "localStorage", text: "fichiers stockés localement" },
];

/** The sentence for the stand-ins in use, or null when none runs in production. */
export function demoBannerText(current: Pick<Env, "demoMode" | "demo">): string | null {
  if (!current.demoMode) return null;
  const parts = PARTS.filter((p) => current.demo[p.key]).map((p) => p.text);
  if (!parts.length) return null;
  return `${parts.join(", ")}.`;
}

/**
 * Says on every page that a production process runs a stand-in by one of
 * its DEMO_* switches (see lib/env.ts). Nothing in development, where the
 * stand-ins are the norm and have their own pages.
 */
export async function DemoBanner() {
  // Read the configuration of the running server, never the build's.
  await connection();
  const text = demoBannerText(env());
  if (!text) return null;
  return (
    <div
      role="region"
      aria-label="Démonstration"
      data-demo-banner=""
      className="border-b-2 border-amber-600 bg-amber-100 px-4 py-2 text-center text-sm text-warn-800"
    >
      <p className="mx-auto max-w-5xl break-words">
        <strong className="font-semibold">Démonstration :</strong> {text}
      </p>
    </div>
  );
}
