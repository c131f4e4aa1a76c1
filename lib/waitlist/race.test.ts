import { expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db/client";
import { activeBookingWhere } from "@/lib/bookings/context";
import { cancelPendingBookings } from "@/lib/bookings/cancel";
import { holdBookings } from "@/lib/bookings/hold";
import { createCanteen, createFamily, newSubmissionKey, openDays } from "@/lib/bookings/testing";
import { describeOnPostgres } from "@/lib/test/postgres";
import { racingClients } from "@/lib/test/racers";
import { acceptOffer } from "./accept";
import { declineOffer, joinWaitlist, offerFreedPlaces } from "./index";

const NOW = new Date("2026-06-03T08:00:00Z");
const DAY = "2026-06-09";
const CAPACITY = 4;
const WAITERS = 10;
const RUSHERS = 6;

// Cancellations, offers, acceptances, refusals and first-come holds on one
// slot at the same time: the slot's row lock serialises every step that
// counts its places, so the slot never holds more than its capacity and no
// freed place is offered twice. The control runs the offer's own
// check-then-write without the lock and shows what the lock prevents.
describeOnPostgres("waiting lists under concurrency (PostgreSQL)", () => {
  // One PrismaClient (own pool) per racer for the holds, so their transactions truly overlap.
  const clients = racingClients(RUSHERS + 8);

  /** A day whose places are all held by families who will cancel, a long waiting list, and first-come families. */
  async function crowdedDay() {
    const db = await getDb();
    const canteen = await createCanteen(db, { capacity: CAPACITY });
    const [slot] = await openDays(db, canteen.product.id, [DAY], CAPACITY);
    const holders = [];
    for (let i = 0; i < CAPACITY; i++) {
      const f = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
      const hold = await holdBookings({
        actor: f.actor,
        householdId: f.household.id,
        selections: [{ personId: f.children[0].id, productId: canteen.product.id, date: DAY }],
        submissionKey: newSubmissionKey(),
        now: NOW,
      });
      holders.push({ ...f, invoiceId: hold.invoiceId });
    }
    const waiters = [];
    for (let i = 0; i < WAITERS; i++) {
      const f = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
      await joinWaitlist({ actor: f.actor, householdId: f.household.id, personId: f.children[0].id, slotId: slot.id, now: NOW });
      waiters.push(f);
    }
    const rushers: Awaited<ReturnType<typeof createFamily>>[] = [];
    for (let i = 0; i < RUSHERS; i++) rushers.push(await createFamily(db, { schoolClassId: canteen.schoolClass.id }));
    const active = () => db.booking.count({ where: { slotId: slot.id, ...activeBookingWhere(NOW) } });
    const rush = () =>
      rushers.map((f, i) =>
        holdBookings({
          db: clients[i],
          actor: f.actor,
          householdId: f.household.id,
          selections: [{ personId: f.children[0].id, productId: canteen.product.id, date: DAY }],
          submissionKey: newSubmissionKey(),
          now: NOW,
        }),
      );
    return { db, canteen, slot, holders, waiters, rushers, active, rush };
  }

  /** Each waiting child was offered a place at most once, and every offer still running holds its own place. */
  async function offeredOnce(db: PrismaClient, slotId: string) {
    const offers = await db.auditEvent.groupBy({ by: ["targetId"], where: { action: "waitlist.offer", targetId: { not: null } }, _count: true });
    const entries = new Set((await db.waitlistEntry.findMany({ where: { slotId }, select: { id: true } })).map((e) => e.id));
    for (const o of offers) if (entries.has(o.targetId!)) expect(o._count).toBe(1);
    const offered = await db.waitlistEntry.findMany({ where: { slotId, status: "OFFERED" }, select: { bookingId: true } });
    expect(new Set(offered.map((o) => o.bookingId)).size).toBe(offered.length);
    // An offer's hold is a booking of that child on that slot, counted like any hold.
    const booked = await db.booking.count({ where: { id: { in: offered.map((o) => o.bookingId!) }, slotId, ...activeBookingWhere(NOW) } });
    expect(booked).toBe(offered.length);
  }

  it("cancellations, offers, acceptances, refusals and first-come holds at once: never above capacity, no place offered twice", async () => {
    const { db, slot, holders, waiters, active, rush } = await crowdedDay();
    // Round 1: every holder cancels while offers run from several places and first-come families rush.
    const round1 = await Promise.allSettled([
      ...holders.map((h) => cancelPendingBookings({ actor: h.actor, householdId: h.household.id, invoiceId: h.invoiceId, now: NOW })),
      ...Array.from({ length: 6 }, (_, i) => offerFreedPlaces({ slotIds: [slot.id], now: NOW, db: clients[RUSHERS + i] })),
      ...rush(),
    ]);
    expect(round1.slice(0, CAPACITY + 6).filter((r) => r.status === "rejected")).toEqual([]);
    // A first-come family never takes a place the list waits for.
    for (const r of round1.slice(CAPACITY + 6)) expect(r.status === "rejected" && String(r.reason)).toMatch(/Complet/);
    expect(await active()).toBe(CAPACITY);
    expect(await db.waitlistEntry.count({ where: { slotId: slot.id, status: "OFFERED" } })).toBe(CAPACITY);
    await offeredOnce(db, slot.id);

    // Round 2: the offered families answer (half accept, twice each, half refuse) while offers and holds go on.
    const offered = await db.waitlistEntry.findMany({ where: { slotId: slot.id, status: "OFFERED" }, orderBy: { rank: "asc" } });
    const family = (householdId: string) => waiters.find((w) => w.household.id === householdId)!;
    const accepting = offered.filter((_, i) => i % 2 === 0);
    const declining = offered.filter((_, i) => i % 2 === 1);
    const round2 = await Promise.allSettled([
      ...accepting.flatMap((e) => [0, 1].map(() => acceptOffer({ actor: family(e.householdId).actor, householdId: e.householdId, entryId: e.id, now: NOW }))),
      ...declining.map((e) => declineOffer({ actor: family(e.householdId).actor, householdId: e.householdId, entryId: e.id, now: NOW })),
      ...Array.from({ length: 6 }, (_, i) => offerFreedPlaces({ slotIds: [slot.id], now: NOW, db: clients[RUSHERS + i] })),
      ...rush(),
    ]);
    expect(round2.slice(0, accepting.length * 2 + declining.length).filter((r) => r.status === "rejected")).toEqual([]);
    expect(await active()).toBe(CAPACITY);
    // Each acceptance invoiced once, a double click included.
    for (const e of accepting) expect(await db.invoice.count({ where: { householdId: e.householdId } })).toBe(1);
    // The refused places went to the next on the list, not to the rush.
    expect(await db.waitlistEntry.count({ where: { slotId: slot.id, status: "OFFERED" } })).toBe(declining.length);
    await offeredOnce(db, slot.id);
  });

  it("control: the offer's check-then-write without the slot lock offers the same places twice and overbooks", async () => {
    const { db, slot, holders, active } = await crowdedDay();
    for (const h of holders) await db.booking.updateMany({ where: { invoiceId: h.invoiceId }, data: { status: "CANCELLED", heldUntil: null } });
    // Test-only: what offerFreedPlaces does for one slot, without lockRows. The
    // short pause stands for the pricing, audit and email between count and
    // write, making the interleaving certain rather than likely.
    const unlockedOffer = (client: PrismaClient) =>
      client.$transaction(
        async (tx) => {
          const taken = await tx.booking.count({ where: { slotId: slot.id, ...activeBookingWhere(NOW) } });
          const waiting = await tx.waitlistEntry.findMany({ where: { slotId: slot.id, status: "WAITING" }, orderBy: { rank: "asc" }, take: CAPACITY - taken });
          await tx.$executeRaw`SELECT pg_sleep(0.05)`;
          for (const w of waiting) {
            const booking = await tx.booking.create({
              data: { slotId: slot.id, personId: w.personId, householdId: w.householdId, status: "HELD", heldUntil: new Date(NOW.getTime() + 48 * 3_600_000), unitPriceCents: 250 },
            });
            await tx.waitlistEntry.update({ where: { id: w.id }, data: { status: "OFFERED", bookingId: booking.id } });
          }
        },
        { isolationLevel: "ReadCommitted", timeout: 20_000 },
      );
    await Promise.allSettled(clients.slice(0, 6).map((c) => unlockedOffer(c)));
    expect(await active()).toBeGreaterThan(CAPACITY);
  });
});
