import { describe, expect, it } from "vitest";
import { renderCreditNotePdf } from "@/lib/billing/pdf/render";
import { holdBookings } from "@/lib/bookings/hold";
import { createCanteen, createFamily, newSubmissionKey, openDays } from "@/lib/bookings/testing";
import { getDb } from "@/lib/db/client";
import { creditPaidInvoice } from "./credit";
import { getCreditNotePdfData } from "./credit-note-pdf";
import { recordCounterPayment } from "./staff";

const NOW = new Date("2026-06-03T08:00:00Z");

async function paidInvoiceWithCreditNote() {
  const db = await getDb();
  const canteen = await createCanteen(db, { capacity: 5 });
  await openDays(db, canteen.product.id, ["2026-06-09"], 5);
  const family = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
  const hold = await holdBookings({
    actor: family.actor,
    householdId: family.household.id,
    selections: [{ personId: family.children[0].id, productId: canteen.product.id, date: "2026-06-09" }],
    submissionKey: newSubmissionKey(),
    now: NOW,
  });
  const staff = await db.user.create({
    data: { identifiant: Math.random().toString(16).slice(2, 10), email: `agent${Math.random()}@x.fr`, firstName: "A", lastName: "B", role: "STAFF", status: "ACTIVE" },
  });
  const actor = { id: staff.id, role: "STAFF" as const };
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
