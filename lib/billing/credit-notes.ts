import { recordAudit } from "@/lib/audit";
import type { Tx } from "@/lib/db/client";
import { postEntries } from "./ledger";
import { allocateCreditNoteNumber } from "./numbers";

/**
 * Issues a credit note (avoir): a numbered document in its own gapless
 * series; its amount goes to the household's credit.
 */
export async function issueCreditNoteInTx(
  tx: Tx,
  {
    householdId,
    invoiceId = null,
    paymentId = null,
    amountCents,
    reason,
    actorId,
    now,
  }: {
    householdId: string;
    invoiceId?: string | null;
    paymentId?: string | null;
    amountCents: number;
    reason: string;
    actorId: string | null;
    now: Date;
  },
): Promise<{ id: string; number: number }> {
  if (!Number.isInteger(amountCents) || amountCents <= 0) throw new RangeError(`Credit note of ${amountCents} cents`);
  // Last in the transaction's work, so the series' row stays locked briefly.
  const number = await allocateCreditNoteNumber(tx);
  const note = await tx.creditNote.create({
    data: { number, householdId, invoiceId, paymentId, amountCents, reason, createdById: actorId, issuedAt: now },
  });
  await postEntries(tx, [
    {
      householdId,
      kind: "CREDIT_NOTE",
      amountCents: -amountCents,
      creditNoteId: note.id,
      invoiceId: null,
      paymentId,
      label: `Avoir N° ${number} : ${reason}`,
      actorId,
      createdAt: now,
    },
  ]);
  await recordAudit(tx, {
    actorId,
    action: "credit_note.issue",
    targetType: "Household",
    targetId: householdId,
    details: { label: `Avoir N° ${number}`, amountCents, reason, invoiceId },
  });
  return { id: note.id, number };
}
