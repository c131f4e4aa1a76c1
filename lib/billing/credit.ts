import "server-only";
import { assertActor } from "@/lib/auth/roles";
import { type Actor, recordAudit } from "@/lib/audit";
import { getDb, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { formatCents } from "@/lib/format";
import { issueCreditNoteInTx } from "./credit-notes";
import { availableCredit, invoiceOutstanding, postEntries } from "./ledger";
import { lockRows } from "@/lib/db/locks";
import { moveInvoice } from "./state";

export const RC = { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted, timeout: 20_000, maxWait: 20_000 };

/** An online attempt still able to bring money: the invoice must not be paid another way meanwhile without a check. */
export async function openOnlineAttempt(tx: Tx, invoiceId: string) {
  return tx.payment.findFirst({ where: { invoiceId, method: "PAYFIP", status: "PENDING" }, orderBy: { createdAt: "desc" } });
}

async function resolveFlagInTx(tx: Tx, paymentId: string | undefined, actor: Actor, resolution: string, now: Date) {
  if (!paymentId) return;
  const changed = await tx.payment.updateMany({
    where: { id: paymentId, flagged: true, resolvedAt: null },
    data: { resolvedAt: now, resolvedById: actor.id, resolution },
  });
  if (changed.count) {
    await recordAudit(tx, { actorId: actor.id, action: "payment.resolve", targetType: "Payment", targetId: paymentId, details: { resolution } });
  }
}

/**
 * Puts the household's credit on one of its unpaid invoices ("Utiliser mon
 * avoir"): as much as the credit allows. When it covers what is due, the
 * invoice is paid and its held days confirmed. Scoped by household; staff
 * may do it from the "À traiter" queue, which also closes the flag.
 */
export async function applyCreditToInvoice({
  actor,
  householdId,
  invoiceId,
  fromPaymentId,
  now = new Date(),
}: {
  actor: Actor;
  householdId: string;
  invoiceId: string;
  fromPaymentId?: string;
  now?: Date;
}): Promise<{ usedCents: number; paid: boolean }> {
  // Closing a flag from the queue is staff's decision.
  if (fromPaymentId) assertActor(actor, "staff");
  const db = await getDb();
  return db.$transaction(async (tx) => {
    await lockRows(tx, "Household", [householdId]);
    await lockRows(tx, "Invoice", [invoiceId]);
    const invoice = await tx.invoice.findFirst({ where: { id: invoiceId, householdId }, include: { bookings: true } });
    if (!invoice) throw new AppError("NOT_FOUND", "Facture introuvable.");
    if (invoice.status !== "PENDING_PAYMENT" && invoice.status !== "UNPAID") {
      throw new AppError("CONFLICT", invoice.status === "PAID" ? "Cette facture est déjà réglée." : "Cette facture ne peut plus être réglée.");
    }
    const live = invoice.bookings.filter((b) => b.status === "HELD" && b.heldUntil && b.heldUntil > now);
    if (invoice.status === "PENDING_PAYMENT" && live.length === 0) {
      throw new AppError("EXPIRED", "Le délai de paiement de cette réservation est dépassé : les places ont été libérées.");
    }
    if (await openOnlineAttempt(tx, invoiceId)) {
      throw new AppError("CONFLICT", "Un paiement en ligne est en cours pour cette facture : attendez son résultat avant d'utiliser votre avoir.");
    }
    const outstanding = await invoiceOutstanding(tx, invoiceId);
    const credit = await availableCredit(tx, householdId);
    const used = Math.min(credit, outstanding);
    if (used <= 0) throw new AppError("INVALID", "Vous n'avez pas d'avoir disponible.");
    const label = `Avoir utilisé sur la facture N° ${invoice.number}`;
    await postEntries(tx, [
      { householdId, kind: "TRANSFER", amountCents: used, invoiceId: null, label, actorId: actor.id, createdAt: now },
      { householdId, kind: "TRANSFER", amountCents: -used, invoiceId, label, actorId: actor.id, createdAt: now },
    ]);
    const paid = used === outstanding;
    if (paid) {
      await tx.booking.updateMany({ where: { id: { in: live.map((b) => b.id) } }, data: { status: "CONFIRMED", heldUntil: null } });
      await moveInvoice(tx, { invoice, to: "PAID", data: { paidAt: now }, actorId: actor.id, action: "invoice.paid", details: { by: "avoir" } });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "credit.use",
      targetType: "Invoice",
      targetId: invoiceId,
      details: { label: `Facture N° ${invoice.number}`, usedCents: used, paid },
    });
    await resolveFlagInTx(tx, fromPaymentId, actor, `${formatCents(used)} utilisés sur la facture N° ${invoice.number}`, now);
    return { usedCents: used, paid };
  }, RC);
}

/** Staff pay back part or all of a household's credit (a bank transfer made by the régie), with its reference. */
export async function refundCredit({
  actor,
  householdId,
  amountCents,
  reference,
  fromPaymentId,
  now = new Date(),
}: {
  actor: Actor;
  householdId: string;
  amountCents: number;
  reference: string;
  fromPaymentId?: string;
  now?: Date;
}): Promise<{ refundId: string }> {
  assertActor(actor, "staff");
  if (!Number.isInteger(amountCents) || amountCents <= 0) throw new AppError("INVALID", "Indiquez un montant positif.", { amount: "Indiquez un montant positif." });
  const ref = reference.trim();
  if (!ref || ref.length > 100) {
    throw new AppError("INVALID", "Indiquez la référence du remboursement (virement, mandat…).", { reference: "Indiquez la référence du remboursement." });
  }
  const db = await getDb();
  return db.$transaction(async (tx) => {
    await lockRows(tx, "Household", [householdId]);
    const household = await tx.household.findUnique({ where: { id: householdId }, select: { name: true } });
    if (!household) throw new AppError("NOT_FOUND", "Famille introuvable.");
    const credit = await availableCredit(tx, householdId);
    if (amountCents > credit) {
      throw new AppError("INVALID", `Le remboursement dépasse l'avoir disponible (${formatCents(credit)}).`, {
        amount: `Au plus ${formatCents(credit)}.`,
      });
    }
    const refund = await tx.refund.create({
      data: { householdId, amountCents, reference: ref, paymentId: fromPaymentId ?? null, recordedById: actor.id, createdAt: now },
    });
    await postEntries(tx, [
      { householdId, kind: "REFUND", amountCents, invoiceId: null, refundId: refund.id, paymentId: fromPaymentId ?? null, label: `Remboursement (${ref})`, actorId: actor.id, createdAt: now },
    ]);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "credit.refund",
      targetType: "Household",
      targetId: householdId,
      details: { label: household.name, amountCents, reference: ref },
    });
    await resolveFlagInTx(tx, fromPaymentId, actor, `Remboursé ${formatCents(amountCents)} (${ref})`, now);
    return { refundId: refund.id };
  }, RC);
}

/** "Conserver sur le compte": the money stays as the family's credit; the flag is closed with who decided. */
export async function keepCreditOnAccount({ actor, paymentId, note, now = new Date() }: { actor: Actor; paymentId: string; note?: string; now?: Date }) {
  assertActor(actor, "staff");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const payment = await tx.payment.findUnique({ where: { id: paymentId }, select: { flagged: true, resolvedAt: true } });
    if (!payment?.flagged) throw new AppError("NOT_FOUND", "Paiement à traiter introuvable.");
    if (payment.resolvedAt) throw new AppError("CONFLICT", "Ce paiement a déjà été traité.");
    await resolveFlagInTx(tx, paymentId, actor, `Conservé en avoir sur le compte famille${note?.trim() ? ` : ${note.trim().slice(0, 300)}` : ""}`, now);
  }, RC);
}

/** Staff correct a paid invoice with a credit note: never more than what was invoiced and not already credited. */
export async function creditPaidInvoice({
  actor,
  invoiceId,
  amountCents,
  reason,
  now = new Date(),
}: {
  actor: Actor;
  invoiceId: string;
  amountCents: number;
  reason: string;
  now?: Date;
}): Promise<{ number: number }> {
  assertActor(actor, "staff");
  if (!Number.isInteger(amountCents) || amountCents <= 0) throw new AppError("INVALID", "Indiquez un montant positif.", { amount: "Indiquez un montant positif." });
  if (!reason.trim()) throw new AppError("INVALID", "Indiquez le motif de l'avoir.", { reason: "Indiquez le motif de l'avoir." });
  const db = await getDb();
  return db.$transaction(async (tx) => {
    await lockRows(tx, "Invoice", [invoiceId]);
    const invoice = await tx.invoice.findUnique({ where: { id: invoiceId }, include: { creditNotes: { select: { amountCents: true } } } });
    if (!invoice) throw new AppError("NOT_FOUND", "Facture introuvable.");
    if (invoice.status !== "PAID") throw new AppError("CONFLICT", "Seule une facture réglée peut faire l'objet d'un avoir : une facture non réglée s'annule.");
    const room = invoice.totalCents - invoice.creditNotes.reduce((s, c) => s + c.amountCents, 0);
    if (amountCents > room) {
      throw new AppError("INVALID", `L'avoir dépasse ce qui reste à créditer sur cette facture (${formatCents(room)}).`, { amount: `Au plus ${formatCents(room)}.` });
    }
    return issueCreditNoteInTx(tx, { householdId: invoice.householdId, invoiceId, amountCents, reason: reason.trim().slice(0, 300), actorId: actor.id, now });
  }, RC);
}
