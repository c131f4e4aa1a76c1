/**
 * Reading what a raw query builds with json_build_object / json_agg: the
 * PostgreSQL adapter hands json columns over parsed, PGlite's as text.
 */
export function rawJson<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

/** A timestamp(3) column inside JSON: the UTC wall clock Prisma stores, written without its zone. */
export function rawTimestamp(value: string): Date {
  return new Date(`${value}Z`);
}
