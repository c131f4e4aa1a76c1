import { describe, it } from "vitest";

/**
 * Races need real concurrent connections: PGlite runs one query at a time
 * and would pass them whatever the guard. These run in the "postgres"
 * project (TEST_DATABASE_URL, always set by .ci/run) and are reported as
 * skipped, saying why, in the "pglite" one.
 */
export const onPostgres = (process.env.DATABASE_URL ?? "").startsWith("postgres");

const WHY = " — skipped: PostgreSQL only (set TEST_DATABASE_URL)";

export function describeOnPostgres(name: string, body: () => void) {
  if (onPostgres) describe(name, body);
  else describe.skip(name + WHY, body);
}

export function itOnPostgres(name: string, body: () => Promise<void>, timeout?: number) {
  if (onPostgres) it(name, body, timeout);
  else it.skip(name + WHY, body);
}
