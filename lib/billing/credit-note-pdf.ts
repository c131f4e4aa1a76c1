import type { CreditNotePdfData } from "@/components/pdf/types";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getSettings } from "@/lib/settings";

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
  const { household } = note;
  const responsible = household.members[0];
  return {
    authority: {
      name: settings.name,
      address1: settings.address1,
      address2: settings.address2,
      postalCode: settings.postalCode,
      city: settings.city,
      phone: settings.phone,
      email: settings.email,
      regieName: settings.regieName,
    },
    household: {
      name: household.name,
      reference: household.reference,
      address1: household.address1,
      address2: household.address2,
      postalCode: household.postalCode,
      city: household.city,
    },
    responsible: responsible
      ? `${responsible.civility === "MME" ? "Mme " : responsible.civility === "M" ? "M. " : ""}${responsible.firstName} ${responsible.lastName}`
      : `Famille ${household.name}`,
    creditNote: { number: note.number, issuedAt: note.issuedAt, amountCents: note.amountCents, reason: note.reason },
    invoice: note.invoice ? { number: note.invoice.number, issuedAt: note.invoice.issuedAt, totalCents: note.invoice.totalCents } : null,
  };
}
