import { describe, expect, it } from "vitest";
import { countStatements } from "@/lib/test/count-statements";
import { createCanteen, createFamily, openDays } from "@/lib/bookings/testing";
import { getDb } from "@/lib/db/client";
import { createCalendarFeed, readCalendarFeed } from "./index";

// What one fetch of the feed costs the database, counted at the driver
// adapter (see lib/bookings/page-statements.test.ts): calendar apps poll
// every feed all day long.

const NOW = new Date("2026-06-03T08:00:00Z");
const statements = countStatements();

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
