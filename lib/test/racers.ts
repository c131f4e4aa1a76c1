import { afterAll, beforeAll } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { openDatabase } from "@/lib/db/adapter";
import { parseDatabaseUrl } from "@/lib/db/url";
import { newClient } from "@/lib/db/client";

/**
 * `count` PrismaClients for a race test, each with its own pool of two
 * connections so that the racers' transactions truly overlap; connected
 * before the file's tests, disconnected after. Call inside the describe.
 */
export function racingClients(count: number): PrismaClient[] {
  const clients: PrismaClient[] = [];

  beforeAll(async () => {
    const previous = process.env.DATABASE_POOL_SIZE;
    process.env.DATABASE_POOL_SIZE = "2";
    for (let i = 0; i < count; i++) {
      const opened = await openDatabase(parseDatabaseUrl(process.env.DATABASE_URL!));
      const client = newClient(opened);
      await client.$connect();
      clients.push(client);
    }
    process.env.DATABASE_POOL_SIZE = previous;
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.$disconnect()));
  });

  return clients;
}
