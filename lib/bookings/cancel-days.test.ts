import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { accountSummary, availableCredit, invoiceOutstanding } from "@/lib/billing/ledger";
import { createBooking, createPaidBookings } from "@/lib/factories";
import { activeBookingWhere } from "./context";
import { cancelBookedDays } from "./cancel-days";
import { holdBookings } from "./hold";
import { createCanteen, createFamily, createStaffActor, newSubmissionKey, openDays } from "./testing";

// The canteen closes bookings 2 days before at 10:00 (Paris): 9 June closes on 7 June, 08:00 UTC.
const NOW = new Date("2026-06-03T08:00:00Z");
const DAYS = ["2026-06-09", "2026-06-11"] as const;

async function family({ paid }: { paid: boolean }) {
  const db = await getDb();
  const canteen = await createCanteen(db, { capacity: 5 });
  const slots = await openDays(db, canteen.product.id, [...DAYS], 5);
  const fam = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
  const selections = DAYS.map((date) => ({ personId: fam.children[0].id, productId: canteen.product.id, date }));
  const invoice = paid
    ? await createPaidBookings(db, { actor: fam.actor, staff: await createStaffActor(db), householdId: fam.household.id, selections, now: NOW })
    : await holdBookings({ actor: fam.actor, householdId: fam.household.id, selections, submissionKey: newSubmissionKey(), now: NOW }).then((h) => ({
        invoiceId: h.invoiceId,
        number: h.number,
        totalCents: h.totalCents,
      }));
  const bookings = await db.booking.findMany({ where: { invoiceId: invoice.invoiceId }, orderBy: { slot: { date: "asc" } } });
  const active = (slotId: string) => db.booking.count({ where: { slotId, ...activeBookingWhere(NOW) } });
  return { db, canteen, slots, fam, invoice, bookings, active };
}

const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : e));

describe("cancelBookedDays", () => {
  it("on a paid invoice: frees the place and credits the day with one credit note, once", async () => {
    const { db, fam, invoice, bookings, slots, active } = await family({ paid: true });
    expect(invoice.totalCents).toBe(500);
    expect(await active(slots[0].id)).toBe(1);
    const result = await cancelBookedDays({ actor: fam.actor, householdId: fam.household.id, bookingIds: [bookings[0].id], now: NOW });
    expect(result).toMatchObject({ cancelled: 1, creditedCents: 250, reducedInvoices: [] });
    expect(result.creditNoteNumbers).toHaveLength(1);
    expect(await active(slots[0].id)).toBe(0);
    const booking = await db.booking.findUniqueOrThrow({ where: { id: bookings[0].id } });
    expect(booking.status).toBe("CANCELLED");
    expect(booking.cancelledAt).toEqual(NOW);
    const note = await db.creditNote.findFirstOrThrow({ where: { invoiceId: invoice.invoiceId } });
    expect(note).toMatchObject({ number: result.creditNoteNumbers[0], amountCents: 250, householdId: fam.household.id });
    expect(note.reason).toBe("Annulation : mardi 9 juin 2026 (Emma)");
    expect(await availableCredit(db, fam.household.id)).toBe(250);
    // The paid invoice itself is never touched: the credit note corrects it.
    expect(await db.invoice.findUniqueOrThrow({ where: { id: invoice.invoiceId } })).toMatchObject({ status: "PAID", totalCents: 500 });

    // Sent again (a second tab): refused, nothing credited twice.
    expect(await codeOf(cancelBookedDays({ actor: fam.actor, householdId: fam.household.id, bookingIds: [bookings[0].id], now: NOW }))).toBe("CONFLICT");
    expect(await db.creditNote.count({ where: { invoiceId: invoice.invoiceId } })).toBe(1);
    expect(await availableCredit(db, fam.household.id)).toBe(250);
    expect(await db.auditEvent.count({ where: { targetId: fam.household.id, action: "booking.cancel" } })).toBe(1);
  });

  it("never credits more than is left to credit on the invoice", async () => {
    const { db, fam, invoice, bookings } = await family({ paid: true });
    const staff = await createStaffActor(db);
    const { creditPaidInvoice } = await import("@/lib/billing/credit");
    await creditPaidInvoice({ actor: staff, invoiceId: invoice.invoiceId, amountCents: 400, reason: "Geste commercial", now: NOW });
    const result = await cancelBookedDays({ actor: fam.actor, householdId: fam.household.id, bookingIds: bookings.map((b) => b.id), now: NOW });
    expect(result.creditedCents).toBe(100);
    expect(await availableCredit(db, fam.household.id)).toBe(500);
  });

  it("on an unpaid invoice: the pending invoice shrinks (lines, total, account) instead of a credit", async () => {
    const { db, fam, invoice, bookings, slots, active } = await family({ paid: false });
    const result = await cancelBookedDays({ actor: fam.actor, householdId: fam.household.id, bookingIds: [bookings[0].id], now: NOW });
    expect(result).toEqual({ cancelled: 1, creditedCents: 250, creditNoteNumbers: [], reducedInvoices: [{ id: invoice.invoiceId, number: invoice.number, totalCents: 250 }] });
    expect(await active(slots[0].id)).toBe(0);
    expect(await active(slots[1].id)).toBe(1);
    const shrunk = await db.invoice.findUniqueOrThrow({ where: { id: invoice.invoiceId }, include: { lines: true } });
    expect(shrunk).toMatchObject({ status: "PENDING_PAYMENT", totalCents: 250, number: invoice.number });
    expect(shrunk.lines).toHaveLength(1);
    expect(shrunk.lines[0]).toMatchObject({ quantity: 1, unitPriceCents: 250, totalCents: 250 });
    expect(shrunk.lines[0].label).toMatch(/ 11 juin 2026$/);
    expect(shrunk.lines[0].label).not.toMatch(/ 9, /);
    expect(await invoiceOutstanding(db, invoice.invoiceId)).toBe(250);
    expect(await accountSummary(db, fam.household.id)).toEqual({ balanceCents: 250, dueCents: 250, creditCents: 0 });
    const entry = await db.ledgerEntry.findFirstOrThrow({ where: { invoiceId: invoice.invoiceId, amountCents: -250 } });
    expect(entry).toMatchObject({ kind: "INVOICE", label: `Jours annulés sur la facture N° ${invoice.number}` });
    expect(await db.creditNote.count({ where: { householdId: fam.household.id } })).toBe(0);
  });

  it("all the days of an unpaid invoice: the invoice is cancelled and keeps its number", async () => {
    const { db, fam, invoice, bookings } = await family({ paid: false });
    const result = await cancelBookedDays({ actor: fam.actor, householdId: fam.household.id, bookingIds: bookings.map((b) => b.id), now: NOW });
    expect(result).toMatchObject({ cancelled: 2, creditedCents: 500, reducedInvoices: [{ id: invoice.invoiceId, number: invoice.number, totalCents: 0 }] });
    const cancelled = await db.invoice.findUniqueOrThrow({ where: { id: invoice.invoiceId }, include: { bookings: true } });
    expect(cancelled).toMatchObject({ status: "CANCELLED", number: invoice.number });
    expect(cancelled.bookings.map((b) => b.status)).toEqual(["CANCELLED", "CANCELLED"]);
    expect(await accountSummary(db, fam.household.id)).toEqual({ balanceCents: 0, dueCents: 0, creditCents: 0 });
  });

  it("refuses a day past its deadline, naming it, and changes nothing", async () => {
    const { db, fam, invoice, bookings } = await family({ paid: true });
    const late = new Date("2026-06-07T08:00:00Z");
    const error = await cancelBookedDays({ actor: fam.actor, householdId: fam.household.id, bookingIds: bookings.map((b) => b.id), now: late }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe("Le délai d'annulation est dépassé pour le mardi 9 juin 2026 (Emma, Repas cantine) : contactez le service.");
    expect((await db.booking.findMany({ where: { invoiceId: invoice.invoiceId } })).map((b) => b.status)).toEqual(["CONFIRMED", "CONFIRMED"]);
    expect(await db.creditNote.count({ where: { invoiceId: invoice.invoiceId } })).toBe(0);
  });

  it("another family's booking is « introuvable » and stays booked", async () => {
    const victim = await family({ paid: true });
    const attacker = await createFamily(victim.db, { schoolClassId: victim.canteen.schoolClass.id });
    const error = await cancelBookedDays({ actor: attacker.actor, householdId: attacker.household.id, bookingIds: [victim.bookings[0].id], now: NOW }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "NOT_FOUND", message: "Réservation introuvable." });
    expect((await victim.db.booking.findUniqueOrThrow({ where: { id: victim.bookings[0].id } })).status).toBe("CONFIRMED");
    expect(await availableCredit(victim.db, attacker.household.id)).toBe(0);
  });

  it("refuses while an online payment is open on the pending invoice", async () => {
    const { db, fam, invoice, bookings } = await family({ paid: false });
    await db.payment.create({ data: { invoiceId: invoice.invoiceId, householdId: fam.household.id, method: "PAYFIP", status: "PENDING", amountCents: 500 } });
    const error = await cancelBookedDays({ actor: fam.actor, householdId: fam.household.id, bookingIds: [bookings[0].id], now: NOW }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CONFLICT" });
    expect((error as AppError).message).toMatch(/^Un paiement en ligne est en cours pour la facture N° \d+/);
    expect((await db.booking.findUniqueOrThrow({ where: { id: bookings[0].id } })).status).toBe("HELD");
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.invoiceId } })).totalCents).toBe(500);
  });

  it("a day booked by staff without invoice is freed without credit", async () => {
    const { db, canteen, fam, slots, active } = await family({ paid: true });
    const extra = await openDays(db, canteen.product.id, ["2026-06-12"], 5);
    const booking = await createBooking(db, { productId: canteen.product.id, personId: fam.children[0].id, householdId: fam.household.id, day: "2026-06-12", unitPriceCents: 250 });
    const result = await cancelBookedDays({ actor: fam.actor, householdId: fam.household.id, bookingIds: [booking.id], now: NOW });
    expect(result).toEqual({ cancelled: 1, creditedCents: 0, creditNoteNumbers: [], reducedInvoices: [] });
    expect(await active(extra[0].id)).toBe(0);
    expect(await active(slots[0].id)).toBe(1);
    expect(await availableCredit(db, fam.household.id)).toBe(0);
  });
});
