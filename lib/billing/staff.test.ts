import { describe, expect, it } from "vitest";
import { heldCanteenDay } from "@/lib/bookings/testing";
import { getDb } from "@/lib/db/client";
import { cancelInvoice, listInvoicesForStaff, listPaymentsForStaff, recordCounterPayment } from "./staff";

const NOW = new Date("2026-06-03T08:00:00Z");

async function pendingInvoice() {
  const db = await getDb();
  const { hold, staff } = await heldCanteenDay(db, { now: NOW });
  return { db, hold, actor: staff };
}

describe("staff billing", () => {
  it("records counter payments with consecutive receipt numbers and confirms the bookings", async () => {
    const a = await pendingInvoice();
    const b = await pendingInvoice();
    const first = await recordCounterPayment({ actor: a.actor, invoiceId: a.hold.invoiceId, method: "CHEQUE", now: NOW });
    const second = await recordCounterPayment({ actor: b.actor, invoiceId: b.hold.invoiceId, method: "CASH", now: NOW });
    expect(second.receiptNumber).toBe(first.receiptNumber + 1);
    const invoice = await a.db.invoice.findUniqueOrThrow({ where: { id: a.hold.invoiceId }, include: { bookings: true } });
    expect(invoice.status).toBe("PAID");
    expect(invoice.bookings.map((x) => x.status)).toEqual(["CONFIRMED"]);
    await expect(recordCounterPayment({ actor: a.actor, invoiceId: a.hold.invoiceId, method: "CASH", now: NOW })).rejects.toThrow(/déjà réglée/);
    expect(await a.db.auditEvent.count({ where: { targetId: a.hold.invoiceId, action: "payment.counter" } })).toBe(1);
  });

  it("cancels an unpaid invoice with its reason and keeps its number; a parent cannot", async () => {
    const { db, hold, actor } = await pendingInvoice();
    await expect(cancelInvoice({ actor: { id: actor.id, role: "PARENT" }, invoiceId: hold.invoiceId, reason: "Erreur de saisie" })).rejects.toThrow(/personnel/);
    await cancelInvoice({ actor, invoiceId: hold.invoiceId, reason: "Erreur de saisie" });
    const invoice = await db.invoice.findUniqueOrThrow({ where: { id: hold.invoiceId }, include: { bookings: true } });
    expect(invoice).toMatchObject({ status: "CANCELLED", number: hold.number, cancelReason: "Erreur de saisie" });
    expect(invoice.bookings.map((x) => x.status)).toEqual(["CANCELLED"]);
    await expect(cancelInvoice({ actor, invoiceId: hold.invoiceId, reason: "Encore" })).rejects.toThrow(/non réglée/);
  });

  it("finds invoices by the household search staff use everywhere: accents, case, members' names", async () => {
    const db = await getDb();
    const { family, hold } = await heldCanteenDay(db, { now: NOW });
    const surname = `HÉLÈNE-${family.household.id.slice(-6)}`;
    await db.household.update({ where: { id: family.household.id }, data: { name: surname } });
    const numbers = async (query: string) => (await listInvoicesForStaff({ household: query })).rows.map((r) => r.number);
    expect(await numbers(surname.toLowerCase().normalize("NFD").replace(/\p{M}/gu, ""))).toEqual([hold.number]);
    expect(await numbers(`${family.household.name} Emma`)).toEqual([hold.number]);
    expect(await numbers(`${surname} Personne`)).toEqual([]);
  });

  it("tells staff which running PayFiP attempts the payer left, since PayFiP still counts them as running", async () => {
    const { db, hold } = await pendingInvoice();
    const invoice = await db.invoice.findUniqueOrThrow({ where: { id: hold.invoiceId } });
    const attempt = (idOp: string, status: "PENDING" | "ABANDONED", resultrans: string | null) =>
      db.payment.create({
        data: { invoiceId: invoice.id, householdId: invoice.householdId, method: "PAYFIP", status, amountCents: 100, idOp, resultrans },
      });
    const left = await attempt(`left-${invoice.id}`, "PENDING", "A");
    const running = await attempt(`running-${invoice.id}`, "PENDING", null);
    const over = await attempt(`over-${invoice.id}`, "ABANDONED", "A");
    const rows = new Map((await listPaymentsForStaff({})).map((p) => [p.id, p.abandonedByPayer]));
    expect([rows.get(left.id), rows.get(running.id), rows.get(over.id)]).toEqual([true, false, false]);
  });
});
