import { afterAll, beforeAll } from "vitest";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQueryable } from "@prisma/driver-adapter-utils";
import type { OpenedDatabase } from "@/lib/db/adapter";
import { getDb, newClient, setDb, type Db } from "@/lib/db/client";

// Counts the SQL statements the database receives, at the driver adapter
// (relations and transactions included): what a page view or a feed fetch
// really costs. For the duration of the test file, the client getDb() hands
// out is swapped for one counting on the same database, and given back
// afterwards so the setup closes what it opened.

function counted<Q extends SqlQueryable>(queryable: Q, statements: string[]): Q {
  return new Proxy(queryable, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== "function") return value;
      if (prop === "queryRaw" || prop === "executeRaw") {
        return (query: { sql: string }) => {
          statements.push(query.sql);
          return value.call(target, query);
        };
      }
      if (prop === "startTransaction") return async (...args: unknown[]) => counted(await value.apply(target, args), statements);
      return value.bind(target);
    },
  });
}

/** Installs the counting client for this test file; the returned list fills as statements are sent (empty it to start a count). */
export function countStatements(): string[] {
  const statements: string[] = [];
  const holder = (globalThis as { __portailDb?: { client?: Db; opened?: Promise<OpenedDatabase> } }).__portailDb!;
  let original: { client: Db; opened: OpenedDatabase };
  beforeAll(async () => {
    original = { client: await getDb(), opened: (await holder.opened)! };
    const base = original.opened.factory;
    const factory: SqlDriverAdapterFactory = {
      provider: base.provider,
      adapterName: base.adapterName,
      connect: async () => counted<SqlDriverAdapter>(await base.connect(), statements),
    };
    setDb(newClient({ factory: factory as OpenedDatabase["factory"], close: async () => {} }), original.opened);
  });
  afterAll(async () => {
    await (await getDb()).$disconnect();
    setDb(original.client, original.opened);
  });
  return statements;
}
