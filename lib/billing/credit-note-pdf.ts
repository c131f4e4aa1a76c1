import "server-only";
import type { CreditNotePdfData } from "@/lib/billing/pdf/types";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getSettings } from "@/lib/settings";
import { pdfParties } from "./pdf-parties";

/**
 * Everything the credit note PDF shows. `householdId` scopes a parent's
 * request (ownership is part of the query: another household's note is
 * "introuvable"); staff pass none.
 */
export async function getCreditNotePdfData({ creditNoteId, householdId }: { creditNoteId: string; householdId?: string }): Promise<CreditNotePdfData> {
  const db = await getDb();
  const note = await db.creditNote.findFirst({
    where: { id: creditNoteId, ...(householdId ? { householdId } : {}) },
    include: {
      household: { include: { members: { where: { quality: "RESPONSABLE" }, take: 1 } } },
      invoice: { select: { number: true, issuedAt: true, totalCents: true } },
    },
  });
  if (!note) throw new AppError("NOT_FOUND", "Avoir introuvable.");
  const settings = await getSettings();
  return {
    ...pdfParties(settings, note.household),
    creditNote: { number: note.number, issuedAt: note.issuedAt, amountCents: note.amountCents, reason: note.reason },
    invoice: note.invoice ? { number: note.invoice.number, issuedAt: note.invoice.issuedAt, totalCents: note.invoice.totalCents } : null,
  };
}
