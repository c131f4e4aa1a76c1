import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";

describe("migrations", () => {
  it("record every migration folder in _prisma_migrations", async () => {
    const db = await getDb();
    const rows = await db.$queryRawUnsafe<{ migration_name: string; finished_at: Date | null }[]>(
      "SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name",
    );
    const { readdirSync } = await import("node:fs");
    const folders = readdirSync("prisma/migrations", { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    expect(rows.map((r) => r.migration_name)).toEqual(folders);
    expect(rows.every((r) => r.finished_at)).toBe(true);
  });
});

describe("migration scripts", () => {
  // @prisma/adapter-pg runs a script by splitting it on every ";", comments,
  // strings and function bodies included: one inside a comment cuts a
  // statement in two on PostgreSQL while PGlite (one exec) accepts the file.
  // Function bodies spell theirs \073 (see household_search).
  it("have no ';' except at the end of a statement, so PostgreSQL reads them as PGlite does", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const offending: string[] = [];
    for (const dir of readdirSync("prisma/migrations", { withFileTypes: true }).filter((e) => e.isDirectory())) {
      const lines = readFileSync(`prisma/migrations/${dir.name}/migration.sql`, "utf8").split("\n");
      lines.forEach((line, i) => {
        const semicolon = line.indexOf(";");
        if (semicolon >= 0 && (line.trimStart().startsWith("--") || line.slice(semicolon + 1).trim() !== "")) {
          offending.push(`${dir.name}:${i + 1}: ${line.trim()}`);
        }
      });
    }
    expect(offending).toEqual([]);
  });
});
