import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { availableCredit, accountSummary } from "@/lib/billing/ledger";
import { holdBookings } from "@/lib/bookings/hold";
import { createCanteen, createFamily, createStaffActor, newSubmissionKey, openDays } from "@/lib/bookings/testing";
import { activeBookingWhere } from "@/lib/bookings/context";
import { createPaidBookings } from "@/lib/factories";
import { acceptUpload } from "@/lib/files";
import { makePdf } from "@/lib/files/fixtures";
import type { AbsenceCredit } from "@/lib/generated/prisma/client";
import { decideAbsenceReport, listAbsencesForStaff, listHouseholdAbsences, listReportableDays, reportAbsence } from ".";

const NOW = new Date("2026-06-03T08:00:00Z");
const DAYS = ["2026-06-09", "2026-06-11", "2026-06-12"] as const;

async function family({ rule, carence = 0, paid = true }: { rule: AbsenceCredit; carence?: number; paid?: boolean }) {
  const db = await getDb();
  const canteen = await createCanteen(db, { capacity: 5 });
  await db.product.update({ where: { id: canteen.product.id }, data: { absenceCredit: rule, absenceCarenceDays: carence, absenceDeadlineDays: 0, absenceDeadlineTime: "09:00" } });
  const slots = await openDays(db, canteen.product.id, [...DAYS], 5);
  const fam = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
  const staff = await createStaffActor(db);
  const selections = DAYS.map((date) => ({ personId: fam.children[0].id, productId: canteen.product.id, date }));
  const invoice = paid
    ? await createPaidBookings(db, { actor: fam.actor, staff, householdId: fam.household.id, selections, now: NOW })
    : await holdBookings({ actor: fam.actor, householdId: fam.household.id, selections, submissionKey: newSubmissionKey(), now: NOW });
  if (!paid) {
    // An invoice to pay later (UNPAID): its days are confirmed, as staff leave a family's monthly invoice.
    await db.invoice.update({ where: { id: invoice.invoiceId }, data: { status: "UNPAID" } });
    await db.booking.updateMany({ where: { invoiceId: invoice.invoiceId }, data: { status: "CONFIRMED", heldUntil: null } });
  }
  const bookings = await db.booking.findMany({ where: { invoiceId: invoice.invoiceId }, orderBy: { slot: { date: "asc" } } });
  const active = (i: number) => db.booking.count({ where: { slotId: slots[i].id, ...activeBookingWhere(NOW) } });
  const report = (ids: string[], extra: Partial<Parameters<typeof reportAbsence>[0]> = {}) =>
    reportAbsence({ actor: fam.actor, householdId: fam.household.id, personId: fam.children[0].id, bookingIds: ids, reason: "MALADIE", now: NOW, ...extra });
  return { db, canteen, fam, staff, invoice, bookings, active, report };
}

describe("reportAbsence", () => {
  it("AUTO: approved at once, the place freed, credited after the carence days", async () => {
    const { db, fam, bookings, active, report } = await family({ rule: "AUTO", carence: 1 });
    const result = await report([bookings[1].id, bookings[0].id]);
    expect(result.days.map((d) => [d.day, d.status, d.creditCents, d.carence])).toEqual([
      ["2026-06-09", "APPROVED", 0, true],
      ["2026-06-11", "APPROVED", 250, false],
    ]);
    expect(result.creditedCents).toBe(250);
    expect(result.creditNoteNumbers).toHaveLength(1);
    expect(await active(0)).toBe(0);
    expect(await active(1)).toBe(0);
    expect(await active(2)).toBe(1);
    expect((await db.booking.findMany({ where: { id: { in: [bookings[0].id, bookings[1].id] } } })).map((b) => b.status)).toEqual(["ABSENT", "ABSENT"]);
    expect(await availableCredit(db, fam.household.id)).toBe(250);
    const absences = await db.absence.findMany({ where: { reportId: result.reportId }, orderBy: { creditCents: "asc" } });
    expect(absences.map((a) => a.creditNoteId === null)).toEqual([true, false]);
    const note = await db.creditNote.findUniqueOrThrow({ where: { id: absences[1].creditNoteId! } });
    expect(note.reason).toBe("Absence (maladie) : jeudi 11 juin 2026 (Emma)");
    expect(await db.auditEvent.count({ where: { targetId: fam.household.id, action: "absence.report" } })).toBe(1);
    // The family reads a carence day and a credited one.
    expect((await listHouseholdAbsences({ householdId: fam.household.id })).map((a) => [a.day, a.outcome, a.creditCents])).toEqual([
      ["2026-06-11", "CREDITED", 250],
      ["2026-06-09", "CARENCE", 0],
    ]);
  });

  it("NONE: approved, the place freed, nothing credited", async () => {
    const { db, fam, bookings, active, report } = await family({ rule: "NONE" });
    const result = await report([bookings[0].id]);
    expect(result.days[0]).toMatchObject({ status: "APPROVED", creditCents: 0, notCredited: true, carence: false });
    expect(await active(0)).toBe(0);
    expect(await db.creditNote.count({ where: { householdId: fam.household.id } })).toBe(0);
  });

  it("AUTO on an unpaid invoice: the invoice shrinks instead of a credit note", async () => {
    const { db, fam, invoice, bookings, report } = await family({ rule: "AUTO", paid: false });
    const result = await report([bookings[0].id]);
    expect(result.days[0]).toMatchObject({ status: "APPROVED", creditCents: 250 });
    expect(result.creditNoteNumbers).toEqual([]);
    expect(await db.invoice.findUniqueOrThrow({ where: { id: invoice.invoiceId } })).toMatchObject({ status: "UNPAID", totalCents: 500 });
    expect(await accountSummary(db, fam.household.id)).toEqual({ balanceCents: 500, dueCents: 500, creditCents: 0 });
  });

  it("CERTIFICATE: waits for staff with the certificate filed as a document; the day stays booked", async () => {
    const { db, fam, bookings, active, report } = await family({ rule: "CERTIFICATE" });
    const upload = await acceptUpload({ bytes: makePdf(), name: "certificat.pdf", address: "10.0.0.9", uploadedById: fam.actor.id });
    const result = await report([bookings[0].id], { certificate: upload, comment: "Fièvre" });
    expect(result.days[0]).toMatchObject({ status: "PENDING", creditCents: 0 });
    expect(await active(0)).toBe(1);
    const absence = await db.absence.findFirstOrThrow({ where: { reportId: result.reportId }, include: { document: { include: { type: true } } } });
    expect(absence.document).toMatchObject({ householdId: fam.household.id, personId: fam.children[0].id, status: "PENDING" });
    expect(absence.document!.type.code).toBe("MEDICAL");
    expect(absence.comment).toBe("Fièvre");
  });

  it("refuses a day past its absence deadline (09:00 the same day), another family's day, and a day reported twice", async () => {
    const { db, fam, canteen, bookings, report } = await family({ rule: "AUTO" });
    const late = new Date("2026-06-09T07:00:00Z"); // 09:00 in Paris
    const error = await report([bookings[0].id], { now: late }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "INVALID" });
    expect((error as AppError).message).toBe(
      "Le délai pour signaler une absence le mardi 9 juin 2026 (Emma, Repas cantine) est dépassé (jusqu'à 09:00 le jour même) : contactez le service.",
    );
    const other = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    const stolen = await reportAbsence({ actor: other.actor, householdId: other.household.id, bookingIds: [bookings[0].id], reason: "AUTRE", now: NOW }).catch((e: unknown) => e);
    expect(stolen).toMatchObject({ code: "NOT_FOUND", message: "Réservation introuvable." });
    expect(await db.absence.count({ where: { bookingId: bookings[0].id } })).toBe(0);
    await report([bookings[0].id]);
    const twice = await report([bookings[0].id]).catch((e: unknown) => e);
    expect(twice).toMatchObject({ code: "CONFLICT" });
    expect(await availableCredit(db, fam.household.id)).toBe(250);
  });
});

describe("decideAbsenceReport", () => {
  it("approving credits once (carence applied) and frees the places; a second decision is refused", async () => {
    const { db, fam, staff, bookings, active, report } = await family({ rule: "CERTIFICATE", carence: 1 });
    const { reportId } = await report(bookings.map((b) => b.id));
    await expect(decideAbsenceReport({ actor: fam.actor as never, reportId, approve: true, now: NOW })).rejects.toThrow(/personnel/);
    const decided = await decideAbsenceReport({ actor: staff, reportId, approve: true, now: NOW });
    expect(decided).toMatchObject({ approved: true, days: 3, creditedCents: 500 });
    expect(decided.creditNoteNumbers).toHaveLength(1);
    expect(await active(0)).toBe(0);
    const absences = await db.absence.findMany({ where: { reportId }, include: { booking: { include: { slot: true } } }, orderBy: { booking: { slot: { date: "asc" } } } });
    expect(absences.map((a) => [a.status, a.creditCents, a.booking.status, a.decidedById])).toEqual([
      ["APPROVED", 0, "ABSENT", staff.id],
      ["APPROVED", 250, "ABSENT", staff.id],
      ["APPROVED", 250, "ABSENT", staff.id],
    ]);
    expect(await availableCredit(db, fam.household.id)).toBe(500);
    const again = await decideAbsenceReport({ actor: staff, reportId, approve: true, now: NOW }).catch((e: unknown) => e);
    expect(again).toMatchObject({ code: "CONFLICT", message: "Cette absence a déjà été traitée." });
    expect(await availableCredit(db, fam.household.id)).toBe(500);
  });

  it("refusing needs a reason, credits nothing and leaves the days booked", async () => {
    const { db, fam, staff, bookings, active, report } = await family({ rule: "CERTIFICATE" });
    const { reportId } = await report([bookings[0].id], { reason: "AUTRE" });
    expect(await decideAbsenceReport({ actor: staff, reportId, approve: false, refusalReason: "  " }).catch((e: AppError) => e.fieldErrors)).toEqual({
      refusalReason: "Indiquez le motif du refus.",
    });
    await decideAbsenceReport({ actor: staff, reportId, approve: false, refusalReason: "Pas de certificat", now: NOW });
    expect(await db.absence.findFirstOrThrow({ where: { reportId } })).toMatchObject({ status: "REFUSED", refusalReason: "Pas de certificat", creditCents: 0 });
    expect(await active(0)).toBe(1);
    expect(await availableCredit(db, fam.household.id)).toBe(0);
    expect(await db.auditEvent.count({ where: { targetId: fam.household.id, action: "absence.decide" } })).toBe(1);
  });
});

describe("absence lists", () => {
  it("the reportable days stop at the deadline and at a reported day; staff and parent lists show the report", async () => {
    const { fam, bookings, report } = await family({ rule: "CERTIFICATE" });
    const atNine = new Date("2026-06-09T07:00:00Z");
    const before = await listReportableDays({ householdId: fam.household.id, now: new Date("2026-06-09T06:59:00Z") });
    expect(before).toHaveLength(1);
    expect(before[0].days.map((d) => d.day)).toEqual([...DAYS]);
    expect(before[0].days[0]).toMatchObject({ productName: "Repas cantine", rule: "CERTIFICATE", unitPriceCents: 250 });
    expect((await listReportableDays({ householdId: fam.household.id, now: atNine }))[0].days.map((d) => d.day)).toEqual(["2026-06-11", "2026-06-12"]);
    const { reportId } = await report([bookings[1].id]);
    expect((await listReportableDays({ householdId: fam.household.id, now: NOW }))[0].days.map((d) => d.day)).toEqual(["2026-06-09", "2026-06-12"]);
    const staffRows = (await listAbsencesForStaff({ status: "PENDING" })).filter((r) => r.reportId === reportId);
    expect(staffRows).toEqual([
      expect.objectContaining({ householdId: fam.household.id, day: "2026-06-11", productName: "Repas cantine", reason: "MALADIE", status: "PENDING", creditCents: 0, certificateDocumentId: null }),
    ]);
    const mine = await listHouseholdAbsences({ householdId: fam.household.id });
    expect(mine.map((a) => [a.childFirstName, a.day, a.status, a.outcome])).toEqual([["Emma", "2026-06-11", "PENDING", "PENDING"]]);
  });
});
