import { afterAll, beforeAll, vi } from "vitest";
import { openDatabase } from "@/lib/db/adapter";
import { closeDb, newClient, setDb } from "@/lib/db/client";
import { deployMigrations } from "@/lib/db/migrate";
import { parseDatabaseUrl } from "@/lib/db/url";
import { resetEnvForTests } from "@/lib/env";
import { assertDisposableDatabase } from "./guard";

// Each test file gets a migrated database: a fresh in-memory PGlite, or the
// shared PostgreSQL test database emptied first.
beforeAll(async () => {
  const url = process.env.DATABASE_URL!;
  assertDisposableDatabase(url);
  process.env.DATA_DIR = `.data/test-${process.pid}-${Math.random().toString(36).slice(2)}`;
  resetEnvForTests();
  const opened = await openDatabase(parseDatabaseUrl(url));
  if (url.startsWith("pglite:")) {
    await deployMigrations(opened.factory);
  }
  const client = newClient(opened);
  if (!url.startsWith("pglite:")) {
    const tables = await client.$queryRawUnsafe<{ tablename: string }[]>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    );
    if (tables.length) {
      await client.$executeRawUnsafe(
        `TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`,
      );
    }
  }
  setDb(client, opened);
});

afterAll(async () => {
  await closeDb();
  const { rm } = await import("node:fs/promises");
  await rm(process.env.DATA_DIR!, { recursive: true, force: true });
});

// An unexpected console.error is a failure, not noise.
beforeAll(() => {
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error called: ${args.map(String).join(" ")}`);
  });
});
