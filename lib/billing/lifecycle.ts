import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Invoice } from "@/lib/generated/prisma/client";
import { invoiceOutstanding, postEntries, type LedgerPost } from "./ledger";
import { lockRows } from "@/lib/db/locks";
import { moveInvoice, OPEN_INVOICE_STATUSES } from "./state";

export const EXPIRED_REASON = "Délai de paiement dépassé";

/**
 * The ledger entry of a new invoice, posted in the transaction that creates
 * it. The hold allocates the number in the same SQL statement that inserts
 * the entry, so it passes "%s" and has SQL's format() put the number in the label.
 */
export function invoiceIssueEntry(
  invoice: Pick<Invoice, "id" | "householdId" | "totalCents" | "issuedAt"> & { number: number | "%s" },
  actorId: string | null,
) {
  return {
    householdId: invoice.householdId,
    kind: "INVOICE" as const,
    amountCents: invoice.totalCents,
    invoiceId: invoice.id,
    label: `Facture N° ${invoice.number}`,
    actorId,
    createdAt: invoice.issuedAt,
  } satisfies LedgerPost;
}

/**
 * Takes an invoice off the account: its amount is reversed, and any credit
 * the family had already put on it goes back to its credit.
 */
async function reverseInvoice(tx: Tx, invoice: Invoice, label: string, actorId: string | null, now: Date) {
  const outstanding = await invoiceOutstanding(tx, invoice.id);
  const alreadyCovered = invoice.totalCents - outstanding;
  const entries: LedgerPost[] = [
    { householdId: invoice.householdId, kind: "INVOICE", amountCents: -invoice.totalCents, invoiceId: invoice.id, label, actorId, createdAt: now },
  ];
  if (alreadyCovered > 0) {
    entries.push(
      { householdId: invoice.householdId, kind: "TRANSFER", amountCents: alreadyCovered, invoiceId: invoice.id, label: `Avoir rendu : ${label}`, actorId, createdAt: now },
      { householdId: invoice.householdId, kind: "TRANSFER", amountCents: -alreadyCovered, invoiceId: null, label: `Avoir rendu : ${label}`, actorId, createdAt: now },
    );
  }
  await postEntries(tx, entries);
}

/**
 * Cancels an unpaid invoice (the family's "Annuler", or staff with a reason).
 * Its number stays; its held places are freed at once.
 */
export async function cancelInvoiceInTx(
  tx: Tx,
  { invoiceId, householdId, reason, actorId, now }: { invoiceId: string; householdId?: string; reason: string; actorId: string | null; now: Date },
): Promise<Invoice> {
  await lockRows(tx, "Invoice", [invoiceId]);
  const invoice = await tx.invoice.findFirst({ where: { id: invoiceId, ...(householdId ? { householdId } : {}) } });
  if (!invoice) throw new AppError("NOT_FOUND", "Facture introuvable.");
  if (!(OPEN_INVOICE_STATUSES as readonly string[]).includes(invoice.status)) {
    throw new AppError("CONFLICT", invoice.status === "PAID" ? "Cette facture est déjà réglée : elle ne peut plus être annulée." : "Seule une facture non réglée peut être annulée.");
  }
  await moveInvoice(tx, {
    invoice,
    to: "CANCELLED",
    data: { cancelledAt: now, cancelReason: reason },
    actorId,
    action: "invoice.cancel",
    details: { reason },
  });
  await tx.booking.updateMany({ where: { invoiceId, status: "HELD" }, data: { status: "CANCELLED" } });
  await reverseInvoice(tx, invoice, `Annulation de la facture N° ${invoice.number}`, actorId, now);
  return invoice;
}

/**
 * A pending invoice whose hold ran out: places freed, the amount off the
 * account, number kept. A payment that still arrives follows the
 * late-payment rule (see settle.ts). Does nothing if a hold still runs or
 * the invoice moved on.
 */
export async function expireInvoiceInTx(tx: Tx, invoiceId: string, now: Date): Promise<boolean> {
  await lockRows(tx, "Invoice", [invoiceId]);
  const invoice = await tx.invoice.findUnique({ where: { id: invoiceId } });
  if (!invoice || invoice.status !== "PENDING_PAYMENT") return false;
  const live = await tx.booking.count({ where: { invoiceId, status: "HELD", heldUntil: { gt: now } } });
  if (live > 0) return false;
  await moveInvoice(tx, { invoice, to: "EXPIRED", data: { cancelledAt: now, cancelReason: EXPIRED_REASON }, action: "invoice.expire" });
  await tx.booking.updateMany({ where: { invoiceId, status: "HELD" }, data: { status: "EXPIRED" } });
  await reverseInvoice(tx, invoice, `Facture N° ${invoice.number} expirée (délai de paiement dépassé)`, null, now);
  return true;
}
