import { describe, expect, it } from "vitest";
import { heldCanteenDay } from "@/lib/bookings/testing";
import { getDb } from "@/lib/db/client";
import { getInvoicePdfData } from "./invoices";
import { recordCounterPayment } from "./staff";

const NOW = new Date("2026-06-03T08:00:00Z");
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

async function settings(values: { siret?: string; regieReference?: string; paymentTermDays?: number }) {
  const db = await getDb();
  await db.authoritySettings.upsert({
    where: { id: 1 },
    update: values,
    create: {
      id: 1,
      name: "Communauté de communes du Val Fleuri",
      address1: "ZAE Les Garrigues",
      postalCode: "34480",
      city: "Magalas",
      phone: "",
      email: "",
      openingHours: {},
      legalNotice: "",
      accessibility: "",
      cgu: "",
      userGuide: "",
      ...values,
    },
  });
}

describe("the invoice's PDF data (also its accessible HTML version's)", () => {
  it("dates a held invoice by its hold's end, day and time, and carries the authority's SIRET and régie reference", async () => {
    const db = await getDb();
    const { family, hold } = await heldCanteenDay(db, { now: NOW });
    await settings({ siret: "21340157800009", regieReference: "R-34-0421" });
    const data = await getInvoicePdfData({ invoiceId: hold.invoiceId, householdId: family.household.id, now: NOW });
    const { heldUntil } = await db.booking.findFirstOrThrow({ where: { invoiceId: hold.invoiceId } });
    expect(data.invoice).toMatchObject({ status: "PENDING_PAYMENT", payable: true, heldUntil, dueDay: "2026-06-03", paid: false, cancelled: false });
    expect(data.authority).toMatchObject({ siret: "21340157800009", regieReference: "R-34-0421" });
  });

  it("reads a pending invoice whose hold ran out as expired, with nothing due", async () => {
    const db = await getDb();
    const { family, hold } = await heldCanteenDay(db, { now: NOW });
    const data = await getInvoicePdfData({ invoiceId: hold.invoiceId, householdId: family.household.id, now: minutes(60) });
    expect(data.invoice).toMatchObject({ status: "EXPIRED", payable: false, cancelled: true, heldUntil: null, dueDay: null });
  });

  it("gives an invoice that holds no places the settings' payment term, and a paid one no due date", async () => {
    const db = await getDb();
    const { family, hold, staff } = await heldCanteenDay(db, { now: NOW });
    await settings({ paymentTermDays: 30 });
    await db.invoice.update({ where: { id: hold.invoiceId }, data: { status: "UNPAID", issuedAt: new Date("2026-06-02T22:30:00Z") } });
    await db.booking.updateMany({ where: { invoiceId: hold.invoiceId }, data: { status: "CONFIRMED", heldUntil: null } });
    const unpaid = await getInvoicePdfData({ invoiceId: hold.invoiceId, now: NOW });
    // Issued on 3 June by the service's clock (00:30 in Paris): due 30 days later.
    expect(unpaid.invoice).toMatchObject({ status: "UNPAID", payable: true, heldUntil: null, dueDay: "2026-07-03" });

    await recordCounterPayment({ actor: staff, invoiceId: hold.invoiceId, method: "CASH", now: NOW });
    const paid = await getInvoicePdfData({ invoiceId: hold.invoiceId, householdId: family.household.id, now: NOW });
    expect(paid.invoice).toMatchObject({ status: "PAID", paid: true, paidAt: NOW, payable: false, dueDay: null });
  });

  it("answers another household as for an invoice that does not exist", async () => {
    const db = await getDb();
    const mine = await heldCanteenDay(db, { now: NOW });
    const theirs = await heldCanteenDay(db, { now: NOW });
    await expect(getInvoicePdfData({ invoiceId: mine.hold.invoiceId, householdId: theirs.family.household.id, now: NOW })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
