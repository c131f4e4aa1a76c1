import { createElement } from "react";
import { PaymentResultEmail, type PaymentOutcome } from "@/components/emails/payment-result-email";
import { PaymentStartedEmail } from "@/components/emails/payment-started-email";
import { activeBookingWhere } from "@/lib/bookings/context";
import { dateToDay, monthLabel, monthOfDay } from "@/lib/dates";
import { getDb, type Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { Prisma, type PaymentStatus } from "@/lib/generated/prisma/client";
import { sendEmail } from "@/lib/mail";
import { formatCents } from "@/lib/money";
import { getSettings } from "@/lib/settings";
import { PayfipError, type PayfipClient } from "./payfip/client";
import { payfipClient } from "./payfip/config";
import { formatMontant, isPaid, isRefused, makeRefdet, normaliseObjet, type PaymentDetail } from "./payfip/protocol";

/** PayFiP accepts a result up to about 20 minutes after the idOp was created. */
export const PAYFIP_WINDOW_MS = 20 * 60_000;
export const MIN_ONLINE_CENTS = 100;

const RC = { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted, timeout: 20_000, maxWait: 20_000 };

type Scope = { householdId: string } | { paymentIdentifier: string };

const scopeWhere = (scope: Scope) =>
  "householdId" in scope ? { householdId: scope.householdId } : { paymentIdentifier: scope.paymentIdentifier };

/**
 * Sends the payer to PayFiP for an invoice. The hold is extended over
 * PayFiP's window first, so a payment in progress never loses its places;
 * each attempt gets its own debt reference (refdet).
 */
export async function startPayfipPayment({
  invoiceId,
  scope,
  email,
  now = new Date(),
  client = payfipClient(),
}: {
  invoiceId: string;
  scope: Scope;
  email: string;
  now?: Date;
  client?: PayfipClient;
}): Promise<{ paymentId: string; redirectUrl: string }> {
  const db = await getDb();
  const prepared = await db.$transaction(async (tx) => {
    const invoice = await tx.invoice.findFirst({ where: { id: invoiceId, ...scopeWhere(scope) } });
    if (!invoice) throw new AppError("NOT_FOUND", "Facture introuvable.");
    await lockRows(tx, "Invoice", [invoice.id]);
    const current = await tx.invoice.findUniqueOrThrow({
      where: { id: invoice.id },
      include: { bookings: { select: { status: true, heldUntil: true } }, payments: { select: { method: true } } },
    });
    if (current.status === "PAID") throw new AppError("CONFLICT", "Cette facture est déjà réglée.");
    if (current.status === "CANCELLED") throw new AppError("CONFLICT", "Cette facture est annulée : elle ne peut plus être payée.");
    if (current.status === "PENDING_PAYMENT") {
      const live = current.bookings.some((b) => b.status === "HELD" && b.heldUntil && b.heldUntil > now);
      if (!live) {
        throw new AppError(
          "EXPIRED",
          "Le délai de paiement de cette réservation est dépassé : les places ont été libérées. Recommencez la réservation.",
        );
      }
    }
    if (current.totalCents < MIN_ONLINE_CENTS) {
      throw new AppError("INVALID", "Le paiement en ligne n'est possible qu'à partir de 1,00 € : réglez cette facture au guichet.");
    }
    const attempt = current.payments.filter((p) => p.method === "PAYFIP").length + 1;
    const payment = await tx.payment.create({
      data: {
        invoiceId: current.id,
        householdId: current.householdId,
        method: "PAYFIP",
        status: "PENDING",
        amountCents: current.totalCents,
        attempt,
        refdet: makeRefdet(current.number, attempt),
        payerEmail: email,
        createdAt: now,
      },
    });
    const windowEnd = new Date(now.getTime() + PAYFIP_WINDOW_MS);
    await tx.booking.updateMany({
      where: { invoiceId: current.id, status: "HELD", heldUntil: { lt: windowEnd } },
      data: { heldUntil: windowEnd },
    });
    return { payment, invoice: current };
  }, RC);

  const settings = await getSettings();
  const { payment, invoice } = prepared;
  let idOp: string;
  try {
    ({ idOp } = await client.creerPaiementSecurise({
      numcli: env().payfip.numcli,
      exer: String(new Date(now).getUTCFullYear()),
      refdet: payment.refdet!,
      objet: normaliseObjet(`Facture ${invoice.number} ${settings.name}`),
      montant: formatMontant(payment.amountCents),
      mel: email,
      urlnotif: `${env().appUrl}/api/payfip/notification`,
      urlredirect: `${env().appUrl}/paiement/retour`,
      saisie: env().payfip.saisie,
    }));
  } catch (error) {
    const reason = error instanceof PayfipError ? `${error.kind}: ${error.message}` : String(error);
    await db.payment.update({ where: { id: payment.id }, data: { status: "REJECTED", flagReason: `Création refusée — ${reason}` } });
    throw new AppError(
      "INVALID",
      "Le paiement en ligne est momentanément indisponible. Réessayez dans quelques minutes ou réglez au guichet du service.",
    );
  }
  await db.payment.update({ where: { id: payment.id }, data: { idOp } });
  await sendEmail({
    to: email,
    subject: `Paiement : Initialisation du paiement PayFip N° ${invoice.number}`,
    template: "payment-started",
    element: createElement(PaymentStartedEmail, {
      settings,
      invoiceNumber: invoice.number,
      amount: formatCents(invoice.totalCents),
    }),
  });
  const url = new URL(env().payfip.paymentPageUrl);
  url.searchParams.set("idop", idOp);
  return { paymentId: payment.id, redirectUrl: url.toString() };
}

export type CheckOutcome = { status: PaymentStatus; waiting: boolean; abandoned: boolean } | null;

/**
 * The only trust step PayFiP offers: ask it for the payment's detail and
 * match numcli, refdet and amount before believing anything. Used by the
 * notification, the payer's return and the poller, which may race: the
 * update is idempotent under a row lock. An unknown idOp changes nothing.
 */
export async function checkPayfipPayment(
  idOp: string,
  { now = new Date(), client = payfipClient() }: { now?: Date; client?: PayfipClient } = {},
): Promise<CheckOutcome> {
  const db = await getDb();
  const payment = await db.payment.findUnique({ where: { idOp } });
  if (!payment) return null;
  if (payment.status !== "PENDING") return { status: payment.status, waiting: false, abandoned: payment.status === "ABANDONED" };
  const age = now.getTime() - payment.createdAt.getTime();
  let detail: PaymentDetail;
  try {
    detail = await client.recupererDetailPaiementSecurise(idOp);
  } catch (error) {
    if (error instanceof PayfipError && error.kind === "functional" && (error.code === "P5" || error.code === "P1")) {
      // P5: no result yet. P1: purged because the payer never paid.
      const final = error.code === "P1" || age >= PAYFIP_WINDOW_MS;
      const status = await finishWithoutResult(payment.id, final ? "EXPIRED" : null, now);
      return { status, waiting: status === "PENDING", abandoned: false };
    }
    // PayFiP unreachable or failing: stay pending, the poller will ask again.
    await db.payment.update({ where: { id: payment.id }, data: { lastCheckedAt: now } });
    return { status: "PENDING", waiting: true, abandoned: false };
  }
  return applyPayfipResult(payment.id, detail, now);
}

async function finishWithoutResult(paymentId: string, status: "EXPIRED" | null, now: Date): Promise<PaymentStatus> {
  const db = await getDb();
  if (!status) {
    await db.payment.update({ where: { id: paymentId }, data: { lastCheckedAt: now } });
    return "PENDING";
  }
  const changed = await db.payment.updateMany({
    where: { id: paymentId, status: "PENDING" },
    data: { status, lastCheckedAt: now, settledAt: now },
  });
  return changed.count ? status : (await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).status;
}

async function applyPayfipResult(paymentId: string, detail: PaymentDetail, now: Date): Promise<CheckOutcome> {
  const db = await getDb();
  const outcome = await db.$transaction(async (tx) => {
    await lockRows(tx, "Payment", [paymentId]);
    const payment = await tx.payment.findUniqueOrThrow({ where: { id: paymentId }, include: { invoice: true } });
    if (payment.status !== "PENDING") return { status: payment.status, changed: false, creditCents: payment.creditCents };
    const base = { lastCheckedAt: now, detail: detail as unknown as Prisma.InputJsonValue, resultrans: detail.resultrans };

    const mismatch = [
      detail.numcli !== env().payfip.numcli && `numcli ${detail.numcli}`,
      detail.refdet !== payment.refdet && `refdet ${detail.refdet}`,
      detail.montant !== String(payment.amountCents) && `montant ${detail.montant} au lieu de ${payment.amountCents}`,
    ].filter(Boolean);
    if (mismatch.length) {
      await tx.payment.update({
        where: { id: paymentId },
        data: { ...base, status: "REJECTED", flagged: true, flagReason: `Détail PayFiP incohérent : ${mismatch.join(", ")}`, settledAt: now },
      });
      return { status: "REJECTED" as const, changed: true, creditCents: 0 };
    }
    if (isPaid(detail.resultrans)) {
      const creditCents = await confirmInvoicePaid(tx, payment.invoiceId, now);
      await tx.payment.update({
        where: { id: paymentId },
        data: {
          ...base,
          status: "PAID",
          numauto: detail.numauto || null,
          settledAt: now,
          creditCents,
          flagged: creditCents > 0,
          flagReason:
            creditCents > 0
              ? `Paiement reçu après l'expiration de la réservation : ${formatCents(creditCents)} n'ont pas pu être confirmés (places prises), conservés en avoir.`
              : null,
        },
      });
      return { status: "PAID" as const, changed: true, creditCents };
    }
    if (isRefused(detail.resultrans)) {
      await tx.payment.update({ where: { id: paymentId }, data: { ...base, status: "REFUSED", settledAt: now } });
      return { status: "REFUSED" as const, changed: true, creditCents: 0 };
    }
    if (detail.resultrans === "A") {
      // Within PayFiP's window the payer may still come back and pay.
      if (now.getTime() - payment.createdAt.getTime() < PAYFIP_WINDOW_MS) {
        await tx.payment.update({ where: { id: paymentId }, data: base });
        return { status: "PENDING" as const, changed: false, creditCents: 0, abandoned: true };
      }
      await tx.payment.update({ where: { id: paymentId }, data: { ...base, status: "ABANDONED", settledAt: now } });
      return { status: "ABANDONED" as const, changed: true, creditCents: 0 };
    }
    await tx.payment.update({
      where: { id: paymentId },
      data: { ...base, status: "REJECTED", flagged: true, flagReason: `Résultat PayFiP inconnu : ${detail.resultrans}`, settledAt: now },
    });
    return { status: "REJECTED" as const, changed: true, creditCents: 0 };
  }, RC);

  if (outcome.changed && ["PAID", "REFUSED", "ABANDONED"].includes(outcome.status)) {
    await notifyResult(paymentId, outcome.status === "PAID" ? "paid" : outcome.status === "REFUSED" ? "refused" : "abandoned", outcome.creditCents);
  }
  return {
    status: outcome.status,
    waiting: outcome.status === "PENDING",
    abandoned: outcome.status === "ABANDONED" || ("abandoned" in outcome && Boolean(outcome.abandoned)),
  };
}

/**
 * Marks the invoice paid and confirms its bookings. A booking whose hold ran
 * out before the money arrived takes its place again when the day still has
 * one (under the slot lock, like any hold); otherwise its price is returned as
 * credit — the payment is never lost.
 */
export async function confirmInvoicePaid(tx: Tx, invoiceId: string, now: Date): Promise<number> {
  await lockRows(tx, "Invoice", [invoiceId]);
  const invoice = await tx.invoice.findUniqueOrThrow({
    where: { id: invoiceId },
    include: { bookings: { include: { slot: true } }, lines: true },
  });
  let creditCents = 0;
  const late = invoice.bookings.filter((b) => !(b.status === "HELD" && b.heldUntil && b.heldUntil > now) && b.status !== "CONFIRMED");
  const live = invoice.bookings.filter((b) => b.status === "HELD" && b.heldUntil && b.heldUntil > now);
  if (live.length) {
    await tx.booking.updateMany({ where: { id: { in: live.map((b) => b.id) } }, data: { status: "CONFIRMED", heldUntil: null } });
  }
  if (late.length) {
    await lockRows(tx, "Slot", [...new Set(late.map((b) => b.slotId))]);
    for (const booking of late) {
      const taken = await tx.booking.count({ where: { slotId: booking.slotId, id: { not: booking.id }, ...activeBookingWhere(now) } });
      const twin = await tx.booking.findFirst({
        where: { slotId: booking.slotId, personId: booking.personId, id: { not: booking.id }, ...activeBookingWhere(now) },
        select: { id: true },
      });
      if (!booking.slot.closed && !twin && taken < booking.slot.capacity) {
        await tx.booking.update({ where: { id: booking.id }, data: { status: "CONFIRMED", heldUntil: null } });
      } else {
        creditCents += unitPriceOf(invoice.lines, booking.personId, booking.slot.productId, dateToDay(booking.slot.date));
        if (booking.status === "HELD") await tx.booking.update({ where: { id: booking.id }, data: { status: "EXPIRED" } });
      }
    }
  }
  await tx.invoice.update({ where: { id: invoiceId }, data: { status: "PAID", paidAt: now } });
  return creditCents;
}

/** A booking's price: its line on the invoice (one line per child, prestation and month; quantity = days). */
function unitPriceOf(
  lines: { personId: string | null; productId: string | null; label: string; unitPriceCents: number }[],
  personId: string,
  productId: string,
  day: string,
): number {
  const candidates = lines.filter((l) => l.personId === personId && l.productId === productId);
  const month = monthLabel(monthOfDay(day));
  return (candidates.find((l) => l.label.endsWith(month)) ?? candidates[0])?.unitPriceCents ?? 0;
}

async function notifyResult(paymentId: string, outcome: PaymentOutcome, creditCents: number) {
  const db = await getDb();
  const payment = await db.payment.findUniqueOrThrow({ where: { id: paymentId }, include: { invoice: true } });
  if (!payment.payerEmail) return;
  await sendEmail({
    to: payment.payerEmail,
    subject: `Paiement de la facture N° ${payment.invoice.number} : ${outcome === "paid" ? "accepté" : outcome === "refused" ? "refusé" : "abandonné"}`,
    template: `payment-${outcome}`,
    element: createElement(PaymentResultEmail, {
      settings: await getSettings(),
      outcome,
      invoiceNumber: payment.invoice.number,
      amount: formatCents(payment.amountCents),
      invoicesUrl: `${env().appUrl}/factures`,
      credit: creditCents ? formatCents(creditCents) : undefined,
    }),
  });
}

/** Row locks in a stable order, so two transactions never wait on each other in a cycle. */
async function lockRows(tx: Tx, table: "Invoice" | "Payment" | "Slot", ids: string[]) {
  const sorted = [...ids].sort();
  if (!sorted.length) return;
  await tx.$queryRawUnsafe(`SELECT id FROM "${table}" WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`, sorted);
}

/**
 * The poller: PayFiP notifications get lost, so payments still pending a
 * while after they started are asked about and settled.
 */
export async function settlePendingPayments(
  now = new Date(),
  { client = payfipClient() }: { client?: PayfipClient } = {},
): Promise<number> {
  const db = await getDb();
  const pending = await db.payment.findMany({
    where: {
      method: "PAYFIP",
      status: "PENDING",
      idOp: { not: null },
      createdAt: { lte: new Date(now.getTime() - 5 * 60_000), gte: new Date(now.getTime() - 3 * 60 * 60_000) },
    },
    select: { idOp: true },
  });
  let settled = 0;
  for (const { idOp } of pending) {
    const outcome = await checkPayfipPayment(idOp!, { now, client });
    if (outcome && outcome.status !== "PENDING") settled += 1;
  }
  // Attempts that never got an idOp or are long past any window cannot complete any more.
  const stale = await db.payment.updateMany({
    where: { method: "PAYFIP", status: "PENDING", createdAt: { lt: new Date(now.getTime() - 3 * 60 * 60_000) } },
    data: { status: "EXPIRED", settledAt: now },
  });
  return settled + stale.count;
}
