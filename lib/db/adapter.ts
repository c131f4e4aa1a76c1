import fs from "node:fs";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { lockPgliteDirectory } from "./pglite-lock";
import type { DatabaseTarget } from "./url";

export type OpenedDatabase = {
  factory: SqlMigrationAwareDriverAdapterFactory;
  close: () => Promise<void>;
};

/** Opens the database lazily: never call this at import time (next build would open PGlite). */
export async function openDatabase(target: DatabaseTarget): Promise<OpenedDatabase> {
  if (target.kind === "postgres") {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const Client = await charAsTextClient();
    const config = (connectionString: string, max: number) => ({ connectionString, max, Client });
    const base = new PrismaPg(config(target.url, Number(process.env.DATABASE_POOL_SIZE ?? 10)));
    // PrismaPg's own shadow database keeps the connection string, which names
    // the main database, so migrations would replay onto it: point a fresh
    // adapter at a throwaway database instead.
    const factory: SqlMigrationAwareDriverAdapterFactory = {
      provider: base.provider,
      adapterName: base.adapterName,
      connect: () => base.connect(),
      connectToShadowDb: async () => {
        const admin = await base.connect();
        const name = `shadow_${crypto.randomUUID().replaceAll("-", "")}`;
        await admin.executeScript(`CREATE DATABASE "${name}"`);
        const url = new URL(target.url);
        url.pathname = `/${name}`;
        const shadow = await new PrismaPg(config(url.toString(), 2)).connect();
        const dispose = shadow.dispose.bind(shadow);
        shadow.dispose = async () => {
          await dispose();
          await admin.executeScript(`DROP DATABASE IF EXISTS "${name}"`);
          await admin.dispose();
        };
        return shadow;
      },
    };
    return { factory, close: async () => {} };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  let release = () => {};
  let client;
  if (target.dir) {
    release = lockPgliteDirectory(target.dir);
    fs.mkdirSync(target.dir, { recursive: true });
    client = await PGlite.create({ dataDir: target.dir });
  } else {
    client = await PGlite.create();
  }
  return {
    factory: new PrismaPGlite(client),
    close: async () => {
      await client.close();
      release();
    },
  };
}

/**
 * The schema engine reads pg_catalog columns of type "char" (oid 18), which
 * PrismaPg refuses as an unsupported column type. Their values already arrive
 * as strings, so they are announced as text (oid 25).
 */
async function charAsTextClient() {
  const pg = (await import("pg")).default;
  type Fields = { fields?: { dataTypeID: number }[] };
  const fix = <T>(result: T): T => {
    for (const field of (result as Fields)?.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
    return result;
  };
  type Query = { text?: string; values?: unknown[] };
  const textOf = (args: unknown[]) => (typeof args[0] === "string" ? args[0] : (args[0] as Query | undefined)?.text);
  return class CharAsTextClient extends pg.Client {
    #turn: Promise<unknown> = Promise.resolve();
    /** A BEGIN not sent yet: it goes with the statement that follows. */
    #begin = false;

    query(...args: unknown[]): never {
      // pg.Pool calls query with a trailing callback, on a client it lent for that one query.
      const last = args.length - 1;
      if (typeof args[last] === "function") {
        const callback = args[last] as (error: Error | null, result: unknown) => void;
        args[last] = (error: Error | null, result: unknown) => callback(error, error ? result : fix(result));
        return (super.query as (...a: unknown[]) => unknown)(...args) as never;
      }
      // PrismaPg opens a transaction with BEGIN, then SET TRANSACTION
      // ISOLATION LEVEL when one is asked for: two round trips where
      // "BEGIN ISOLATION LEVEL …" is one. BEGIN is held back until the next
      // statement, and merged with it when it sets the level.
      const text = textOf(args);
      if (text === "BEGIN" && !this.#begin) {
        this.#begin = true;
        return Promise.resolve({ command: "BEGIN", rowCount: null, rows: [], fields: [] }) as never;
      }
      const send = (a: unknown[]) => () => (super.query as (...q: unknown[]) => Promise<unknown>)(...a);
      let run = send(args);
      if (this.#begin) {
        this.#begin = false;
        const level = text?.match(/^SET TRANSACTION ISOLATION LEVEL ([A-Z ]+)$/)?.[1];
        if (level) run = send([{ ...(args[0] as Query), text: `BEGIN ISOLATION LEVEL ${level}` }]);
        else {
          const statement = run;
          run = () => send(["BEGIN"])().then(statement);
        }
      }
      // Prisma runs the relations of one include as concurrent queries, also
      // on a transaction's single connection, where pg queues them with a
      // deprecation warning and pg 9 will refuse them: they take turns here.
      const result = this.#turn.then(run, run).then(fix);
      this.#turn = result.catch(() => undefined);
      return result as never;
    }
  };
}
