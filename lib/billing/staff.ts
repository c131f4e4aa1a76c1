import "server-only";
import { householdSearchWhere } from "@/lib/households";
import { assertActor } from "@/lib/auth/roles";
import { type Actor, recordAudit } from "@/lib/audit";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { InvoiceStatus, PaymentMethod, PaymentStatus, Prisma } from "@/lib/generated/prisma/client";
import { formatDateTime, formatCents } from "@/lib/format";
import { deliverQueuedEmails } from "@/lib/mail";
import { checkPayfipPayment } from "@/lib/payments";
import { getSettings } from "@/lib/settings";
import { openOnlineAttempt, RC } from "./credit";
import { accountSummary, invoiceOutstanding, listLedger } from "./ledger";
import { cancelInvoiceInTx } from "./lifecycle";
import { lockRows } from "@/lib/db/locks";
import { allocateReceiptNumber } from "./numbers";
import { settlePaymentInTx } from "./settle";
import { invoiceRefusal } from "./state";

export const COUNTER_METHODS = ["CASH", "CHEQUE", "CESU", "CARD"] as const satisfies readonly PaymentMethod[];

export type StaffInvoiceRowDto = {
  id: string;
  number: number;
  issuedAt: Date;
  householdId: string;
  householdName: string;
  totalCents: number;
  status: InvoiceStatus;
};

export async function listInvoicesForStaff({
  status,
  year,
  household,
  page = 1,
}: {
  status?: InvoiceStatus;
  year?: number;
  household?: string;
  page?: number;
}): Promise<{ rows: StaffInvoiceRowDto[]; total: number; pageSize: number }> {
  const db = await getDb();
  const pageSize = 50;
  const householdWhere = household ? householdSearchWhere(household) : null;
  const where: Prisma.InvoiceWhereInput = {
    ...(status ? { status } : {}),
    ...(year ? { issuedAt: { gte: new Date(Date.UTC(year - 1, 11, 31, 23)), lt: new Date(Date.UTC(year, 11, 31, 23)) } } : {}),
    // The staff's one household search: name, members, reference; accents and case ignored.
    ...(householdWhere ? { household: householdWhere } : {}),
  };
  const [rows, total] = await Promise.all([
    db.invoice.findMany({
      where,
      orderBy: { number: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      include: { household: { select: { name: true, reference: true } } },
    }),
    db.invoice.count({ where }),
  ]);
  return {
    rows: rows.map((i) => ({
      id: i.id,
      number: i.number,
      issuedAt: i.issuedAt,
      householdId: i.householdId,
      householdName: `${i.household.name} (n° ${i.household.reference})`,
      totalCents: i.totalCents,
      status: i.status,
    })),
    total,
    pageSize,
  };
}

export async function getInvoiceForStaff(invoiceId: string) {
  const db = await getDb();
  const invoice = await db.invoice.findUnique({
    where: { id: invoiceId },
    include: {
      household: { select: { id: true, name: true, reference: true } },
      lines: { orderBy: { sortOrder: "asc" } },
      payments: { orderBy: { createdAt: "asc" } },
      bookings: { include: { slot: { include: { product: { select: { name: true } } } }, person: { select: { firstName: true } } } },
    },
  });
  if (!invoice) throw new AppError("NOT_FOUND", "Facture introuvable.");
  return invoice;
}

/** Cancels an unpaid invoice with a reason; its number stays (numbers are never reused). Held places are freed. */
export async function cancelInvoice({ actor, invoiceId, reason, now = new Date() }: { actor: Actor; invoiceId: string; reason: string; now?: Date }) {
  assertActor(actor, "staff");
  const db = await getDb();
  await db.$transaction((tx) => cancelInvoiceInTx(tx, { invoiceId, reason, actorId: actor.id, now }), RC);
}

/**
 * A payment made at the counter for what is due on the invoice, with a
 * receipt number from its own gapless series. While an online attempt is
 * still open on the invoice, staff must first check it (the family may be
 * paying right now): `onlineChecked` says they did. Money that still
 * arrives online afterwards becomes a flagged credit, never a silent
 * second payment.
 */
export async function recordCounterPayment({
  actor,
  invoiceId,
  method,
  onlineChecked = false,
  now = new Date(),
}: {
  actor: Actor;
  invoiceId: string;
  method: (typeof COUNTER_METHODS)[number];
  onlineChecked?: boolean;
  now?: Date;
}): Promise<{ receiptNumber: number; creditCents: number }> {
  assertActor(actor, "staff");
  const db = await getDb();
  const settings = await getSettings();
  const result = await db.$transaction(async (tx) => {
    await lockRows(tx, "Invoice", [invoiceId]);
    const invoice = await tx.invoice.findUnique({ where: { id: invoiceId } });
    if (!invoice) throw new AppError("NOT_FOUND", "Facture introuvable.");
    if (invoice.status === "PAID" || invoice.status === "CANCELLED") throw new AppError("CONFLICT", invoiceRefusal(invoice.status));
    const open = await openOnlineAttempt(tx, invoiceId);
    if (open && !onlineChecked) {
      throw new AppError(
        "CONFLICT",
        `Un paiement en ligne de ${formatCents(open.amountCents)} est en cours pour cette facture (commencé à ${formatDateTime(open.createdAt)}). Vérifiez-le auprès de PayFiP avant d'encaisser au guichet.`,
        { onlineChecked: "Vérifiez le paiement en ligne, puis cochez cette case pour encaisser quand même." },
      );
    }
    const amountCents = invoice.status === "EXPIRED" ? invoice.totalCents : await invoiceOutstanding(tx, invoiceId);
    if (amountCents <= 0) throw new AppError("CONFLICT", "Rien n'est dû sur cette facture.");
    const receiptNumber = await allocateReceiptNumber(tx);
    const payment = await tx.payment.create({
      data: {
        invoiceId,
        householdId: invoice.householdId,
        method,
        status: "PENDING",
        amountCents,
        receiptNumber,
        recordedById: actor.id,
        createdAt: now,
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "payment.counter",
      targetType: "Invoice",
      targetId: invoiceId,
      details: { label: `Facture N° ${invoice.number}`, method, receipt: receiptNumber },
    });
    const settled = await settlePaymentInTx(tx, { paymentId: payment.id, receivedCents: amountCents, actorId: actor.id, now, settings });
    return { receiptNumber, creditCents: settled.creditCents, emailIds: settled.emailIds };
  }, RC);
  await deliverQueuedEmails({ ids: result.emailIds });
  return { receiptNumber: result.receiptNumber, creditCents: result.creditCents };
}

export async function listPaymentsForStaff({ status, flagged }: { status?: PaymentStatus; flagged?: boolean }) {
  const db = await getDb();
  const rows = await db.payment.findMany({
    where: { ...(status ? { status } : {}), ...(flagged ? { flagged: true, resolvedAt: null } : {}) },
    orderBy: { createdAt: "desc" },
    take: 200,
    include: { invoice: { select: { number: true } }, household: { select: { name: true, reference: true } } },
  });
  // PayFiP's "A" on an attempt still PENDING: the payer left, but may come back within PayFiP's window.
  return rows.map((p) => ({ ...p, abandonedByPayer: p.status === "PENDING" && p.resultrans === "A" }));
}

/** "Vérifier auprès de PayFiP": asks PayFiP now instead of waiting for the poller. */
export async function recheckPayment({ actor, paymentId }: { actor: Actor; paymentId: string }) {
  assertActor(actor, "staff");
  const db = await getDb();
  const payment = await db.payment.findUnique({ where: { id: paymentId } });
  if (!payment?.idOp) throw new AppError("NOT_FOUND", "Paiement PayFiP introuvable.");
  const outcome = await checkPayfipPayment(payment.idOp);
  await db.$transaction((tx) =>
    recordAudit(tx, {
      actorId: actor.id,
      action: "payment.check",
      targetType: "Payment",
      targetId: paymentId,
      details: { label: payment.refdet ?? paymentId, status: outcome?.status ?? "inconnu" },
    }),
  );
  return outcome;
}

/** The dashboard's payment figures: what is running, what failed lately, what needs someone. */
export async function paymentDashboard(now = new Date()) {
  const db = await getDb();
  const dayAgo = new Date(now.getTime() - 24 * 60 * 60_000);
  const [pending, failed, flagged, late] = await Promise.all([
    db.payment.count({ where: { status: "PENDING" } }),
    db.payment.count({ where: { status: { in: ["REFUSED", "ABANDONED", "EXPIRED", "REJECTED"] }, settledAt: { gte: dayAgo } } }),
    db.payment.count({ where: { flagged: true, resolvedAt: null } }),
    db.payment.count({ where: { status: "PENDING", createdAt: { lt: new Date(now.getTime() - 20 * 60_000) } } }),
  ]);
  return { pending, failed, flagged, late };
}

export type MoneyQueueItemDto = {
  paymentId: string;
  createdAt: Date;
  settledAt: Date | null;
  householdId: string;
  householdName: string;
  invoiceId: string;
  invoiceNumber: number;
  method: PaymentMethod;
  amountCents: number;
  creditCents: number;
  reason: string;
  /** The household's credit now (it may have been used since) */
  householdCreditCents: number;
  /** The household's invoices the credit could pay */
  openInvoices: { id: string; number: number; dueCents: number }[];
};

/**
 * "À traiter": money a person must look at (a second payment, a payment on
 * a cancelled invoice, a late one that lost days, an amount that differs,
 * an inconsistent PayFiP detail), oldest first, until someone decides.
 */
export async function listMoneyQueue(): Promise<MoneyQueueItemDto[]> {
  const db = await getDb();
  const flagged = await db.payment.findMany({
    where: { flagged: true, resolvedAt: null },
    orderBy: { createdAt: "asc" },
    take: 200,
    include: { invoice: { select: { number: true } }, household: { select: { name: true, reference: true } } },
  });
  const householdIds = [...new Set(flagged.map((p) => p.householdId))];
  const summaries = new Map<string, { credit: number; open: MoneyQueueItemDto["openInvoices"] }>();
  for (const householdId of householdIds) {
    const { creditCents } = await accountSummary(db, householdId);
    const open = await db.invoice.findMany({
      where: { householdId, status: { in: ["PENDING_PAYMENT", "UNPAID"] } },
      select: { id: true, number: true },
      orderBy: { number: "asc" },
    });
    const withDue = [];
    for (const i of open) withDue.push({ ...i, dueCents: await invoiceOutstanding(db, i.id) });
    summaries.set(householdId, { credit: creditCents, open: withDue.filter((i) => i.dueCents > 0) });
  }
  return flagged.map((p) => ({
    paymentId: p.id,
    createdAt: p.createdAt,
    settledAt: p.settledAt,
    householdId: p.householdId,
    householdName: `${p.household.name} (n° ${p.household.reference})`,
    invoiceId: p.invoiceId,
    invoiceNumber: p.invoice.number,
    method: p.method,
    amountCents: p.amountCents,
    creditCents: p.creditCents,
    reason: p.flagReason ?? "À vérifier",
    householdCreditCents: summaries.get(p.householdId)!.credit,
    openInvoices: summaries.get(p.householdId)!.open,
  }));
}

/** A family's account for staff: summary, statement, credit notes and refunds. */
export async function getHouseholdAccountForStaff(householdId: string) {
  const db = await getDb();
  const [summary, entries, creditNotes, refunds] = await Promise.all([
    accountSummary(db, householdId),
    listLedger(db, householdId),
    db.creditNote.findMany({ where: { householdId }, orderBy: { number: "desc" }, include: { invoice: { select: { number: true } } } }),
    db.refund.findMany({ where: { householdId }, orderBy: { createdAt: "desc" } }),
  ]);
  const staffIds = [...new Set(refunds.map((r) => r.recordedById))];
  const staff = new Map(
    (await db.user.findMany({ where: { id: { in: staffIds } }, select: { id: true, firstName: true, lastName: true } })).map((u) => [u.id, `${u.firstName} ${u.lastName}`]),
  );
  return {
    summary,
    entries,
    creditNotes: creditNotes.map((c) => ({ id: c.id, number: c.number, issuedAt: c.issuedAt, amountCents: c.amountCents, reason: c.reason, invoiceNumber: c.invoice?.number ?? null })),
    refunds: refunds.map((r) => ({ id: r.id, createdAt: r.createdAt, amountCents: r.amountCents, reference: r.reference, recordedBy: staff.get(r.recordedById) ?? "—" })),
  };
}
