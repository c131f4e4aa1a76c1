import path from "node:path";

export type DatabaseTarget =
  | { kind: "pglite"; dir: string | null }
  | { kind: "postgres"; url: string };

export const DEFAULT_DATABASE_URL = "pglite:./.data/pglite";

/**
 * `pglite:<dir>` (relative to the working directory), `pglite:memory`, or a
 * `postgresql://` URL. Anything else is refused rather than guessed.
 */
export function parseDatabaseUrl(url: string = DEFAULT_DATABASE_URL): DatabaseTarget {
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
    return { kind: "postgres", url };
  }
  if (url.startsWith("pglite:")) {
    const rest = url.slice("pglite:".length);
    if (rest === "memory" || rest === "memory://") return { kind: "pglite", dir: null };
    if (!rest) throw new Error("DATABASE_URL « pglite: » doit préciser un dossier ou « memory ».");
    return { kind: "pglite", dir: path.resolve(rest) };
  }
  throw new Error(
    "DATABASE_URL doit commencer par « pglite: » ou « postgresql:// » (reçu : " +
      url.split(":")[0] +
      ":…).",
  );
}
