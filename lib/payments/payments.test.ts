import { describe, expect, it } from "vitest";
import { holdBookings } from "@/lib/bookings/hold";
import { activeBookingWhere } from "@/lib/bookings/context";
import { createCanteen, createFamily, newSubmissionKey, openDays } from "@/lib/bookings/testing";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { listOutbox } from "@/lib/mail/outbox";
import type { PayfipClient } from "./payfip/client";
import { inProcessSimulatorClient, settleSimulatedPayment } from "./payfip/simulator";
import { checkPayfipPayment, settlePendingPayments, startPayfipPayment } from "./index";

// The real client talks to the simulator's SOAP handler: every path below runs the production code.
const client = inProcessSimulatorClient();

const NOW = new Date("2026-06-03T08:00:00Z");
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

async function bookedInvoice({ capacity = 10, days = ["2026-06-09", "2026-06-15"] } = {}) {
  const db = await getDb();
  const canteen = await createCanteen(db, { capacity });
  const slots = await openDays(db, canteen.product.id, days, capacity);
  const family = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
  const hold = await holdBookings({
    actor: family.actor,
    householdId: family.household.id,
    selections: days.map((date) => ({ personId: family.children[0].id, productId: canteen.product.id, date })),
    submissionKey: newSubmissionKey(),
    now: NOW,
  });
  return { db, canteen, slots, family, hold };
}

const idopOf = (url: string) => new URL(url).searchParams.get("idop")!;

async function start(invoiceId: string, householdId: string, now = NOW, c: PayfipClient = client) {
  return startPayfipPayment({ invoiceId, scope: { householdId }, email: "claire@exemple.fr", now, client: c });
}

describe("PayFiP payment", () => {
  it("pays a booking: invoice paid, bookings confirmed, two emails", async () => {
    const { db, family, hold } = await bookedInvoice();
    const before = (await listOutbox()).length;
    const { redirectUrl } = await start(hold.invoiceId, family.household.id);
    expect(redirectUrl).toContain(`${env().payfip.paymentPageUrl}?idop=`);
    const idOp = idopOf(redirectUrl);
    // The hold now covers PayFiP's 20-minute window.
    const held = await db.booking.findMany({ where: { invoiceId: hold.invoiceId } });
    expect(held.every((b) => b.heldUntil!.getTime() === at(20).getTime())).toBe(true);

    expect(await checkPayfipPayment(idOp, { now: at(1), client })).toMatchObject({ status: "PENDING", waiting: true });
    settleSimulatedPayment(idOp, "P");
    expect(await checkPayfipPayment(idOp, { now: at(2), client })).toMatchObject({ status: "PAID" });

    const invoice = await db.invoice.findUniqueOrThrow({ where: { id: hold.invoiceId }, include: { bookings: true, payments: true } });
    expect(invoice.status).toBe("PAID");
    expect(invoice.bookings.map((b) => b.status)).toEqual(["CONFIRMED", "CONFIRMED"]);
    expect(invoice.payments).toMatchObject([{ status: "PAID", amountCents: 500, flagged: false }]);
    expect(invoice.payments[0].refdet).toMatch(new RegExp(`^F${String(invoice.number).padStart(7, "0")}T001`));
    const mails = (await listOutbox()).slice(0, (await listOutbox()).length - before);
    expect(mails.map((m) => m.subject).sort()).toEqual([
      `Facture N° ${invoice.number} : paiement en ligne en cours`,
      `Facture N° ${invoice.number} : paiement reçu`,
    ]);
  });

  it("records a payment once when twenty notifications race", async () => {
    const { db, family, hold } = await bookedInvoice();
    const idOp = idopOf((await start(hold.invoiceId, family.household.id)).redirectUrl);
    settleSimulatedPayment(idOp, "V");
    const results = await Promise.all(Array.from({ length: 20 }, () => checkPayfipPayment(idOp, { now: at(3), client })));
    expect(results.every((r) => r?.status === "PAID")).toBe(true);
    expect(await db.payment.count({ where: { invoiceId: hold.invoiceId, status: "PAID" } })).toBe(1);
    const mails = (await listOutbox()).filter((m) => m.subject.endsWith(": paiement reçu") && m.to === "claire@exemple.fr");
    const number = (await db.invoice.findUniqueOrThrow({ where: { id: hold.invoiceId } })).number;
    expect(mails.filter((m) => m.subject.includes(`N° ${number} `))).toHaveLength(1);
  });

  it("ignores a forged notification for an unknown idOp", async () => {
    const { db, hold } = await bookedInvoice();
    expect(await checkPayfipPayment("11111111-2222-3333-4444-555555555555", { client })).toBeNull();
    expect((await db.invoice.findUniqueOrThrow({ where: { id: hold.invoiceId } })).status).toBe("PENDING_PAYMENT");
  });

  it("keeps money whose amount does not match as a flagged credit, leaving the invoice due", async () => {
    const { db, family, hold } = await bookedInvoice();
    const idOp = idopOf((await start(hold.invoiceId, family.household.id)).redirectUrl);
    settleSimulatedPayment(idOp, "P");
    const tampered: PayfipClient = {
      ...client,
      recupererDetailPaiementSecurise: async (id) => ({ ...(await client.recupererDetailPaiementSecurise(id)), montant: "1" }),
    };
    expect(await checkPayfipPayment(idOp, { now: at(2), client: tampered })).toMatchObject({ status: "PAID" });
    const payment = await db.payment.findUniqueOrThrow({ where: { idOp } });
    expect(payment).toMatchObject({ flagged: true, amountCents: 1, creditCents: 1 });
    expect(payment.flagReason).toMatch(/Montant reçu \(0,01\s€\) différent du montant dû \(5,00\s€\)/);
    expect((await db.invoice.findUniqueOrThrow({ where: { id: hold.invoiceId } })).status).toBe("PENDING_PAYMENT");
  });

  it("lets the payer try again after a refused card, with a new debt reference", async () => {
    const { db, family, hold } = await bookedInvoice();
    const first = idopOf((await start(hold.invoiceId, family.household.id)).redirectUrl);
    settleSimulatedPayment(first, "R");
    expect(await checkPayfipPayment(first, { now: at(2), client })).toMatchObject({ status: "REFUSED" });
    const second = idopOf((await start(hold.invoiceId, family.household.id, at(3))).redirectUrl);
    settleSimulatedPayment(second, "P");
    expect(await checkPayfipPayment(second, { now: at(4), client })).toMatchObject({ status: "PAID" });
    const payments = await db.payment.findMany({ where: { invoiceId: hold.invoiceId }, orderBy: { attempt: "asc" } });
    expect(payments.map((p) => [p.attempt, p.status])).toEqual([
      [1, "REFUSED"],
      [2, "PAID"],
    ]);
    expect(payments[0].refdet).not.toBe(payments[1].refdet);
  });

  it("treats an abandon as waiting within 20 minutes, then the poller closes it", async () => {
    const { db, family, hold } = await bookedInvoice();
    const idOp = idopOf((await start(hold.invoiceId, family.household.id)).redirectUrl);
    settleSimulatedPayment(idOp, "A");
    expect(await checkPayfipPayment(idOp, { now: at(2), client })).toMatchObject({ status: "PENDING", abandoned: true });
    expect(await settlePendingPayments(at(25), { client })).toBe(1);
    expect((await db.payment.findUniqueOrThrow({ where: { idOp } })).status).toBe("ABANDONED");
  });

  it("keeps a late payment: places re-taken when free, otherwise credited and flagged", async () => {
    const { db, canteen, slots, family, hold } = await bookedInvoice({ capacity: 1 });
    const idOp = idopOf((await start(hold.invoiceId, family.household.id)).redirectUrl);
    // The payment window passes; another family takes the 9th, the 15th stays free.
    const late = at(40);
    const other = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    await holdBookings({
      actor: other.actor,
      householdId: other.household.id,
      selections: [{ personId: other.children[0].id, productId: canteen.product.id, date: "2026-06-09" }],
      submissionKey: newSubmissionKey(),
      now: late,
    });
    settleSimulatedPayment(idOp, "P");
    expect(await checkPayfipPayment(idOp, { now: late, client })).toMatchObject({ status: "PAID" });

    const payment = await db.payment.findUniqueOrThrow({ where: { idOp } });
    expect(payment).toMatchObject({ status: "PAID", creditCents: 250, flagged: true });
    const invoice = await db.invoice.findUniqueOrThrow({ where: { id: hold.invoiceId }, include: { bookings: { include: { slot: true } } } });
    expect(invoice.status).toBe("PAID");
    const byDay = Object.fromEntries(invoice.bookings.map((b) => [b.slot.date.toISOString().slice(0, 10), b.status]));
    expect(byDay).toEqual({ "2026-06-09": "EXPIRED", "2026-06-15": "CONFIRMED" });
    // Never more than capacity.
    for (const slot of slots) {
      expect(await db.booking.count({ where: { slotId: slot.id, ...activeBookingWhere(late) } })).toBeLessThanOrEqual(1);
    }
  });

  it("refuses to start on a paid invoice, another household's invoice, or an expired hold", async () => {
    const { family, hold } = await bookedInvoice();
    await expect(start(hold.invoiceId, "another-household")).rejects.toThrow(/introuvable/);
    await expect(start(hold.invoiceId, family.household.id, at(16))).rejects.toThrow(/délai de paiement/);
  });
});
