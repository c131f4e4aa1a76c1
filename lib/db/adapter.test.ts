import pg from "pg";
import { afterAll, beforeAll, expect, vi } from "vitest";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { openDatabase } from "./adapter";
import { newClient } from "./client";
import { parseDatabaseUrl } from "./url";
import { describeOnPostgres, itOnPostgres } from "@/lib/test/postgres";

describeOnPostgres("transactions on PostgreSQL", () => {
  let db: PrismaClient;
  const sent: string[] = [];

  beforeAll(async () => {
    db = newClient(await openDatabase(parseDatabaseUrl(process.env.DATABASE_URL!)));
    await db.$connect();
    const query = pg.Client.prototype.query;
    vi.spyOn(pg.Client.prototype, "query").mockImplementation(function (this: pg.Client, ...args: unknown[]) {
      const first = args[0] as string | { text?: string };
      sent.push(typeof first === "string" ? first : (first.text ?? ""));
      return (query as (...a: unknown[]) => unknown).apply(this, args) as never;
    });
  });

  afterAll(async () => {
    vi.restoreAllMocks();
    await db.$disconnect();
  });

  const xact = "SELECT pg_current_xact_id()::text AS id, current_setting('transaction_isolation') AS level";

  itOnPostgres("opens a transaction at the asked isolation level in one statement", async () => {
    sent.length = 0;
    const [first, second] = await db.$transaction(
      async (tx) => [await tx.$queryRawUnsafe<{ id: string; level: string }[]>(xact), await tx.$queryRawUnsafe<{ id: string; level: string }[]>(xact)],
      { isolationLevel: Prisma.TransactionIsolationLevel.Serializable },
    );
    expect(first[0]).toEqual({ id: second[0].id, level: "serializable" });
    expect(sent).toEqual(["BEGIN ISOLATION LEVEL SERIALIZABLE", xact, xact, "COMMIT"]);
  });

  itOnPostgres("sends a plain BEGIN with the first statement, and rolls back what a failed transaction wrote", async () => {
    sent.length = 0;
    const [first, second] = await db.$transaction(async (tx) => [await tx.$queryRawUnsafe<{ id: string }[]>(xact), await tx.$queryRawUnsafe<{ id: string }[]>(xact)]);
    expect(first[0].id).toBe(second[0].id);
    expect(sent).toEqual(["BEGIN", xact, xact, "COMMIT"]);

    const table = `adapter_probe_${process.pid}`;
    await db.$executeRawUnsafe(`CREATE TABLE "${table}" (n int)`);
    try {
      await expect(
        db.$transaction(
          async (tx) => {
            await tx.$executeRawUnsafe(`INSERT INTO "${table}" VALUES (1)`);
            throw new Error("abandon");
          },
          { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted },
        ),
      ).rejects.toThrow("abandon");
      expect(await db.$queryRawUnsafe(`SELECT count(*)::int AS n FROM "${table}"`)).toEqual([{ n: 0 }]);
    } finally {
      await db.$executeRawUnsafe(`DROP TABLE "${table}"`);
    }
  });
});
