import { type AuditAction, recordAudit } from "@/lib/audit";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { InvoiceStatus, PaymentStatus, Prisma } from "@/lib/generated/prisma/client";

/**
 * The invoice's life. A pending invoice is paid, cancelled (by the family or
 * staff) or expires when its hold runs out; an expired one can still be paid
 * by a late payment (the late-payment rule re-takes what places it can).
 * PAID and CANCELLED are final: a paid invoice is corrected by a credit note,
 * never reverted; money arriving on a final invoice goes to the credit.
 */
export const INVOICE_TRANSITIONS: Record<InvoiceStatus, readonly InvoiceStatus[]> = {
  PENDING_PAYMENT: ["PAID", "CANCELLED", "EXPIRED"],
  UNPAID: ["PAID", "CANCELLED"],
  EXPIRED: ["PAID"],
  PAID: [],
  CANCELLED: [],
};

/**
 * A PayFiP attempt: PENDING until PayFiP answers. ABANDONED and EXPIRED
 * mean no result was known when asked, so a later result (the payer came
 * back, a notification delayed for hours) still moves them on.
 */
export const PAYMENT_TRANSITIONS: Record<PaymentStatus, readonly PaymentStatus[]> = {
  PENDING: ["PAID", "REFUSED", "ABANDONED", "EXPIRED", "REJECTED"],
  ABANDONED: ["PAID", "REFUSED", "REJECTED", "EXPIRED"],
  EXPIRED: ["PAID", "REFUSED", "ABANDONED", "REJECTED"],
  PAID: [],
  REFUSED: [],
  REJECTED: [],
};

export const OPEN_INVOICE_STATUSES = ["PENDING_PAYMENT", "UNPAID"] as const satisfies readonly InvoiceStatus[];

export function canMoveInvoice(from: InvoiceStatus, to: InvoiceStatus): boolean {
  return INVOICE_TRANSITIONS[from].includes(to);
}

/**
 * Moves an invoice the caller has locked, checking the transition and that
 * nobody moved it meanwhile, and audits it in the same transaction.
 */
export async function moveInvoice(
  tx: Tx,
  {
    invoice,
    to,
    data = {},
    actorId = null,
    action,
    details = {},
  }: {
    invoice: { id: string; number: number; status: InvoiceStatus };
    to: InvoiceStatus;
    data?: Prisma.InvoiceUpdateManyMutationInput;
    actorId?: string | null;
    action: AuditAction;
    details?: Record<string, string | number | null>;
  },
): Promise<void> {
  if (!canMoveInvoice(invoice.status, to)) {
    throw new AppError("CONFLICT", invoiceRefusal(invoice.status));
  }
  const changed = await tx.invoice.updateMany({ where: { id: invoice.id, status: invoice.status }, data: { ...data, status: to } });
  if (changed.count !== 1) throw new AppError("CONFLICT", "Cette facture vient d'être modifiée : rechargez la page.");
  await recordAudit(tx, {
    actorId,
    action,
    targetType: "Invoice",
    targetId: invoice.id,
    details: { label: `Facture N° ${invoice.number}`, from: invoice.status, to, ...details },
  });
}

export function invoiceRefusal(status: InvoiceStatus): string {
  switch (status) {
    case "PAID":
      return "Cette facture est déjà réglée.";
    case "CANCELLED":
      return "Cette facture est annulée.";
    case "EXPIRED":
      return "Le délai de paiement de cette réservation est dépassé : les places ont été libérées.";
    default:
      return "Cette facture ne peut pas changer d'état ainsi.";
  }
}

export async function movePayment(
  tx: Tx,
  {
    payment,
    to,
    data = {},
  }: {
    payment: { id: string; status: PaymentStatus };
    to: PaymentStatus;
    data?: Prisma.PaymentUpdateManyMutationInput;
  },
): Promise<void> {
  if (!PAYMENT_TRANSITIONS[payment.status].includes(to)) {
    throw new Error(`Payment ${payment.id}: ${payment.status} → ${to} is not a transition`);
  }
  const changed = await tx.payment.updateMany({ where: { id: payment.id, status: payment.status }, data: { ...data, status: to } });
  if (changed.count !== 1) throw new Error(`Payment ${payment.id} moved while locked`);
}
