import "server-only";
import { createElement } from "react";
import { recordAudit } from "@/lib/audit";
import { PaymentResultEmail, paymentResultSubject } from "@/lib/mail/templates/payment-result-email";
import { activeBookingWhere } from "@/lib/bookings/context";
import { dateToDay } from "@/lib/dates";
import { fullDayLabel, formatCents } from "@/lib/format";
import type { Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuthoritySettingsDto } from "@/lib/settings";
import { issueCreditNoteInTx } from "./credit-notes";
import { invoiceOutstanding, postEntries } from "./ledger";
import { lockRows } from "@/lib/db/locks";
import { queueMoneyEmail } from "./notify";
import { moveInvoice, movePayment } from "./state";

export type SettleOutcome = {
  /** The invoice is paid by this payment */
  applied: boolean;
  /** What went to the household's credit (second payment, cancelled invoice, wrong amount, days lost) */
  creditCents: number;
  flagReason: string | null;
  /** Queued emails, to deliver after commit */
  emailIds: string[];
};

/**
 * Money received for an invoice: the one place a payment changes an invoice.
 * Runs in the caller's transaction, under row locks on the payment and the
 * invoice. The payment row exists (an online attempt, or a counter payment
 * just created) and becomes PAID here. Whatever the invoice's state, the
 * money is accounted for:
 * - pending (or expired) and the amount is what is due: the invoice is
 *   paid; bookings whose hold ran out take their place again where the day
 *   still has one, and the days that could not are returned as a credit
 *   note at the price they were sold at (flagged for staff);
 * - already paid, cancelled, or a different amount: the whole payment goes
 *   to the household's credit, flagged for staff, and the family is told.
 */
export async function settlePaymentInTx(
  tx: Tx,
  {
    paymentId,
    receivedCents,
    actorId,
    now,
    settings,
    data = {},
  }: {
    paymentId: string;
    receivedCents: number;
    actorId: string | null;
    now: Date;
    /** Read before the transaction: the settings are not read through it */
    settings: AuthoritySettingsDto;
    /** Extra fields for the payment row (PayFiP's result, numauto…) */
    data?: Prisma.PaymentUpdateManyMutationInput;
  },
): Promise<SettleOutcome> {
  await lockRows(tx, "Payment", [paymentId]);
  const payment = await tx.payment.findUniqueOrThrow({ where: { id: paymentId } });
  await lockRows(tx, "Invoice", [payment.invoiceId]);
  const invoice = await tx.invoice.findUniqueOrThrow({
    where: { id: payment.invoiceId },
    include: { bookings: { include: { slot: { include: { product: { select: { name: true } } } }, person: { select: { firstName: true } } } } },
  });
  const label = `Facture N° ${invoice.number}`;
  const entry = { householdId: invoice.householdId, paymentId, actorId, createdAt: now };

  let creditReason: string | null = null;
  let expected = 0;
  if (invoice.status === "PAID") creditReason = `Deuxième paiement de la facture N° ${invoice.number}, déjà réglée`;
  else if (invoice.status === "CANCELLED") creditReason = `Paiement reçu sur la facture N° ${invoice.number}, annulée`;
  else {
    // An expired invoice was taken off the account: what is due is its total again.
    expected = invoice.status === "EXPIRED" ? invoice.totalCents : await invoiceOutstanding(tx, invoice.id);
    if (receivedCents !== expected) {
      creditReason = `Montant reçu (${formatCents(receivedCents)}) différent du montant dû (${formatCents(expected)}) sur la facture N° ${invoice.number}`;
    }
  }

  const invoicesUrl = `${env().appUrl}/factures`;

  if (creditReason) {
    await postEntries(tx, [{ ...entry, kind: "PAYMENT", amountCents: -receivedCents, invoiceId: null, label: `Paiement conservé en avoir : ${creditReason}` }]);
    await movePayment(tx, {
      payment,
      to: "PAID",
      data: { ...data, amountCents: receivedCents, settledAt: now, creditCents: receivedCents, flagged: true, flagReason: creditReason },
    });
    await auditPayment(tx, { actorId, paymentId, label, receivedCents, creditCents: receivedCents, flagReason: creditReason });
    const emailIds = await queueMoneyEmail(tx, {
      householdId: invoice.householdId,
      payerEmail: payment.payerEmail,
      kind: "receipt",
      subject: paymentResultSubject({ outcome: "credited", invoiceNumber: invoice.number }),
      template: "payment-credited",
      render: (recipient) =>
        createElement(PaymentResultEmail, {
          settings,
          outcome: "credited",
          invoiceNumber: invoice.number,
          amount: formatCents(receivedCents),
          invoicesUrl,
          reason: creditReason,
          ...recipient,
        }),
      now,
    });
    return { applied: false, creditCents: receivedCents, flagReason: creditReason, emailIds };
  }

  if (invoice.status === "EXPIRED") {
    await postEntries(tx, [
      { ...entry, kind: "INVOICE", amountCents: invoice.totalCents, invoiceId: invoice.id, label: `${label} rétablie : paiement reçu après le délai` },
    ]);
  }

  // Bookings: live holds are confirmed; the others re-take their place if the day still has one.
  const live = invoice.bookings.filter((b) => b.status === "HELD" && b.heldUntil && b.heldUntil > now);
  const late = invoice.bookings.filter((b) => (b.status === "HELD" || b.status === "EXPIRED") && !live.includes(b));
  if (live.length) {
    await tx.booking.updateMany({ where: { id: { in: live.map((b) => b.id) } }, data: { status: "CONFIRMED", heldUntil: null } });
  }
  const lost: typeof late = [];
  if (late.length) {
    await lockRows(tx, "Slot", late.map((b) => b.slotId));
    for (const booking of late) {
      // One after the other: a transaction has one connection.
      const taken = await tx.booking.count({ where: { slotId: booking.slotId, id: { not: booking.id }, ...activeBookingWhere(now) } });
      const twin = await tx.booking.count({
        where: { slotId: booking.slotId, personId: booking.personId, id: { not: booking.id }, ...activeBookingWhere(now) },
      });
      if (!booking.slot.closed && twin === 0 && taken < booking.slot.capacity) {
        await tx.booking.update({ where: { id: booking.id }, data: { status: "CONFIRMED", heldUntil: null } });
      } else {
        lost.push(booking);
        if (booking.status === "HELD") await tx.booking.update({ where: { id: booking.id }, data: { status: "EXPIRED" } });
      }
    }
  }

  await postEntries(tx, [{ ...entry, kind: "PAYMENT", amountCents: -receivedCents, invoiceId: invoice.id, label: `Paiement de la ${label.toLowerCase()}` }]);
  await moveInvoice(tx, {
    invoice,
    to: "PAID",
    data: { paidAt: now },
    actorId,
    action: "invoice.paid",
    details: late.length ? { late: late.length, lost: lost.length } : {},
  });

  const lostCents = lost.reduce((sum, b) => sum + b.unitPriceCents, 0);
  let flagReason: string | null = null;
  if (lostCents > 0) {
    const days = lost.map((b) => `${b.person.firstName} ${b.slot.product.name} ${fullDayLabel(dateToDay(b.slot.date))}`).join(", ");
    flagReason = `Paiement reçu après l'expiration de la réservation : ${formatCents(lostCents)} pour des journées plus disponibles (${days}), rendus en avoir.`;
    await issueCreditNoteInTx(tx, {
      householdId: invoice.householdId,
      invoiceId: invoice.id,
      paymentId,
      amountCents: lostCents,
      reason: `Journées non disponibles après un paiement tardif : ${days}`,
      actorId,
      now,
      lines: lost.map((b) => ({ personId: b.personId, productId: b.slot.productId, day: dateToDay(b.slot.date), amountCents: b.unitPriceCents })),
    });
  }
  await movePayment(tx, {
    payment,
    to: "PAID",
    data: { ...data, settledAt: now, creditCents: lostCents, flagged: lostCents > 0, flagReason },
  });
  await auditPayment(tx, { actorId, paymentId, label, receivedCents, creditCents: lostCents, flagReason });
  const emailIds = await queueMoneyEmail(tx, {
    householdId: invoice.householdId,
    payerEmail: payment.payerEmail,
    kind: "receipt",
    subject: paymentResultSubject({ outcome: "paid", invoiceNumber: invoice.number }),
    template: "payment-paid",
    render: (recipient) =>
      createElement(PaymentResultEmail, {
        settings,
        outcome: "paid",
        invoiceNumber: invoice.number,
        amount: formatCents(receivedCents),
        invoicesUrl,
        credit: lostCents ? formatCents(lostCents) : undefined,
        ...recipient,
      }),
    now,
  });
  return { applied: true, creditCents: lostCents, flagReason, emailIds };
}

async function auditPayment(
  tx: Tx,
  d: { actorId: string | null; paymentId: string; label: string; receivedCents: number; creditCents: number; flagReason: string | null },
) {
  await recordAudit(tx, {
    actorId: d.actorId,
    action: d.flagReason ? "payment.flagged" : "payment.received",
    targetType: "Payment",
    targetId: d.paymentId,
    details: { label: d.label, amountCents: d.receivedCents, creditCents: d.creditCents, flagReason: d.flagReason },
  });
}
