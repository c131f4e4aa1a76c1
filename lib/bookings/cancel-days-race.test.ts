import { expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { describeOnPostgres } from "@/lib/test/postgres";
import { decideAbsenceReport, reportAbsence } from "@/lib/absences";
import { availableCredit } from "@/lib/billing/ledger";
import { createPaidBookings } from "@/lib/factories";
import { cancelBookedDays } from "./cancel-days";
import { createCanteen, createFamily, createStaffActor, openDays } from "./testing";

const NOW = new Date("2026-06-03T08:00:00Z");
const DAYS = ["2026-06-09", "2026-06-11"] as const;
const TWINS = 6;

// The same cancellation or decision sent several times at once (a double
// click, two tabs, two members of staff): the household's row lock makes
// them wait in turn, so exactly one credits. Removing that lock (and the
// status checks on the rows written) lets every one of them credit.
describeOnPostgres("cancelling days and deciding absences under concurrency (PostgreSQL)", () => {
  // The suite's client has a pool of 10 connections: the twins' transactions truly overlap.

  async function paidFamily(rule: "AUTO" | "CERTIFICATE") {
    const db = await getDb();
    const canteen = await createCanteen(db, { capacity: 5 });
    await db.product.update({ where: { id: canteen.product.id }, data: { absenceCredit: rule, absenceDeadlineDays: 0, absenceDeadlineTime: "09:00" } });
    await openDays(db, canteen.product.id, [...DAYS], 5);
    const fam = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    const staff = await createStaffActor(db);
    const selections = DAYS.map((date) => ({ personId: fam.children[0].id, productId: canteen.product.id, date }));
    const invoice = await createPaidBookings(db, { actor: fam.actor, staff, householdId: fam.household.id, selections, now: NOW });
    const bookings = await db.booking.findMany({ where: { invoiceId: invoice.invoiceId }, orderBy: { slot: { date: "asc" } } });
    return { db, fam, staff, invoice, bookings };
  }

  it("one cancellation sent several times at once gives exactly one credit note", async () => {
    const { db, fam, invoice, bookings } = await paidFamily("AUTO");
    const results = await Promise.allSettled(
      Array.from({ length: TWINS }, () => cancelBookedDays({ actor: fam.actor, householdId: fam.household.id, bookingIds: [bookings[0].id], now: NOW })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(String(r.reason)).toMatch(/n'est plus réservé/);
    expect(await db.creditNote.count({ where: { invoiceId: invoice.invoiceId } })).toBe(1);
    expect(await availableCredit(db, fam.household.id)).toBe(250);
  });

  it("one absence report decided several times at once credits once", async () => {
    const { db, fam, staff, invoice, bookings } = await paidFamily("CERTIFICATE");
    const { reportId } = await reportAbsence({ actor: fam.actor, householdId: fam.household.id, bookingIds: bookings.map((b) => b.id), reason: "MALADIE", now: NOW });
    const results = await Promise.allSettled(Array.from({ length: TWINS }, () => decideAbsenceReport({ actor: staff, reportId, approve: true, now: NOW })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(String(r.reason)).toMatch(/déjà été traitée/);
    expect(await db.creditNote.count({ where: { invoiceId: invoice.invoiceId } })).toBe(1);
    expect(await availableCredit(db, fam.household.id)).toBe(500);
  });
});
