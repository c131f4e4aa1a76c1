import "server-only";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { openDatabase, type OpenedDatabase } from "./adapter";
import { env } from "@/lib/env";
import { parseDatabaseUrl } from "./url";
import { invalidInputError } from "./invalid-input";

type Holder = { client?: PrismaClient; opened?: Promise<OpenedDatabase> };

// Kept on globalThis so that dev hot reloads reuse one PGlite instance.
const holder: Holder = ((globalThis as { __portailDb?: Holder }).__portailDb ??= {});

/**
 * The one place that builds the Prisma client. The database is opened on
 * first use, not at import, so `next build` never touches it.
 */
export async function getDb(): Promise<PrismaClient> {
  if (holder.client) return holder.client;
  holder.opened ??= openDatabase(parseDatabaseUrl(env().databaseUrl));
  const opened = await holder.opened;
  holder.client ??= newClient(opened);
  return holder.client;
}

/**
 * The client on an opened database, the app's and the tests' and the
 * bench's alike. On every query, in or out of a transaction, a value the
 * database refuses as malformed becomes AppError INVALID
 * (lib/db/invalid-input.ts). A query-only extension leaves the client's API
 * as it was, hence the cast.
 */
export function newClient(opened: OpenedDatabase): PrismaClient {
  return new PrismaClient({ adapter: opened.factory }).$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          throw invalidInputError(error) ?? error;
        }
      },
    },
  }) as unknown as PrismaClient;
}

/** For tests and scripts: use an already opened database. */
export function setDb(client: PrismaClient | undefined, opened?: OpenedDatabase) {
  holder.client = client;
  holder.opened = opened ? Promise.resolve(opened) : undefined;
}

export async function closeDb() {
  const opened = holder.opened;
  const client = holder.client;
  holder.client = undefined;
  holder.opened = undefined;
  await client?.$disconnect();
  await (await opened)?.close();
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** The adapter factory of the opened database, for the migration engine. */
export async function openedFactory() {
  await getDb();
  return (await holder.opened!).factory;
}
