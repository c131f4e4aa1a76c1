import { expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { holdBookings } from "@/lib/bookings/hold";
import { activeBookingWhere } from "@/lib/bookings/context";
import { createCanteen, createFamily, newSubmissionKey, openDays } from "@/lib/bookings/testing";
import { describeOnPostgres } from "@/lib/test/postgres";
import { racingClients } from "@/lib/test/racers";

const NOW = new Date("2026-06-03T08:00:00Z");
const DAY = "2026-06-09";
const RACERS = 24;
const CAPACITY = 6;
const ALREADY_TAKEN = 4; // two last places left

describeOnPostgres("holding the last places under concurrency (PostgreSQL)", () => {
  // One PrismaClient (own pool) per racer, so the transactions truly overlap.
  const clients = racingClients(RACERS);

  async function lastPlaces() {
    const db = await getDb();
    const canteen = await createCanteen(db, { capacity: CAPACITY });
    const [slot] = await openDays(db, canteen.product.id, [DAY], CAPACITY);
    for (let i = 0; i < ALREADY_TAKEN; i++) {
      const f = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
      await db.booking.create({ data: { slotId: slot.id, personId: f.children[0].id, householdId: f.household.id, status: "CONFIRMED", unitPriceCents: 320 } });
    }
    const families = [];
    for (let i = 0; i < RACERS; i++) families.push(await createFamily(db, { schoolClassId: canteen.schoolClass.id }));
    const active = () => db.booking.count({ where: { slotId: slot.id, ...activeBookingWhere(NOW) } });
    return { canteen, slot, families, active };
  }

  it("holds exactly the capacity, refusing the others with « Complet »", async () => {
    const { canteen, families, active } = await lastPlaces();
    const results = await Promise.allSettled(
      families.map((f, i) =>
        holdBookings({
          db: clients[i],
          actor: f.actor,
          householdId: f.household.id,
          selections: [{ personId: f.children[0].id, productId: canteen.product.id, date: DAY }],
          submissionKey: newSubmissionKey(),
          now: NOW,
        }),
      ),
    );
    const held = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(held).toHaveLength(CAPACITY - ALREADY_TAKEN);
    for (const r of refused) {
      expect(r.reason).toBeInstanceOf(AppError);
      expect((r.reason as AppError).message).toMatch(/^Complet/);
    }
    expect(await active()).toBe(CAPACITY);
    // Invoice numbers stay gapless under the same rush.
    const numbers = (await (await getDb()).invoice.findMany({ select: { number: true }, orderBy: { number: "asc" } })).map((n) => n.number);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => numbers[0] + i));
  });

  it("one form sent twice at once on days with no slot in common holds once: the loser answers with the winner's invoice", async () => {
    const db = await getDb();
    const canteen = await createCanteen(db, { capacity: CAPACITY });
    await openDays(db, canteen.product.id, [DAY, "2026-06-15"], CAPACITY);
    const family = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    const submissionKey = newSubmissionKey();
    const results = await Promise.all(
      [DAY, "2026-06-15"].map((date, i) =>
        holdBookings({
          db: clients[i],
          actor: family.actor,
          householdId: family.household.id,
          selections: [{ personId: family.children[0].id, productId: canteen.product.id, date }],
          submissionKey,
          now: NOW,
        }),
      ),
    );
    expect(results[1].invoiceId).toBe(results[0].invoiceId);
    expect(await db.booking.count({ where: { householdId: family.household.id } })).toBe(1);
  });

  it("control: the same check-then-insert without the slot lock overbooks, so the test above can see a race", async () => {
    const { slot, families, active } = await lastPlaces();
    // Test-only: what holdBookings would be without `FOR UPDATE`. The short
    // pause between count and insert stands for the work a real request does
    // there (pricing, invoice), making the interleaving certain rather than likely.
    const unlockedHold = (client: PrismaClient, f: (typeof families)[number]) =>
      client.$transaction(
        async (tx) => {
          const taken = await tx.booking.count({ where: { slotId: slot.id, ...activeBookingWhere(NOW) } });
          await tx.$executeRaw`SELECT pg_sleep(0.05)`;
          if (taken >= CAPACITY) throw new Error("Complet");
          await tx.booking.create({
            data: { slotId: slot.id, personId: f.children[0].id, householdId: f.household.id, status: "HELD", heldUntil: new Date(NOW.getTime() + 15 * 60_000), unitPriceCents: 320 },
          });
        },
        { isolationLevel: "ReadCommitted", timeout: 20_000 },
      );
    await Promise.allSettled(families.map((f, i) => unlockedHold(clients[i], f)));
    expect(await active()).toBeGreaterThan(CAPACITY);
  });
});
