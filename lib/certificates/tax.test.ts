import { describe, expect, it } from "vitest";
import { creditPaidInvoice } from "@/lib/billing/credit";
import { recordCounterPayment } from "@/lib/billing/staff";
import { cancelBookedDays } from "@/lib/bookings/cancel-days";
import { holdBookings } from "@/lib/bookings/hold";
import { createCanteen, createFamily, createStaffActor, newSubmissionKey, openDays } from "@/lib/bookings/testing";
import { dayToDate, type Day } from "@/lib/dates";
import { getDb } from "@/lib/db/client";
import { createPaidBookings } from "@/lib/factories";
import { computeTaxCertificate, computeTaxFigures, isUnderSixOnJanuaryFirst, taxCertificateCandidates } from "./tax";

const CENTRE = 1800;
const CANTEEN = 250;

/**
 * A year of data (2026) for one household: Adam (3), Bea (9, too old), Chloé
 * (born 2020-01-01: 6 on 1 January, too old) and Dan (born 2020-01-02, under
 * 6) on an eligible leisure centre at 18 € a day and a canteen at 2,50 €
 * that is not eligible.
 */
async function yearOfData() {
  const db = await getDb();
  const canteen = await createCanteen(db, { capacity: 10 });
  const centre = await createCanteen(db, {
    capacity: 10,
    tariffs: [{ regime: null, qfMin: 0, qfMax: null, unitPriceCents: CENTRE, validFrom: "2020-01-01" }],
  });
  await db.product.update({ where: { id: centre.product.id }, data: { name: "Journée centre", taxCertificateEligible: true, sites: { set: [] } } });
  const days: Day[] = ["2026-01-05", "2026-01-06", "2026-03-09", "2026-03-10", "2026-03-11", "2027-01-04"];
  await openDays(db, canteen.product.id, days, 10);
  await openDays(db, centre.product.id, days, 10);
  const fam = await createFamily(db, { schoolClassId: canteen.schoolClass.id, children: 4 });
  const births = ["2022-03-10", "2016-05-09", "2020-01-01", "2020-01-02"];
  for (const [i, child] of fam.children.entries()) await db.person.update({ where: { id: child.id }, data: { birthDate: dayToDate(births[i]) } });
  const [adam, bea, chloe, dan] = fam.children;
  const staff = await createStaffActor(db);
  const sel = (personId: string, productId: string, date: Day) => ({ personId, productId, date });

  // Issued in December 2025, paid at the counter on 10 January 2026: counts.
  const dec = await holdBookings({
    actor: fam.actor,
    householdId: fam.household.id,
    selections: [sel(adam.id, centre.product.id, "2026-01-05"), sel(adam.id, centre.product.id, "2026-01-06"), sel(bea.id, canteen.product.id, "2026-01-05")],
    submissionKey: newSubmissionKey(),
    now: new Date("2025-12-15T08:00:00Z"),
  });
  await db.invoice.update({ where: { id: dec.invoiceId }, data: { status: "UNPAID" } });
  await db.booking.updateMany({ where: { invoiceId: dec.invoiceId }, data: { status: "CONFIRMED", heldUntil: null } });
  await recordCounterPayment({ actor: staff, invoiceId: dec.invoiceId, method: "CASH", now: new Date("2026-01-10T09:00:00Z") });

  // March, booked and paid at the counter the same day.
  const march = new Date("2026-03-02T08:00:00Z");
  const paid = await createPaidBookings(db, {
    actor: fam.actor,
    staff,
    householdId: fam.household.id,
    now: march,
    selections: [
      ...["2026-03-09", "2026-03-10", "2026-03-11"].map((d) => sel(adam.id, centre.product.id, d)),
      ...["2026-03-09", "2026-03-10"].map((d) => sel(adam.id, canteen.product.id, d)),
      ...["2026-03-09", "2026-03-10"].map((d) => sel(bea.id, centre.product.id, d)),
      sel(chloe.id, centre.product.id, "2026-03-09"),
      sel(dan.id, centre.product.id, "2026-03-09"),
    ],
  });
  expect(paid.totalCents).toBe(3 * CENTRE + 2 * CANTEEN + 2 * CENTRE + CENTRE + CENTRE); // 13,100

  // Credits of the year: Adam's centre day of 11 March and canteen day of 10 March cancelled, then a staff credit of 10 %.
  const marchBookings = await db.booking.findMany({ where: { invoiceId: paid.invoiceId }, include: { slot: true } });
  const pick = (personId: string, productId: string, day: Day) =>
    marchBookings.find((b) => b.personId === personId && b.slot.productId === productId && b.slot.date.getTime() === dayToDate(day).getTime())!.id;
  await cancelBookedDays({ actor: fam.actor, householdId: fam.household.id, bookingIds: [pick(adam.id, centre.product.id, "2026-03-11")], now: march });
  await cancelBookedDays({ actor: fam.actor, householdId: fam.household.id, bookingIds: [pick(adam.id, canteen.product.id, "2026-03-10")], now: march });
  await creditPaidInvoice({ actor: staff, invoiceId: paid.invoiceId, amountCents: 1310, reason: "Geste commercial", now: new Date("2026-04-01T08:00:00Z") });
  // A credit note from before lines existed (none of its own): spread over its invoice's lines.
  await db.creditNote.create({
    data: { number: 900_000 + Math.floor(Math.random() * 99_999), householdId: fam.household.id, invoiceId: paid.invoiceId, amountCents: 131, reason: "Ancien avoir", issuedAt: new Date("2026-05-01T08:00:00Z") },
  });

  // Issued in December 2026, paid on 5 January 2027: not in 2026.
  const next = await holdBookings({
    actor: fam.actor,
    householdId: fam.household.id,
    selections: [sel(adam.id, centre.product.id, "2027-01-04")],
    submissionKey: newSubmissionKey(),
    now: new Date("2026-12-14T08:00:00Z"),
  });
  await db.invoice.update({ where: { id: next.invoiceId }, data: { status: "UNPAID" } });
  await db.booking.updateMany({ where: { invoiceId: next.invoiceId }, data: { status: "CONFIRMED", heldUntil: null } });
  await recordCounterPayment({ actor: staff, invoiceId: next.invoiceId, method: "CHEQUE", now: new Date("2027-01-05T09:00:00Z") });

  return { db, fam, adam, bea, chloe, dan };
}

describe("tax certificate", () => {
  it("a child under 6 on 1 January: born after (Y-6)-01-01", () => {
    expect(isUnderSixOnJanuaryFirst("2020-01-01", 2026)).toBe(false);
    expect(isUnderSixOnJanuaryFirst("2020-01-02", 2026)).toBe(true);
    expect(isUnderSixOnJanuaryFirst(null, 2026)).toBe(false);
  });

  it("sums what was paid in the year for eligible products, less the year's eligible credits, per child under 6", async () => {
    const { db, fam, adam, dan } = await yearOfData();
    const figures = await computeTaxCertificate(db, fam.household.id, 2026);
    // Adam: paid 2 January days (invoice of December, paid in January) + 3 March days = 9,000;
    // credited: the cancelled day 1,800 + 540 of the staff's 1,310 (5,400 / 13,100) + 54 of the old 131 — the canteen's credits do not count.
    // Dan: 1 day, 1,800; credited 180 + 18. Bea (9) and Chloé (6 on 1 January) are not on it; January 2027's payment is not either.
    expect(figures.children).toEqual([
      { personId: dan.id, firstName: dan.firstName, lastName: dan.lastName, birthDate: "2020-01-02", paidCents: 1800, creditedCents: 198, amountCents: 1602 },
      { personId: adam.id, firstName: adam.firstName, lastName: adam.lastName, birthDate: "2022-03-10", paidCents: 9000, creditedCents: 2394, amountCents: 6606 },
    ]);
    expect(figures.totalCents).toBe(8208);
    // The year before: nothing was paid in 2025; 2027: the January payment of the 2027 day.
    expect((await computeTaxCertificate(db, fam.household.id, 2025)).children).toEqual([]);
    expect((await computeTaxCertificate(db, fam.household.id, 2027)).children.map((c) => [c.personId, c.amountCents])).toEqual([[adam.id, 1800]]);
    expect(await taxCertificateCandidates(db, 2026)).toContain(fam.household.id);
  });

  it("counts only the part of an invoice paid in the year, rounded half up per child", () => {
    const lines = [
      { personId: "a", productId: "p", totalCents: 333 },
      { personId: "b", productId: "p", totalCents: 667 },
    ];
    const figures = computeTaxFigures({
      year: 2026,
      children: [
        { personId: "a", firstName: "A", lastName: "X", birthDate: "2023-01-01" },
        { personId: "b", firstName: "B", lastName: "X", birthDate: "2023-01-01" },
      ],
      eligibleProductIds: new Set(["p"]),
      invoices: [{ lines, paidInYearCents: 500 }],
      creditNotes: [],
    });
    // 333 × 0.5 = 166.5 → 167; 667 × 0.5 = 333.5 → 334.
    expect(figures.children.map((c) => c.amountCents)).toEqual([167, 334]);
  });
});
