import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { holdBookings } from "@/lib/bookings/hold";
import { getBookingGrid, getBookingInvoice, listHouseholdBookings } from "@/lib/bookings/queries";
import { parseTicked } from "@/lib/bookings/summary";
import { nextBookableDays } from "@/lib/catalogue/rules";
import { createCanteen, createFamily, createStaffActor, newSubmissionKey, openDays } from "@/lib/bookings/testing";
import { recordCounterPayment } from "@/lib/billing/staff";

const NOW = new Date("2026-06-03T08:00:00Z"); // Wednesday 3 June 2026, 10:00 Paris

describe("the parent's day grid", () => {
  it("says why each day cannot be ticked", async () => {
    const db = await getDb();
    const canteen = await createCanteen(db, { capacity: 1 });
    await openDays(db, canteen.product.id, ["2026-06-04", "2026-06-09", "2026-06-11", "2026-06-12", "2026-06-15"], 1);
    await db.slot.updateMany({ where: { productId: canteen.product.id, date: new Date("2026-06-12T00:00:00Z") }, data: { closed: true } });
    const family = await createFamily(db, { schoolClassId: canteen.schoolClass.id, children: 2 });
    const neighbour = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    const [emma, lucas] = family.children;
    const book = (f: typeof family, personId: string, date: string) =>
      holdBookings({ actor: f.actor, householdId: f.household.id, selections: [{ personId, productId: canteen.product.id, date }], submissionKey: newSubmissionKey(), now: NOW });
    const held = await book(family, emma.id, "2026-06-09");
    await book(neighbour, neighbour.children[0].id, "2026-06-11");

    const grid = await getBookingGrid({ householdId: family.household.id, productId: canteen.product.id, children: "tous", now: NOW });
    expect(grid.month).toBe("2026-06");
    expect(grid.previousMonth).toBeNull();
    expect(grid.nextMonth).toBe("2026-07");
    expect(grid.children.map((c) => c.classLine)).toEqual([
      `en classe CM1A MME GUILLEM sur site ${canteen.site.name}`,
      `en classe CM1A MME GUILLEM sur site ${canteen.site.name}`,
    ]);
    const states = Object.fromEntries(grid.days.map((d) => [d.shortLabel, [d.cells[emma.id], d.cells[lucas.id]]]));
    expect(states).toEqual({
      "Je 04": ["past", "past"],
      // Unpaid, the day is held, not "Réservé": the place goes back without payment.
      "Ma 09": ["held", "full"],
      "Je 11": ["full", "full"],
      "Ve 12": ["closed", "closed"],
      "Lu 15": ["available", "available"],
    });
    await recordCounterPayment({ actor: await createStaffActor(db), invoiceId: held.invoiceId, method: "CASH", now: NOW });
    const paid = await getBookingGrid({ householdId: family.household.id, productId: canteen.product.id, children: "tous", now: NOW });
    expect(paid.days.find((d) => d.day === "2026-06-09")?.cells[emma.id]).toBe("booked");
  });

  it("answers « introuvable » for another household's child, and outside the window shows the first open month", async () => {
    const db = await getDb();
    const canteen = await createCanteen(db);
    const family = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    const other = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    await expect(
      getBookingGrid({ householdId: family.household.id, productId: canteen.product.id, children: other.children[0].id, now: NOW }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const grid = await getBookingGrid({ householdId: family.household.id, productId: canteen.product.id, children: family.children[0].id, month: "2027-01", now: NOW });
    expect(grid.month).toBe("2026-06");
  });

  it("shows the requested open month's days only, and another family's booking as taken, never as theirs", async () => {
    const db = await getDb();
    const canteen = await createCanteen(db, { capacity: 1, openMonthsAhead: 2 });
    await openDays(db, canteen.product.id, ["2026-06-15", "2026-07-02", "2026-07-03", "2026-08-03"], 1);
    const family = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    const other = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    await holdBookings({
      actor: other.actor,
      householdId: other.household.id,
      selections: [{ personId: other.children[0].id, productId: canteen.product.id, date: "2026-07-02" }],
      submissionKey: newSubmissionKey(),
      now: NOW,
    });
    const read = (month?: string) => getBookingGrid({ householdId: family.household.id, productId: canteen.product.id, children: "tous", month, now: NOW });
    const july = await read("2026-07");
    expect(july).toMatchObject({ month: "2026-07", previousMonth: "2026-06", nextMonth: null });
    const emma = family.children[0].id;
    expect(july.days.map((d) => [d.day, d.cells[emma]])).toEqual([
      ["2026-07-02", "full"],
      ["2026-07-03", "available"],
    ]);
    expect(july.household.name).toBe(family.household.name);
    expect(july.children.map((c) => c.id)).toEqual([emma]);
    // August is past the two open months, May before them: both show June.
    for (const month of ["2026-08", "2026-05", "juin"]) expect((await read(month)).days.map((d) => d.day)).toEqual(["2026-06-15"]);
    const theirs = await getBookingGrid({ householdId: other.household.id, productId: canteen.product.id, children: "tous", month: "2026-07", now: NOW });
    expect(theirs.days[0].cells[other.children[0].id]).toBe("held");
  });
});

describe("a household's bookings and invoices", () => {
  it("lists only the household's own, and hides another's invoice", async () => {
    const db = await getDb();
    const canteen = await createCanteen(db);
    await openDays(db, canteen.product.id, ["2026-06-09"], 5);
    const family = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    const other = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    const held = await holdBookings({
      actor: family.actor,
      householdId: family.household.id,
      selections: [{ personId: family.children[0].id, productId: canteen.product.id, date: "2026-06-09" }],
      submissionKey: newSubmissionKey(),
      now: NOW,
    });
    const mine = await listHouseholdBookings({ householdId: family.household.id, month: "2026-06", now: NOW });
    expect(mine.children[0].bookings).toMatchObject([{ day: "2026-06-09", status: "HELD", invoiceId: held.invoiceId }]);
    const theirs = await listHouseholdBookings({ householdId: other.household.id, month: "2026-06", now: NOW });
    expect(theirs.children[0].bookings).toEqual([]);
    await expect(getBookingInvoice({ householdId: other.household.id, invoiceId: held.invoiceId, now: NOW })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const invoice = await getBookingInvoice({ householdId: family.household.id, invoiceId: held.invoiceId, now: NOW });
    expect(invoice).toMatchObject({ status: "PENDING_PAYMENT", totalCents: 250 });
    // Read after the hold ran out: cancelled lazily, number kept.
    const later = await getBookingInvoice({ householdId: family.household.id, invoiceId: held.invoiceId, now: new Date(NOW.getTime() + 16 * 60_000) });
    expect(later).toMatchObject({ status: "EXPIRED", number: held.number, cancelReason: "Délai de paiement dépassé" });
  });
});

describe("Mes réservations", () => {
  it("keeps a day reported absent, as absent, and drops a cancelled one", async () => {
    const db = await getDb();
    const canteen = await createCanteen(db);
    await openDays(db, canteen.product.id, ["2026-06-09", "2026-06-11"], 5);
    const family = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    await holdBookings({
      actor: family.actor,
      householdId: family.household.id,
      selections: ["2026-06-09", "2026-06-11"].map((date) => ({ personId: family.children[0].id, productId: canteen.product.id, date })),
      submissionKey: newSubmissionKey(),
      now: NOW,
    });
    const [sick, dropped] = await db.booking.findMany({ where: { householdId: family.household.id }, orderBy: { slot: { date: "asc" } } });
    await db.booking.update({ where: { id: sick.id }, data: { status: "ABSENT" } });
    await db.booking.update({ where: { id: dropped.id }, data: { status: "CANCELLED" } });
    const mine = await listHouseholdBookings({ householdId: family.household.id, month: "2026-06", now: NOW });
    expect(mine.children[0].bookings.map((b) => [b.day, b.status])).toEqual([["2026-06-09", "ABSENT"]]);
  });
});

describe("small helpers", () => {
  it("parses ticked boxes and finds the next bookable days", () => {
    expect(parseTicked("p", ["a|2026-06-09", "broken", "b|2026-06-11"])).toEqual([
      { personId: "a", productId: "p", date: "2026-06-09" },
      { personId: "b", productId: "p", date: "2026-06-11" },
    ]);
    // Wednesday 3 June 10:00: Thursday 4 and Friday 5 are past their deadline (2 days before at 10:00).
    expect(nextBookableDays(NOW, { weekdays: [1, 2, 4, 5], deadlineDays: 2, deadlineTime: "10:00", count: 3 })).toEqual(["2026-06-08", "2026-06-09", "2026-06-11"]);
  });
});
