import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { holdBookings } from "@/lib/bookings/hold";
import { cancelPendingBookings, expireStaleHolds } from "@/lib/bookings/cancel";
import { activeBookingWhere } from "@/lib/bookings/context";
import { createCanteen, createFamily, createStaffActor, newSubmissionKey, openDays } from "@/lib/bookings/testing";

// "now" is fixed: the 3 June 2026 at 10:00 Paris; June is open, days from the 8th are bookable.
const NOW = new Date("2026-06-03T08:00:00Z");
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

async function setup({ capacity = 10 } = {}) {
  const db = await getDb();
  const canteen = await createCanteen(db, { capacity });
  const opened = await openDays(db, canteen.product.id, ["2026-06-05", "2026-06-09", "2026-06-15"], capacity);
  // slots[0] is the 9th, the day most tests book; slots[1] the 15th.
  const slots = [opened[1], opened[2], opened[0]];
  return { db, canteen, slots };
}

async function activeOn(slotId: string, now = NOW) {
  const db = await getDb();
  return db.booking.count({ where: { slotId, ...activeBookingWhere(now) } });
}

describe("holdBookings", () => {
  it("holds the days and creates the pending invoice priced on the server", async () => {
    const { db, canteen, slots } = await setup();
    const family = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    const emma = family.children[0];
    const result = await holdBookings({
      actor: family.actor,
      householdId: family.household.id,
      selections: [
        { personId: emma.id, productId: canteen.product.id, date: "2026-06-09" },
        { personId: emma.id, productId: canteen.product.id, date: "2026-06-15" },
      ],
      submissionKey: newSubmissionKey(),
      now: NOW,
    });
    expect(result.totalCents).toBe(500);
    expect(result.heldUntil.toISOString()).toBe(minutes(15).toISOString());
    const invoice = await db.invoice.findUniqueOrThrow({ where: { id: result.invoiceId }, include: { lines: true, bookings: true } });
    expect(invoice.status).toBe("PENDING_PAYMENT");
    expect(invoice.paymentIdentifier).toMatch(/^[0-9A-HJKMNP-TV-Z]{20}$/);
    expect(invoice.lines).toMatchObject([{ label: `Emma ${canteen.service.name} Repas cantine 9, 15 juin 2026`, quantity: 2, unitPriceCents: 250, totalCents: 500 }]);
    expect(invoice.bookings.map((b) => b.status)).toEqual(["HELD", "HELD"]);
    // Each booking keeps the price it was sold at; the account owes the invoice.
    for (const booking of invoice.bookings) expect(booking).toMatchObject({ unitPriceCents: 250, tariffId: expect.any(String), heldUntil: minutes(15) });
    expect(await db.ledgerEntry.findMany({ where: { invoiceId: result.invoiceId } })).toMatchObject([
      { kind: "INVOICE", amountCents: 500, label: `Facture N° ${result.number}`, householdId: family.household.id, actorId: family.actor.id },
    ]);
    expect(await activeOn(slots[0].id)).toBe(1);
  });

  it("charges the highest bracket to a household without a QF", async () => {
    const { db, canteen } = await setup();
    const family = await createFamily(db, { schoolClassId: canteen.schoolClass.id, qf: null });
    const result = await holdBookings({
      actor: family.actor,
      householdId: family.household.id,
      selections: [{ personId: family.children[0].id, productId: canteen.product.id, date: "2026-06-09" }],
      submissionKey: newSubmissionKey(),
      now: NOW,
    });
    expect(result.totalCents).toBe(450);
  });

  it("gives gapless invoice numbers, a refused hold taking none", async () => {
    const { db, canteen } = await setup({ capacity: 1 });
    const families = await Promise.all([1, 2, 3].map(() => createFamily(db, { schoolClassId: canteen.schoolClass.id })));
    const numbers: number[] = [];
    for (const [index, family] of families.entries()) {
      const attempt = holdBookings({
        actor: family.actor,
        householdId: family.household.id,
        // The second family wants the day the first already took: refused, no number consumed.
        selections: [{ personId: family.children[0].id, productId: canteen.product.id, date: index === 2 ? "2026-06-15" : "2026-06-09" }],
        submissionKey: newSubmissionKey(),
        now: NOW,
      });
      if (index === 1) await expect(attempt).rejects.toThrow(/Complet/);
      else numbers.push((await attempt).number);
    }
    expect(numbers[1]).toBe(numbers[0] + 1);
  });

  it("returns the same invoice for a resubmitted form", async () => {
    const { db, canteen, slots } = await setup();
    const family = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    const input = {
      actor: family.actor,
      householdId: family.household.id,
      selections: [{ personId: family.children[0].id, productId: canteen.product.id, date: "2026-06-09" }],
      submissionKey: newSubmissionKey(),
      now: NOW,
    };
    const [a, b] = await Promise.all([holdBookings(input), holdBookings(input)]);
    const c = await holdBookings(input);
    expect(b.invoiceId).toBe(a.invoiceId);
    expect(c.invoiceId).toBe(a.invoiceId);
    // Sent again once the day is past its deadline (the back button, the next day): still the first invoice.
    const late = await holdBookings({ ...input, now: new Date("2026-06-08T12:00:00Z") });
    expect(late.invoiceId).toBe(a.invoiceId);
    expect(await activeOn(slots[0].id)).toBe(1);
    expect(await db.invoice.count({ where: { householdId: family.household.id } })).toBe(1);
    // Another household's key (a forged form) learns nothing about it.
    const other = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    await expect(
      holdBookings({ ...input, actor: other.actor, householdId: other.household.id, selections: [{ ...input.selections[0], personId: other.children[0].id }] }),
    ).rejects.toThrow("Réservation introuvable.");
  });

  it("never books a child twice on one day", async () => {
    const { db, canteen } = await setup();
    const family = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    const selection = { personId: family.children[0].id, productId: canteen.product.id, date: "2026-06-09" };
    await holdBookings({ actor: family.actor, householdId: family.household.id, selections: [selection], submissionKey: newSubmissionKey(), now: NOW });
    await expect(
      holdBookings({ actor: family.actor, householdId: family.household.id, selections: [selection], submissionKey: newSubmissionKey(), now: NOW }),
    ).rejects.toThrow(/déjà une réservation/);
  });

  it("refuses days past the deadline, closed or not open, and other households' children", async () => {
    const { db, canteen, slots } = await setup();
    const family = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    const other = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    const hold = (personId: string, date: string) =>
      holdBookings({
        actor: family.actor,
        householdId: family.household.id,
        selections: [{ personId, productId: canteen.product.id, date }],
        submissionKey: newSubmissionKey(),
        now: NOW,
      });
    const emma = family.children[0].id;
    await expect(hold(emma, "2026-06-05")).rejects.toThrow(/Délai de réservation dépassé/);
    await expect(hold(emma, "2026-06-10")).rejects.toThrow(/fermé/);
    await expect(hold(emma, "2026-09-09")).rejects.toThrow(/pas ouvertes/);
    await db.slot.update({ where: { id: slots[1].id }, data: { closed: true } });
    await expect(hold(emma, "2026-06-15")).rejects.toThrow(/fermé/);
    const foreign = hold(other.children[0].id, "2026-06-09");
    await expect(foreign).rejects.toThrow(AppError);
    await expect(foreign).rejects.toMatchObject({ code: "NOT_FOUND", message: "Enfant introuvable." });
  });
});

describe("cancel and expiry", () => {
  it("cancelling frees the places at once and keeps the invoice number", async () => {
    const { db, canteen, slots } = await setup({ capacity: 1 });
    const first = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    const second = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    const want = (f: typeof first) => ({
      actor: f.actor,
      householdId: f.household.id,
      selections: [{ personId: f.children[0].id, productId: canteen.product.id, date: "2026-06-09" }],
      submissionKey: newSubmissionKey(),
      now: NOW,
    });
    const held = await holdBookings(want(first));
    await expect(holdBookings(want(second))).rejects.toThrow(/Complet/);
    await expect(
      cancelPendingBookings({ actor: second.actor, householdId: second.household.id, invoiceId: held.invoiceId, now: NOW }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await cancelPendingBookings({ actor: first.actor, householdId: first.household.id, invoiceId: held.invoiceId, now: NOW });
    const invoice = await db.invoice.findUniqueOrThrow({ where: { id: held.invoiceId } });
    expect(invoice).toMatchObject({ status: "CANCELLED", number: held.number });
    expect(await activeOn(slots[0].id)).toBe(0);
    await expect(holdBookings(want(second))).resolves.toMatchObject({ reused: false });
  });

  it("an expired hold stops counting by itself and its invoice expires lazily", async () => {
    const { db, canteen, slots } = await setup({ capacity: 1 });
    const first = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    const second = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    const want = (f: typeof first, now: Date) => ({
      actor: f.actor,
      householdId: f.household.id,
      selections: [{ personId: f.children[0].id, productId: canteen.product.id, date: "2026-06-09" }],
      submissionKey: newSubmissionKey(),
      now,
    });
    const held = await holdBookings(want(first, NOW));
    expect(await activeOn(slots[0].id, minutes(14))).toBe(1);
    await expect(holdBookings(want(second, minutes(14)))).rejects.toThrow(/Complet/);
    expect(await activeOn(slots[0].id, minutes(15))).toBe(0);
    await holdBookings(want(second, minutes(15)));
    expect(await expireStaleHolds(minutes(15), { householdId: first.household.id })).toBe(1);
    expect(await db.booking.findFirst({ where: { invoiceId: held.invoiceId } })).toMatchObject({ status: "EXPIRED" });
    expect(await db.invoice.findUniqueOrThrow({ where: { id: held.invoiceId } })).toMatchObject({ status: "EXPIRED", number: held.number });
  });
});

describe("staff lists and calendar", () => {
  it("lists the day's children and exports them for French Excel", async () => {
    const { dayList, dayListCsv } = await import("@/lib/bookings/lists");
    const { db, canteen } = await setup();
    const family = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    await holdBookings({
      actor: family.actor,
      householdId: family.household.id,
      selections: [{ personId: family.children[0].id, productId: canteen.product.id, date: "2026-06-09" }],
      submissionKey: newSubmissionKey(),
      now: NOW,
    });
    const list = await dayList({ productId: canteen.product.id, day: "2026-06-09", now: NOW });
    expect(list.rows).toMatchObject([{ firstName: "Emma", className: "CM1A", siteName: canteen.site.name, status: "HELD" }]);
    const csv = dayListCsv(list);
    expect(csv.startsWith("\uFEFF\"Date\";\"Prestation\"")).toBe(true);
    expect(csv).toContain('"09/06/2026"');
    // Once the hold has run out, the child is no longer expected.
    expect((await dayList({ productId: canteen.product.id, day: "2026-06-09", now: minutes(20) })).rows).toHaveLength(0);
  });

  it("opens a month on chosen weekdays, skipping holidays and closures; capacity never drops below bookings", async () => {
    const { openMonth, setSlotCapacity } = await import("@/lib/catalogue/calendar");
    const db = await getDb();
    const canteen = await createCanteen(db, { capacity: 1 });
    const actor = await createStaffActor(db);
    await db.closure.create({ data: { label: "Pont", startDate: new Date("2026-05-15T00:00:00Z"), endDate: new Date("2026-05-15T00:00:00Z") } });
    const result = await openMonth({ db, actor, productId: canteen.product.id, month: "2026-05", weekdays: [4, 5] });
    // Thursdays and Fridays of May 2026, without 1 and 8 May, Ascension (14th) and the closure (15th).
    expect(result.created).toEqual(["2026-05-07", "2026-05-21", "2026-05-22", "2026-05-28", "2026-05-29"]);
    expect(result.skipped.map((s) => s.reason)).toEqual(["Fête du Travail", "Victoire 1945", "Ascension", "Pont"]);
    expect((await openMonth({ db, actor, productId: canteen.product.id, month: "2026-05", weekdays: [4, 5] })).created).toEqual([]);

    const [slot] = await openDays(db, canteen.product.id, ["2026-06-09"], 3);
    const family = await createFamily(db, { schoolClassId: canteen.schoolClass.id, children: 2 });
    await holdBookings({
      actor: family.actor,
      householdId: family.household.id,
      selections: family.children.map((c) => ({ personId: c.id, productId: canteen.product.id, date: "2026-06-09" })),
      submissionKey: newSubmissionKey(),
      now: NOW,
    });
    await expect(setSlotCapacity({ actor, slotId: slot.id, capacity: 1, now: NOW })).rejects.toThrow(/2 places sont déjà réservées/);
    await setSlotCapacity({ actor, slotId: slot.id, capacity: 2, now: NOW });
    await setSlotCapacity({ actor, slotId: slot.id, capacity: 0, now: minutes(30) });
    // The calendar is staff's: a parent's id as the actor changes nothing.
    await expect(setSlotCapacity({ actor: family.actor, slotId: slot.id, capacity: 9, now: NOW })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(openMonth({ db, actor: family.actor, productId: canteen.product.id, month: "2026-07", weekdays: [1] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.slot.findUniqueOrThrow({ where: { id: slot.id } })).capacity).toBe(0);
    expect(await db.slot.count({ where: { productId: canteen.product.id, date: { gte: new Date("2026-07-01T00:00:00Z") } } })).toBe(0);
  });
});

describe("siblings", () => {
  it("books two children on one day and refuses only the child already booked", async () => {
    const { db, canteen, slots } = await setup();
    const family = await createFamily(db, { schoolClassId: canteen.schoolClass.id, children: 2 });
    const [emma, lucas] = family.children;
    const hold = (selections: { personId: string; date: string }[]) =>
      holdBookings({
        actor: family.actor,
        householdId: family.household.id,
        selections: selections.map((s) => ({ ...s, productId: canteen.product.id })),
        submissionKey: newSubmissionKey(),
        now: NOW,
      });
    await hold([{ personId: emma.id, date: "2026-06-09" }]);
    // Emma on the 9th is taken; Lucas on the 9th and Emma on the 15th are not, but the one conflict refuses the whole form.
    await expect(
      hold([
        { personId: lucas.id, date: "2026-06-09" },
        { personId: emma.id, date: "2026-06-15" },
        { personId: emma.id, date: "2026-06-09" },
      ]),
    ).rejects.toThrow(/Emma a déjà une réservation le/);
    const both = await hold([
      { personId: lucas.id, date: "2026-06-09" },
      { personId: emma.id, date: "2026-06-15" },
    ]);
    expect(both.totalCents).toBe(500);
    expect(await activeOn(slots[0].id)).toBe(2);
  });
});
