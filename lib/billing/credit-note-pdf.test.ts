import { describe, expect, it } from "vitest";
import { renderCreditNotePdf } from "@/lib/billing/pdf/render";
import { heldCanteenDay } from "@/lib/bookings/testing";
import { getDb } from "@/lib/db/client";
import { creditPaidInvoice } from "./credit";
import { getCreditNotePdfData } from "./credit-note-pdf";
import { recordCounterPayment } from "./staff";

const NOW = new Date("2026-06-03T08:00:00Z");

async function paidInvoiceWithCreditNote() {
  const db = await getDb();
  const { family, hold, staff: actor } = await heldCanteenDay(db, { now: NOW });
  await recordCounterPayment({ actor, invoiceId: hold.invoiceId, method: "CASH", now: NOW });
  await creditPaidInvoice({ actor, invoiceId: hold.invoiceId, amountCents: 100, reason: "Repas non servi", now: NOW });
  const note = await db.creditNote.findFirstOrThrow({ where: { invoiceId: hold.invoiceId } });
  return { householdId: family.household.id, invoiceNumber: hold.number, noteId: note.id };
}

describe("credit note PDF data", () => {
  it("gives the note, its invoice and household to its own household and to staff, and nothing to another household", async () => {
    const mine = await paidInvoiceWithCreditNote();
    const other = await paidInvoiceWithCreditNote();
    const data = await getCreditNotePdfData({ creditNoteId: mine.noteId, householdId: mine.householdId });
    expect(data.creditNote).toMatchObject({ amountCents: 100, reason: "Repas non servi" });
    expect(data.invoice?.number).toBe(mine.invoiceNumber);
    expect((await getCreditNotePdfData({ creditNoteId: mine.noteId })).creditNote.number).toBe(data.creditNote.number);
    await expect(getCreditNotePdfData({ creditNoteId: mine.noteId, householdId: other.householdId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const pdf = await renderCreditNotePdf(data);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });
});
