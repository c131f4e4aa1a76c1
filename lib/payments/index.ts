import "server-only";
import { attachOperation, failOnlineCreation, openOnlinePayment, PAYFIP_WINDOW_MS, recordOnlineResult, type OnlineResult, type OnlineScope } from "@/lib/billing/online";
import { parisDay } from "@/lib/dates";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { PaymentStatus, Prisma } from "@/lib/generated/prisma/client";
import { getSettings } from "@/lib/settings";
import { PayfipError, type PayfipClient } from "./payfip/client";
import { payfipClient } from "./payfip/config";
import { formatMontant, isPaid, isRefused, makeRefdet, normaliseObjet, type PaymentDetail } from "./payfip/protocol";

/**
 * The PayFiP adapter: it speaks the protocol (register an attempt, ask for
 * its detail, check that the detail is ours) and hands every decision about
 * money to billing, which owns the state of invoices and payments.
 */
export { PAYFIP_WINDOW_MS };

/**
 * Sends the payer to PayFiP for what is due on an invoice. Billing opens
 * (or reuses) the attempt and extends the hold; this registers it at PayFiP.
 */
export async function startPayfipPayment({
  invoiceId,
  scope,
  email,
  now = new Date(),
  client = payfipClient(),
}: {
  invoiceId: string;
  scope: OnlineScope;
  email: string;
  now?: Date;
  client?: PayfipClient;
}): Promise<{ paymentId: string; redirectUrl: string }> {
  let opened = await openOnlinePayment({ invoiceId, scope, email, now });
  // A second tab or a double click while the first registers its attempt: wait for it and share its page.
  for (let i = 0; i < 25 && opened.kind === "creating"; i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    opened = await openOnlinePayment({ invoiceId, scope, email, now });
  }
  if (opened.kind === "creating") {
    throw new AppError("CONFLICT", "Un paiement est déjà en cours de création pour cette facture : patientez quelques secondes puis réessayez.");
  }
  if (opened.kind === "reuse") return { paymentId: opened.paymentId, redirectUrl: paymentPage(opened.idOp) };

  const settings = await getSettings();
  const refdet = makeRefdet(opened.invoiceNumber, opened.refdetAttempt);
  let idOp: string;
  try {
    ({ idOp } = await client.creerPaiementSecurise({
      numcli: env().payfip.numcli,
      // The exercice is the régie's year: 1 January 00:30 in Paris is still 31 December in UTC.
      exer: parisDay(now).slice(0, 4),
      refdet,
      objet: normaliseObjet(`Facture ${opened.invoiceNumber} ${settings.name}`),
      montant: formatMontant(opened.amountCents),
      mel: email,
      urlnotif: `${env().appUrl}/api/payfip/notification`,
      urlredirect: `${env().appUrl}/paiement/retour`,
      saisie: env().payfip.saisie,
    }));
  } catch (error) {
    const reason = error instanceof PayfipError ? `${error.kind}: ${error.message}` : String(error);
    await failOnlineCreation({ paymentId: opened.paymentId, reason, now });
    throw new AppError(
      "INVALID",
      "Le paiement en ligne est momentanément indisponible. Réessayez dans quelques minutes ou réglez au guichet du service.",
    );
  }
  await attachOperation({ paymentId: opened.paymentId, idOp, refdet, now });
  return { paymentId: opened.paymentId, redirectUrl: paymentPage(idOp) };
}

function paymentPage(idOp: string): string {
  const url = new URL(env().payfip.paymentPageUrl);
  url.searchParams.set("idop", idOp);
  return url.toString();
}

export type CheckOutcome = { status: PaymentStatus; waiting: boolean; abandoned: boolean } | null;

const FINAL_STATUSES: PaymentStatus[] = ["PAID", "REFUSED", "REJECTED"];

/**
 * The only trust step PayFiP offers: ask it for the payment's detail and
 * match numcli and refdet before believing anything. Used by the
 * notification, the payer's return, staff's "Vérifier" and the poller,
 * which may race: billing records the result under a row lock. An attempt
 * marked abandoned or expired is still asked about, so a result that comes
 * late is applied. `minIntervalMs` spares PayFiP when a page asks often.
 */
export async function checkPayfipPayment(
  idOp: string,
  { now = new Date(), client = payfipClient(), minIntervalMs = 0 }: { now?: Date; client?: PayfipClient; minIntervalMs?: number } = {},
): Promise<CheckOutcome> {
  const db = await getDb();
  const payment = await db.payment.findUnique({ where: { idOp } });
  if (!payment) return null;
  const current = (status: PaymentStatus, abandoned = status === "ABANDONED") => ({ status, waiting: status === "PENDING", abandoned });
  if (FINAL_STATUSES.includes(payment.status)) return current(payment.status);
  if (minIntervalMs && payment.lastCheckedAt && now.getTime() - payment.lastCheckedAt.getTime() < minIntervalMs) {
    return current(payment.status, payment.status === "ABANDONED" || payment.resultrans === "A");
  }

  const age = now.getTime() - payment.createdAt.getTime();
  let result: OnlineResult;
  try {
    result = interpret(await client.recupererDetailPaiementSecurise(idOp), payment, age);
  } catch (error) {
    if (error instanceof PayfipError && error.kind === "functional" && error.code === "P5") {
      // No result yet; past the window the payer never paid.
      result = age >= PAYFIP_WINDOW_MS ? { kind: "expired", data: {} } : { kind: "waiting", data: {} };
    } else if (error instanceof PayfipError && error.kind === "functional" && error.code === "P1") {
      // Purged: the payer never reached payment.
      result = { kind: "expired", data: {} };
    } else {
      // PayFiP unreachable or failing: nothing is decided, the poller asks again.
      result = { kind: "waiting", data: {} };
    }
  }
  const recorded = await recordOnlineResult({ paymentId: payment.id, result, now });
  const abandonedWaiting = result.kind === "waiting" && result.data.resultrans === "A";
  return current(recorded.status, recorded.status === "ABANDONED" || abandonedWaiting);
}

function interpret(detail: PaymentDetail, payment: { refdet: string | null; amountCents: number }, age: number): OnlineResult {
  const data: Prisma.PaymentUpdateManyMutationInput = {
    detail: detail as unknown as Prisma.InputJsonValue,
    resultrans: detail.resultrans,
  };
  const foreign = [
    detail.numcli !== env().payfip.numcli && `numcli ${detail.numcli}`,
    detail.refdet !== payment.refdet && `refdet ${detail.refdet}`,
  ].filter(Boolean);
  if (foreign.length) return { kind: "rejected", reason: `Détail PayFiP incohérent : ${foreign.join(", ")}`, data };
  if (isPaid(detail.resultrans)) {
    const received = /^\d+$/.test(detail.montant) ? Number(detail.montant) : NaN;
    if (!Number.isInteger(received)) return { kind: "rejected", reason: `Montant PayFiP illisible : ${detail.montant}`, data };
    // A different amount is still money received: billing keeps it as credit and flags it.
    return { kind: "paid", receivedCents: received, data: { ...data, numauto: detail.numauto || null } };
  }
  if (isRefused(detail.resultrans)) return { kind: "refused", data };
  if (detail.resultrans === "A") {
    // Within PayFiP's window the payer may still come back and pay.
    return age < PAYFIP_WINDOW_MS ? { kind: "waiting", data } : { kind: "abandoned", data };
  }
  return { kind: "rejected", reason: `Résultat PayFiP inconnu : ${detail.resultrans}`, data };
}

/**
 * The poller: notifications get lost, so attempts still running are asked
 * about, whatever their age, and nothing is given up without asking PayFiP.
 * Attempts already marked abandoned or expired are asked again (at most
 * hourly, for a day) in case a result came after all. Returns how many
 * changed state.
 */
export async function settlePendingPayments(
  now = new Date(),
  { client = payfipClient() }: { client?: PayfipClient } = {},
): Promise<number> {
  const db = await getDb();
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
  const due = await db.payment.findMany({
    where: {
      method: "PAYFIP",
      idOp: { not: null },
      OR: [
        { status: "PENDING", createdAt: { lte: minutesAgo(5) } },
        {
          status: { in: ["ABANDONED", "EXPIRED"] },
          createdAt: { gte: minutesAgo(24 * 60) },
          OR: [{ lastCheckedAt: null }, { lastCheckedAt: { lte: minutesAgo(60) } }],
        },
      ],
    },
    select: { idOp: true, status: true },
    orderBy: { createdAt: "asc" },
    take: 500,
  });
  let changed = 0;
  for (const { idOp, status } of due) {
    const outcome = await checkPayfipPayment(idOp!, { now, client });
    if (outcome && outcome.status !== status) changed += 1;
  }
  // An attempt whose idOp never came back was never shown to a payer: no money can come of it.
  const orphans = await db.payment.findMany({
    where: { method: "PAYFIP", status: "PENDING", idOp: null, createdAt: { lt: minutesAgo(60) } },
    select: { id: true },
  });
  for (const { id } of orphans) {
    await failOnlineCreation({ paymentId: id, reason: "aucun idOp reçu de PayFiP", now });
    changed += 1;
  }
  return changed;
}
