import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { recordCounterPayment } from "@/lib/billing/staff";
import { getFamilyCalendar, repeatedWeekdays, type FamilyCalendarDto } from "./calendar";
import { parseCalendarRequest, planCalendarChanges, saveWeekPattern } from "./calendar-changes";
import { holdBookings } from "./hold";
import { createCanteen, createFamily, createStaffActor, newSubmissionKey, openDays } from "./testing";

// June 2026: Wednesday 3rd, 10:00 Paris. The canteen closes two days before
// at 10:00, so the 5th is past its deadline and the 8th on are open.
const NOW = new Date("2026-06-03T08:00:00Z");
const JUNE = ["2026-06-04", "2026-06-05", "2026-06-08", "2026-06-09", "2026-06-11", "2026-06-15", "2026-06-18", "2026-06-22", "2026-06-29"];

async function world({ capacity = 10 } = {}) {
  const db = await getDb();
  const canteen = await createCanteen(db, { capacity });
  await openDays(db, canteen.product.id, JUNE, capacity);
  await openDays(db, canteen.product.id, ["2026-05-04", "2026-05-11", "2026-05-18", "2026-05-12"], capacity);
  const family = await createFamily(db, { schoolClassId: canteen.schoolClass.id, children: 2 });
  const neighbour = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
  const [emma, lucas] = family.children;
  const hold = (f: typeof family, personId: string, dates: string[], now = NOW) =>
    holdBookings({
      actor: f.actor,
      householdId: f.household.id,
      selections: dates.map((date) => ({ personId, productId: canteen.product.id, date })),
      submissionKey: newSubmissionKey(),
      now,
    });
  return { db, canteen, family, neighbour, emma, lucas, hold, staff: await createStaffActor(db) };
}

const cell = (calendar: FamilyCalendarDto, key: string, day: string) => calendar.weeks.flatMap((w) => w.days).find((d) => d.day === day)?.cells[key];

describe("the family calendar", () => {
  it("shows every child of the household on the product's days, with each day's state in one view", async () => {
    const w = await world({ capacity: 2 });
    const paid = await w.hold(w.family, w.emma.id, ["2026-06-09"]);
    await recordCounterPayment({ actor: w.staff, invoiceId: paid.invoiceId, method: "CASH", now: NOW });
    await w.hold(w.family, w.lucas.id, ["2026-06-11"]);
    // The neighbour's two days fill the 15th for everybody.
    await w.hold(w.neighbour, w.neighbour.children[0].id, ["2026-06-15"]);
    const other = await createFamily(w.db, { schoolClassId: w.canteen.schoolClass.id });
    await w.hold(other, other.children[0].id, ["2026-06-15"]);
    await w.db.slot.updateMany({ where: { productId: w.canteen.product.id, date: new Date("2026-06-22") }, data: { closed: true } });

    const calendar = await getFamilyCalendar({ householdId: w.family.household.id, month: "2026-06", now: NOW });
    const rows = calendar.rows.filter((r) => r.productId === w.canteen.product.id);
    expect(rows.map((r) => r.childFirstName)).toEqual(["Emma", "Lucas"]);
    const [e, l] = rows.map((r) => r.key);
    expect(cell(calendar, e, "2026-06-05")).toEqual({ state: "past" });
    expect(cell(calendar, e, "2026-06-08")).toEqual({ state: "available" });
    expect(cell(calendar, e, "2026-06-09")).toMatchObject({ state: "booked", cancellable: true });
    expect(cell(calendar, l, "2026-06-11")).toMatchObject({ state: "held", heldUntil: "10:15", invoiceId: expect.any(String) });
    expect(cell(calendar, e, "2026-06-15")).toEqual({ state: "full", slotId: expect.any(String) });
    expect(cell(calendar, e, "2026-06-22")).toEqual({ state: "closed" });
    // Weeks start on Monday and are named by it.
    expect(calendar.weeks.map((week) => week.label).slice(0, 2)).toEqual(["Semaine du 1 juin", "Semaine du 8 juin"]);
    expect(calendar.month).toBe("2026-06");
    expect(calendar.nextMonth).toBe("2026-07");
    expect(calendar.previousMonth).toBeNull();
  });

  it("scopes everything by household: another family's child is not found, its bookings are only counted", async () => {
    const w = await world();
    await w.hold(w.neighbour, w.neighbour.children[0].id, ["2026-06-08"]);
    await expect(getFamilyCalendar({ householdId: w.family.household.id, only: { childId: w.neighbour.children[0].id }, now: NOW })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const calendar = await getFamilyCalendar({ householdId: w.family.household.id, only: { productId: w.canteen.product.id }, now: NOW });
    expect(cell(calendar, `${w.emma.id}|${w.canteen.product.id}`, "2026-06-08")).toEqual({ state: "available" });
  });

  it("knows the semaine type, last month's habits and whether a month is untouched", async () => {
    const w = await world();
    const may = new Date("2026-04-20T08:00:00Z");
    const last = await w.hold(w.family, w.emma.id, ["2026-05-04", "2026-05-11", "2026-05-12"], may);
    await recordCounterPayment({ actor: w.staff, invoiceId: last.invoiceId, method: "CASH", now: may });
    await saveWeekPattern({ householdId: w.family.household.id, childId: w.lucas.id, productId: w.canteen.product.id, weekdays: [4, 1, 1] });
    const calendar = await getFamilyCalendar({ householdId: w.family.household.id, month: "2026-06", only: { productId: w.canteen.product.id }, now: NOW });
    const [emma, lucas] = calendar.rows;
    expect(emma).toMatchObject({ lastMonthWeekdays: [1], pattern: null, untouched: true });
    expect(lucas).toMatchObject({ lastMonthWeekdays: [], pattern: [1, 4], untouched: true });
  });

  it("refuses a semaine type for another family's child", async () => {
    const w = await world();
    await expect(
      saveWeekPattern({ householdId: w.family.household.id, childId: w.neighbour.children[0].id, productId: w.canteen.product.id, weekdays: [1] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await w.db.weekPattern.count({ where: { personId: w.neighbour.children[0].id } })).toBe(0);
  });

  it("counts a weekday as a habit from two days on", () => {
    expect(repeatedWeekdays(["2026-05-04", "2026-05-11", "2026-05-12", "2026-05-07", "2026-05-14"])).toEqual([1, 4]);
  });
});

describe("the calendar's changes", () => {
  it("books what is ticked and not booked, cancels what is booked and unticked in the rows shown, and leaves the rest", async () => {
    const w = await world();
    const paid = await w.hold(w.family, w.emma.id, ["2026-06-09", "2026-06-11"]);
    await recordCounterPayment({ actor: w.staff, invoiceId: paid.invoiceId, method: "CASH", now: NOW });
    const lucasPaid = await w.hold(w.family, w.lucas.id, ["2026-06-09"]);
    await recordCounterPayment({ actor: w.staff, invoiceId: lucasPaid.invoiceId, method: "CASH", now: NOW });
    const p = w.canteen.product.id;
    const request = parseCalendarRequest({
      mois: "2026-06",
      r: [`${w.emma.id}|${p}`],
      j: [`${w.emma.id}|${p}|2026-06-09`, `${w.emma.id}|${p}|2026-06-15`],
    })!;
    const plan = await planCalendarChanges({ householdId: w.family.household.id, request, now: NOW });
    expect(plan.add).toEqual([{ personId: w.emma.id, productId: p, date: "2026-06-15" }]);
    // The 11th is unticked: cancelled and credited. Lucas's row was not shown: his day stays.
    expect(plan.cancel.map((c) => [c.childFirstName, c.day, c.amountCents, c.paid])).toEqual([["Emma", "2026-06-11", 250, true]]);
  });

  it("never cancels a day past its deadline, nor another family's day", async () => {
    const w = await world();
    const early = new Date("2026-06-01T06:00:00Z");
    await w.hold(w.family, w.emma.id, ["2026-06-05"], early);
    await w.db.booking.updateMany({ where: { personId: w.emma.id }, data: { status: "CONFIRMED", heldUntil: null } });
    await w.hold(w.neighbour, w.neighbour.children[0].id, ["2026-06-08"]);
    await w.db.booking.updateMany({ where: { personId: w.neighbour.children[0].id }, data: { status: "CONFIRMED", heldUntil: null } });
    const p = w.canteen.product.id;
    const request = parseCalendarRequest({ mois: "2026-06", r: [`${w.emma.id}|${p}`, `${w.neighbour.children[0].id}|${p}`] })!;
    const plan = await planCalendarChanges({ householdId: w.family.household.id, request, now: NOW });
    expect(plan).toEqual({ add: [], cancel: [] });
  });

  it("refuses a form that was tampered with", () => {
    const id = "c".padEnd(25, "a");
    expect(parseCalendarRequest({ mois: "2026-06", r: [`${id}|${id}`], j: [`${id}|${id}|2026-07-01`] })).toBeNull();
    expect(parseCalendarRequest({ mois: "2026-06", r: [`${id}|${id}`], j: [`${id}|other|2026-06-01`] })).toBeNull();
    expect(parseCalendarRequest({ mois: "juin", r: [`${id}|${id}`] })).toBeNull();
    expect(parseCalendarRequest({ mois: "2026-06" })).toBeNull();
    expect(parseCalendarRequest({ mois: "2026-06", r: [`${id}|${id}`], j: [`${id}|${id}|2026-06-01`] })).not.toBeNull();
  });
});
