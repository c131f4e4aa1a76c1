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
