import { describe, expect, it } from "vitest";
import { reportAbsence } from "@/lib/absences";
import { cancelBookedDays } from "@/lib/bookings/cancel-days";
import { expireStaleHolds } from "@/lib/bookings/cancel";
import { holdBookings } from "@/lib/bookings/hold";
import { createCanteen, createFamily, createStaffActor, newSubmissionKey, openDays } from "@/lib/bookings/testing";
import { getDb } from "@/lib/db/client";
import { createPaidBookings } from "@/lib/factories";
import { checkPayfipPayment, startPayfipPayment } from "@/lib/payments";
import { inProcessSimulatorClient, settleSimulatedPayment } from "@/lib/payments/payfip/simulator";
import { creditPaidInvoice } from "./credit";
import { issueCreditNoteInTx, splitProRata } from "./credit-notes";

const NOW = new Date("2026-06-03T08:00:00Z");
const DAYS = ["2026-06-09", "2026-06-11", "2026-06-12"];

/** Two children on the canteen, three days each, paid at the counter: 6 × 2,50 €. */
async function paidFamily() {
  const db = await getDb();
  const canteen = await createCanteen(db, { capacity: 5 });
  await db.product.update({ where: { id: canteen.product.id }, data: { absenceCredit: "AUTO", absenceDeadlineDays: 0, absenceDeadlineTime: "09:00" } });
  await openDays(db, canteen.product.id, DAYS, 5);
  const fam = await createFamily(db, { schoolClassId: canteen.schoolClass.id, children: 2 });
  const staff = await createStaffActor(db);
  const selections = fam.children.flatMap((c) => DAYS.map((date) => ({ personId: c.id, productId: canteen.product.id, date })));
  const invoice = await createPaidBookings(db, { actor: fam.actor, staff, householdId: fam.household.id, selections, now: NOW });
  const bookings = await db.booking.findMany({ where: { invoiceId: invoice.invoiceId }, include: { slot: true }, orderBy: [{ slot: { date: "asc" } }, { personId: "asc" }] });
  return { db, canteen, fam, staff, invoice, bookings };
}

const linesOf = async (creditNoteId: string) => {
  const db = await getDb();
  const lines = await db.creditNoteLine.findMany({ where: { creditNoteId }, orderBy: [{ day: "asc" }, { personId: "asc" }] });
  return lines.map((l) => ({ personId: l.personId, productId: l.productId, day: l.day?.toISOString().slice(0, 10) ?? null, amountCents: l.amountCents }));
};

describe("splitProRata", () => {
  it("gives integer shares that sum exactly, the remainder to the largest fractions", () => {
    const parts = [{ weight: 1 }, { weight: 1 }, { weight: 1 }];
    expect(splitProRata(parts, 100).map((p) => p.share)).toEqual([34, 33, 33]);
    expect(splitProRata([{ weight: 250 }, { weight: 750 }], 333).map((p) => p.share)).toEqual([83, 250]);
    expect(splitProRata([{ weight: 0 }, { weight: 7 }], 5).map((p) => p.share)).toEqual([0, 5]);
    for (const amount of [1, 7, 99, 1001]) {
      expect(splitProRata([{ weight: 3 }, { weight: 5 }, { weight: 11 }], amount).reduce((s, p) => s + p.share, 0)).toBe(amount);
    }
  });
});

describe("credit-note lines", () => {
  it("a staff credit on a paid invoice is spread over its lines pro rata, summing to the note", async () => {
    const { db, fam, staff, invoice, canteen } = await paidFamily();
    const { number } = await creditPaidInvoice({ actor: staff, invoiceId: invoice.invoiceId, amountCents: 301, reason: "Geste commercial", now: NOW });
    const note = await db.creditNote.findUniqueOrThrow({ where: { number } });
    const lines = await linesOf(note.id);
    expect(lines.reduce((s, l) => s + l.amountCents, 0)).toBe(301);
    // Two lines of 7,50 € (one per child): 150 and 151 cents.
    expect(lines.map((l) => l.amountCents).sort()).toEqual([150, 151]);
    expect(new Set(lines.map((l) => l.personId))).toEqual(new Set(fam.children.map((c) => c.id)));
    expect(lines.every((l) => l.productId === canteen.product.id && l.day === null)).toBe(true);
  });

  it("refuses lines that do not sum to the note, and writes nothing", async () => {
    const { db, fam, invoice } = await paidFamily();
    const issue = (lines: { personId: string | null; productId: string | null; day: string | null; amountCents: number }[]) =>
      db.$transaction((tx) => issueCreditNoteInTx(tx, { householdId: fam.household.id, invoiceId: invoice.invoiceId, amountCents: 300, reason: "Test", actorId: null, now: NOW, lines }));
    await expect(issue([{ personId: null, productId: null, day: null, amountCents: 299 }])).rejects.toThrow(RangeError);
    await expect(issue([{ personId: null, productId: null, day: null, amountCents: 400 }, { personId: null, productId: null, day: null, amountCents: -100 }])).rejects.toThrow(RangeError);
    expect(await db.creditNote.count({ where: { householdId: fam.household.id } })).toBe(0);
  });

  it("cancelled days on a paid invoice: one line per day at its price", async () => {
    const { fam, bookings, canteen, db } = await paidFamily();
    const [a, b] = [bookings[0], bookings[3]];
    await cancelBookedDays({ actor: fam.actor, householdId: fam.household.id, bookingIds: [a.id, b.id], now: NOW });
    const note = await db.creditNote.findFirstOrThrow({ where: { householdId: fam.household.id } });
    expect(await linesOf(note.id)).toEqual(
      [a, b]
        .map((x) => ({ personId: x.personId, productId: canteen.product.id, day: x.slot.date.toISOString().slice(0, 10), amountCents: 250 }))
        .sort((x, y) => x.day.localeCompare(y.day) || x.personId.localeCompare(y.personId)),
    );
  });

  it("when the invoice has less left to credit than the days cost, the day lines are scaled to the note exactly", async () => {
    const { fam, staff, invoice, bookings, db } = await paidFamily();
    await creditPaidInvoice({ actor: staff, invoiceId: invoice.invoiceId, amountCents: 1499, reason: "Geste commercial", now: NOW });
    const mine = bookings.filter((b) => b.personId === fam.children[0].id);
    const result = await cancelBookedDays({ actor: fam.actor, householdId: fam.household.id, bookingIds: mine.map((b) => b.id), now: NOW });
    expect(result.creditedCents).toBe(1);
    const note = await db.creditNote.findUniqueOrThrow({ where: { number: result.creditNoteNumbers[0] } });
    const lines = await linesOf(note.id);
    expect(lines.reduce((s, l) => s + l.amountCents, 0)).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ personId: fam.children[0].id, day: "2026-06-09" });
  });

  it("an absence credited at once writes a line for each credited day", async () => {
    const { fam, bookings, db, canteen } = await paidFamily();
    const child = fam.children[1].id;
    const mine = bookings.filter((b) => b.personId === child).slice(0, 2);
    const result = await reportAbsence({ actor: fam.actor, householdId: fam.household.id, personId: child, bookingIds: mine.map((b) => b.id), reason: "MALADIE", now: NOW });
    expect(result.creditedCents).toBe(500);
    const note = await db.creditNote.findUniqueOrThrow({ where: { number: result.creditNoteNumbers[0] } });
    expect(await linesOf(note.id)).toEqual([
      { personId: child, productId: canteen.product.id, day: "2026-06-09", amountCents: 250 },
      { personId: child, productId: canteen.product.id, day: "2026-06-11", amountCents: 250 },
    ]);
  });

  it("days lost to a late payment: one line per lost day", async () => {
    const db = await getDb();
    const client = inProcessSimulatorClient();
    const canteen = await createCanteen(db, { capacity: 1 });
    await openDays(db, canteen.product.id, ["2026-06-09", "2026-06-15"], 1);
    const family = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    const hold = await holdBookings({
      actor: family.actor,
      householdId: family.household.id,
      selections: ["2026-06-09", "2026-06-15"].map((date) => ({ personId: family.children[0].id, productId: canteen.product.id, date })),
      submissionKey: newSubmissionKey(),
      now: NOW,
    });
    const started = await startPayfipPayment({ invoiceId: hold.invoiceId, scope: { householdId: family.household.id }, email: "claire@exemple.fr", now: NOW, client });
    const idOp = new URL(started.redirectUrl).searchParams.get("idop")!;
    const late = new Date(NOW.getTime() + 40 * 60_000);
    await expireStaleHolds(late, { householdId: family.household.id });
    const other = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    await holdBookings({
      actor: other.actor,
      householdId: other.household.id,
      selections: [{ personId: other.children[0].id, productId: canteen.product.id, date: "2026-06-09" }],
      submissionKey: newSubmissionKey(),
      now: late,
    });
    settleSimulatedPayment(idOp, "P");
    await checkPayfipPayment(idOp, { now: late, client });
    const note = await db.creditNote.findFirstOrThrow({ where: { invoiceId: hold.invoiceId } });
    expect(await linesOf(note.id)).toEqual([{ personId: family.children[0].id, productId: canteen.product.id, day: "2026-06-09", amountCents: note.amountCents }]);
  });
});
