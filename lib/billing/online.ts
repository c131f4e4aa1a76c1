import "server-only";
import { createElement } from "react";
import { recordAudit } from "@/lib/audit";
import { PaymentResultEmail, paymentResultSubject, type PaymentOutcome } from "@/lib/mail/templates/payment-result-email";
import { PaymentStartedEmail, paymentStartedSubject } from "@/lib/mail/templates/payment-started-email";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Payment, PaymentStatus, Prisma } from "@/lib/generated/prisma/client";
import { deliverQueuedEmails } from "@/lib/mail";
import { MIN_ONLINE_CENTS } from "@/lib/money";
import { formatCents } from "@/lib/format";
import { getSettings, type AuthoritySettingsDto } from "@/lib/settings";
import { RC } from "./credit";
import { invoiceOutstanding } from "./ledger";
import { lockRows } from "@/lib/db/locks";
import { queueMoneyEmail } from "./notify";
import { settlePaymentInTx, type SettleOutcome } from "./settle";
import { invoiceRefusal, movePayment } from "./state";

/** PayFiP keeps an idOp payable 15 minutes and answers for its result about 20. */
export const PAYFIP_IDOP_VALIDITY_MS = 15 * 60_000;
export const PAYFIP_WINDOW_MS = 20 * 60_000;
/** An attempt whose idOp has not come back after this long was interrupted. */
const CREATION_GRACE_MS = 60_000;

export type OnlineScope = { householdId: string } | { paymentIdentifier: string };

export type OpenedAttempt =
  | { kind: "reuse"; paymentId: string; idOp: string }
  /** Another request is registering an attempt right now: ask again in a moment */
  | { kind: "creating" }
  | { kind: "new"; paymentId: string; refdetAttempt: number; invoiceNumber: number; amountCents: number };

/**
 * Opens a PayFiP attempt for what is due on an invoice, under the invoice's
 * lock. One attempt at a time: an attempt still payable is reused (a second
 * tab, a double click land on the same payment page), one being created or
 * awaiting PayFiP's answer is waited for. The hold is extended to cover
 * PayFiP's window, but never past the hold plus one window from the
 * invoice's issue: a family cannot keep places by starting attempt after
 * attempt.
 */
export async function openOnlinePayment({
  invoiceId,
  scope,
  email,
  now,
}: {
  invoiceId: string;
  scope: OnlineScope;
  email: string;
  now: Date;
}): Promise<OpenedAttempt> {
  const db = await getDb();
  const where = "householdId" in scope ? { id: invoiceId, householdId: scope.householdId } : { id: invoiceId, paymentIdentifier: scope.paymentIdentifier };
  return db.$transaction(async (tx) => {
    const found = await tx.invoice.findFirst({ where, select: { id: true } });
    if (!found) throw new AppError("NOT_FOUND", "Facture introuvable.");
    await lockRows(tx, "Invoice", [found.id]);
    const invoice = await tx.invoice.findUniqueOrThrow({
      where: { id: found.id },
      include: { bookings: { select: { status: true, heldUntil: true } }, payments: { where: { method: "PAYFIP" }, orderBy: { createdAt: "desc" } } },
    });
    if (invoice.status !== "PENDING_PAYMENT" && invoice.status !== "UNPAID") {
      throw new AppError(invoice.status === "EXPIRED" ? "EXPIRED" : "CONFLICT", invoice.status === "EXPIRED"
        ? "Le délai de paiement de cette réservation est dépassé : les places ont été libérées. Recommencez la réservation."
        : invoice.status === "CANCELLED" ? "Cette facture est annulée : elle ne peut plus être payée." : invoiceRefusal(invoice.status));
    }
    const holdEnd = invoice.bookings
      .filter((b) => b.status === "HELD" && b.heldUntil && b.heldUntil > now)
      .reduce<Date | null>((min, b) => (!min || b.heldUntil! < min ? b.heldUntil! : min), null);
    if (invoice.status === "PENDING_PAYMENT" && !holdEnd) {
      throw new AppError("EXPIRED", "Le délai de paiement de cette réservation est dépassé : les places ont été libérées. Recommencez la réservation.");
    }

    const open = invoice.payments.find((p) => p.status === "PENDING");
    if (open) {
      const age = now.getTime() - open.createdAt.getTime();
      if (open.idOp && age < PAYFIP_IDOP_VALIDITY_MS) return { kind: "reuse" as const, paymentId: open.id, idOp: open.idOp };
      if (!open.idOp && age < CREATION_GRACE_MS) return { kind: "creating" as const };
      if (open.idOp) {
        throw new AppError("CONFLICT", "Un paiement en ligne de cette facture attend encore la réponse de PayFiP. Réessayez dans quelques minutes : s'il a abouti, la facture apparaîtra réglée.");
      }
      // The idOp never came back (the server stopped mid-way): no payment page was ever shown.
      await movePayment(tx, { payment: open, to: "REJECTED", data: { settledAt: now, flagReason: "Création interrompue avant la réponse de PayFiP" } });
    }

    const amountCents = await invoiceOutstanding(tx, invoice.id);
    if (amountCents < MIN_ONLINE_CENTS) {
      throw new AppError("INVALID", `Le paiement en ligne n'est possible qu'à partir de ${formatCents(MIN_ONLINE_CENTS)} : réglez cette facture au guichet.`);
    }
    const attempt = invoice.payments.length + 1;
    const payment = await tx.payment.create({
      data: {
        invoiceId: invoice.id,
        householdId: invoice.householdId,
        method: "PAYFIP",
        status: "PENDING",
        amountCents,
        attempt,
        payerEmail: email,
        createdAt: now,
      },
    });
    if (invoice.status === "PENDING_PAYMENT") {
      const cap = invoice.issuedAt.getTime() + env().holdMinutes * 60_000 + PAYFIP_WINDOW_MS;
      const windowEnd = new Date(Math.min(now.getTime() + PAYFIP_WINDOW_MS, cap));
      await tx.booking.updateMany({
        where: { invoiceId: invoice.id, status: "HELD", heldUntil: { gt: now, lt: windowEnd } },
        data: { heldUntil: windowEnd },
      });
    }
    return { kind: "new" as const, paymentId: payment.id, refdetAttempt: attempt, invoiceNumber: invoice.number, amountCents };
  }, RC);
}

/** PayFiP registered the attempt: keep its idOp and refdet, and tell the payer (after commit). */
export async function attachOperation({ paymentId, idOp, refdet, now }: { paymentId: string; idOp: string; refdet: string; now: Date }) {
  const db = await getDb();
  const settings = await getSettings();
  const ids = await db.$transaction(async (tx) => {
    const payment = await tx.payment.update({ where: { id: paymentId }, data: { idOp, refdet }, include: { invoice: { select: { number: true } } } });
    const invoiceNumber = payment.invoice.number;
    return queueMoneyEmail(tx, {
      householdId: payment.householdId,
      payerEmail: payment.payerEmail,
      kind: "notice",
      subject: paymentStartedSubject({ invoiceNumber }),
      template: "payment-started",
      render: (recipient) => createElement(PaymentStartedEmail, { settings, invoiceNumber, amount: formatCents(payment.amountCents), ...recipient }),
      now,
    });
  }, RC);
  await deliverQueuedEmails({ ids });
}

/** PayFiP refused to register the attempt: nothing was shown to the payer, nothing was paid. */
export async function failOnlineCreation({ paymentId, reason, now }: { paymentId: string; reason: string; now: Date }) {
  const db = await getDb();
  await db.$transaction(async (tx) => {
    await lockRows(tx, "Payment", [paymentId]);
    const payment = await tx.payment.findUniqueOrThrow({ where: { id: paymentId } });
    if (payment.status === "PENDING") {
      await movePayment(tx, { payment, to: "REJECTED", data: { settledAt: now, flagReason: `Création refusée — ${reason}` } });
    }
  }, RC);
}

export type OnlineResult =
  | { kind: "paid"; receivedCents: number; data: Prisma.PaymentUpdateManyMutationInput }
  | { kind: "refused" | "abandoned" | "expired"; data: Prisma.PaymentUpdateManyMutationInput }
  | { kind: "rejected"; reason: string; data: Prisma.PaymentUpdateManyMutationInput }
  /** Nothing final yet: only the check is recorded */
  | { kind: "waiting"; data: Prisma.PaymentUpdateManyMutationInput };

const FINAL: Record<Exclude<OnlineResult["kind"], "paid" | "waiting">, PaymentStatus> = {
  refused: "REFUSED",
  abandoned: "ABANDONED",
  expired: "EXPIRED",
  rejected: "REJECTED",
};

/**
 * Records what PayFiP said about an attempt, under the payment's lock:
 * idempotent (the notification, the payer's return and the poller race),
 * and a result that arrives after the attempt was marked abandoned or
 * expired still counts. Money goes through settlePaymentInTx.
 */
export async function recordOnlineResult({
  paymentId,
  result,
  now,
}: {
  paymentId: string;
  result: OnlineResult;
  now: Date;
}): Promise<{ status: PaymentStatus; settled?: SettleOutcome }> {
  const db = await getDb();
  const settings = await getSettings();
  const outcome = await db.$transaction(async (tx) => {
    await lockRows(tx, "Payment", [paymentId]);
    const payment = await tx.payment.findUniqueOrThrow({ where: { id: paymentId }, include: { invoice: { select: { number: true } } } });
    const base = { ...result.data, lastCheckedAt: now };
    if (result.kind === "waiting" || !canChange(payment, result.kind)) {
      await tx.payment.update({ where: { id: paymentId }, data: { lastCheckedAt: now } });
      return { status: payment.status, emailIds: [] as string[] };
    }
    if (result.kind === "paid") {
      const settled = await settlePaymentInTx(tx, { paymentId, receivedCents: result.receivedCents, actorId: null, now, settings, data: base });
      return { status: "PAID" as const, settled, emailIds: settled.emailIds };
    }
    const to = FINAL[result.kind];
    await movePayment(tx, {
      payment,
      to,
      data: {
        ...base,
        settledAt: now,
        ...(result.kind === "rejected" ? { flagged: true, flagReason: result.reason } : {}),
      },
    });
    await recordAudit(tx, {
      actorId: null,
      action: "payment.result",
      targetType: "Payment",
      targetId: paymentId,
      details: { label: `Facture N° ${payment.invoice.number}`, from: payment.status, to, reason: result.kind === "rejected" ? result.reason : null },
    });
    let emailIds: string[] = [];
    if (result.kind === "refused" || (result.kind === "abandoned" && payment.status === "PENDING")) {
      emailIds = await queueResultEmail(tx, payment, result.kind, settings, now);
    }
    return { status: to, emailIds };
  }, RC);
  if (outcome.emailIds.length) await deliverQueuedEmails({ ids: outcome.emailIds });
  return { status: outcome.status, settled: "settled" in outcome ? outcome.settled : undefined };
}

function canChange(payment: Payment, kind: OnlineResult["kind"]): boolean {
  if (kind === "waiting") return false;
  const to: PaymentStatus = kind === "paid" ? "PAID" : FINAL[kind];
  return payment.status !== to && ["PENDING", "ABANDONED", "EXPIRED"].includes(payment.status) && (to !== "EXPIRED" || payment.status === "PENDING");
}

async function queueResultEmail(
  tx: Parameters<typeof settlePaymentInTx>[0],
  payment: Payment & { invoice: { number: number } },
  outcome: PaymentOutcome,
  settings: AuthoritySettingsDto,
  now: Date,
) {
  const invoiceNumber = payment.invoice.number;
  return queueMoneyEmail(tx, {
    householdId: payment.householdId,
    payerEmail: payment.payerEmail,
    kind: "receipt",
    subject: paymentResultSubject({ outcome, invoiceNumber }),
    template: `payment-${outcome}`,
    render: (recipient) =>
      createElement(PaymentResultEmail, {
        settings,
        outcome,
        invoiceNumber,
        amount: formatCents(payment.amountCents),
        invoicesUrl: `${env().appUrl}/factures`,
        ...recipient,
      }),
    now,
  });
}
