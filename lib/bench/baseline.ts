import "server-only";
import { getDb } from "@/lib/db/client";

// The floor `npm run bench -- pages` measures the portal's pages against:
// the same build, proxy and root layout, one query, no session. It exists
// only while the benchmark's server runs with BENCH_BASELINE_PAGE=1.

/** Read at request time, never at build time: a deployment without the switch has no such page. */
export function baselinePageEnabled(): boolean {
  return process.env.BENCH_BASELINE_PAGE === "1";
}

/** The one SELECT, through the app's own client and pool, as every page's queries go. */
export async function countHouseholds(): Promise<number> {
  const db = await getDb();
  return db.household.count();
}
