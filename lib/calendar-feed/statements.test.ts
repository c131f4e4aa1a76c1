import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQueryable } from "@prisma/driver-adapter-utils";
import type { OpenedDatabase } from "@/lib/db/adapter";
import { createCanteen, createFamily, openDays } from "@/lib/bookings/testing";
import { getDb, newClient, setDb, type Db } from "@/lib/db/client";
import { createCalendarFeed, readCalendarFeed } from "./index";

// What one fetch of the feed costs the database, counted at the driver
// adapter (see lib/bookings/page-statements.test.ts): calendar apps poll
// every feed all day long.

const NOW = new Date("2026-06-03T08:00:00Z");
const statements: string[] = [];

function counted<Q extends SqlQueryable>(queryable: Q): Q {
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
      if (prop === "startTransaction") return async (...args: unknown[]) => counted(await value.apply(target, args));
      return value.bind(target);
    },
  });
}

const holder = (globalThis as { __portailDb?: { client?: Db; opened?: Promise<OpenedDatabase> } }).__portailDb!;
let original: { client: Db; opened: OpenedDatabase };

beforeAll(async () => {
  original = { client: await getDb(), opened: (await holder.opened)! };
  const base = original.opened.factory;
  const factory: SqlDriverAdapterFactory = {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => counted<SqlDriverAdapter>(await base.connect()),
  };
  setDb(newClient({ factory: factory as OpenedDatabase["factory"], close: async () => {} }), original.opened);
});

afterAll(async () => {
  await (await getDb()).$disconnect();
  setDb(original.client, original.opened);
});

describe("statements per feed fetch", () => {
  it("reads a feed in one statement, two when « dernière utilisation » moves", async () => {
    const db = await getDb();
    const canteen = await createCanteen(db);
    const slots = await openDays(db, canteen.product.id, ["2026-06-08", "2026-06-09", "2026-06-15"], 10);
    const family = await createFamily(db, { schoolClassId: canteen.schoolClass.id, children: 2 });
    for (const [i, slot] of slots.entries()) {
      await db.booking.create({
        data: { slotId: slot.id, personId: family.children[i % 2].id, householdId: family.household.id, status: "CONFIRMED", unitPriceCents: 320 },
      });
    }
    const { url } = await createCalendarFeed({ actor: { id: family.account.id, householdId: family.household.id }, label: "Agenda", now: NOW });
    const token = /([A-Za-z0-9_-]{43})\.ics$/.exec(url)![1];

    const fetchOnce = async (now: Date) => {
      statements.length = 0;
      const ics = await readCalendarFeed({ token, now });
      return { ics, count: statements.length };
    };
    const first = await fetchOnce(NOW);
    expect(first.ics?.match(/BEGIN:VEVENT/g)).toHaveLength(5);
    expect(first.count).toBe(2);
    expect((await fetchOnce(new Date(NOW.getTime() + 5 * 60_000))).count).toBe(1);
  });
});
