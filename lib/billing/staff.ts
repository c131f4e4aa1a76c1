import { type Actor, recordAudit } from "@/lib/audit";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { type InvoiceStatus, type PaymentMethod, type PaymentStatus, Prisma } from "@/lib/generated/prisma/client";
import { checkPayfipPayment, confirmInvoicePaid } from "@/lib/payments";

const RC = { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted, timeout: 20_000, maxWait: 20_000 };

function assertStaff(actor: Actor) {
  if (actor.role !== "STAFF" && actor.role !== "ADMIN") throw new AppError("FORBIDDEN", "Action réservée au personnel.");
}

export const COUNTER_METHODS = ["CASH", "CHEQUE", "CESU", "CARD"] as const satisfies readonly PaymentMethod[];

export const METHOD_LABELS: Record<PaymentMethod, string> = {
  PAYFIP: "PayFiP (en ligne)",
  CASH: "Espèces",
  CHEQUE: "Chèque",
  CESU: "CESU",
  CARD: "Carte bancaire (guichet)",
};

export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, string> = {
  PENDING: "En cours",
  PAID: "Payé",
  REFUSED: "Refusé",
  ABANDONED: "Abandonné",
  EXPIRED: "Expiré",
  REJECTED: "Rejeté (incohérent)",
};

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
  const where: Prisma.InvoiceWhereInput = {
    ...(status ? { status } : {}),
    ...(year ? { issuedAt: { gte: new Date(Date.UTC(year - 1, 11, 31, 23)), lt: new Date(Date.UTC(year, 11, 31, 23)) } } : {}),
    ...(household?.trim()
      ? {
          household: {
            OR: [
              { name: { contains: household.trim(), mode: "insensitive" as const } },
              ...(/^\d+$/.test(household.trim()) ? [{ reference: Number(household.trim()) }] : []),
            ],
          },
        }
      : {}),
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
  assertStaff(actor);
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const changed = await tx.invoice.updateMany({
      where: { id: invoiceId, status: { in: ["PENDING_PAYMENT", "UNPAID"] } },
      data: { status: "CANCELLED", cancelledAt: now, cancelReason: reason },
    });
    if (changed.count !== 1) throw new AppError("CONFLICT", "Seule une facture non réglée peut être annulée.");
    await tx.booking.updateMany({ where: { invoiceId, status: "HELD" }, data: { status: "CANCELLED" } });
    const invoice = await tx.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "invoice.cancel",
      targetType: "Invoice",
      targetId: invoiceId,
      details: { label: `Facture N° ${invoice.number}`, reason },
    });
  }, RC);
}

/**
 * A payment made at the counter: the invoice is paid in full, its bookings
 * confirmed (re-taking places if the hold ran out), and a receipt number is
 * taken from its own gapless counter.
 */
export async function recordCounterPayment({
  actor,
  invoiceId,
  method,
  now = new Date(),
}: {
  actor: Actor;
  invoiceId: string;
  method: (typeof COUNTER_METHODS)[number];
  now?: Date;
}): Promise<{ receiptNumber: number }> {
  assertStaff(actor);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Invoice" WHERE id = ${invoiceId} FOR UPDATE`;
    const invoice = await tx.invoice.findUnique({ where: { id: invoiceId } });
    if (!invoice) throw new AppError("NOT_FOUND", "Facture introuvable.");
    if (invoice.status === "PAID") throw new AppError("CONFLICT", "Cette facture est déjà réglée.");
    if (invoice.status === "CANCELLED") throw new AppError("CONFLICT", "Cette facture est annulée.");
    const [{ number }] = await tx.$queryRaw<{ number: number }[]>`
      INSERT INTO "ReceiptCounter" (id, next) VALUES (1, 2)
      ON CONFLICT (id) DO UPDATE SET next = "ReceiptCounter".next + 1
      RETURNING next - 1 AS number`;
    const creditCents = await confirmInvoicePaid(tx, invoiceId, now);
    await tx.payment.create({
      data: {
        invoiceId,
        householdId: invoice.householdId,
        method,
        status: "PAID",
        amountCents: invoice.totalCents,
        receiptNumber: Number(number),
        recordedById: actor.id,
        settledAt: now,
        createdAt: now,
        creditCents,
        flagged: creditCents > 0,
        flagReason: creditCents > 0 ? "Réglé au guichet après l'expiration de la réservation : des journées n'étaient plus libres." : null,
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "payment.counter",
      targetType: "Invoice",
      targetId: invoiceId,
      details: { label: `Facture N° ${invoice.number}`, method, receipt: Number(number) },
    });
    return { receiptNumber: Number(number) };
  }, RC);
}

export async function listPaymentsForStaff({ status, flagged }: { status?: PaymentStatus; flagged?: boolean }) {
  const db = await getDb();
  return db.payment.findMany({
    where: { ...(status ? { status } : {}), ...(flagged ? { flagged: true } : {}) },
    orderBy: { createdAt: "desc" },
    take: 200,
    include: { invoice: { select: { number: true } }, household: { select: { name: true, reference: true } } },
  });
}

/** "Vérifier auprès de PayFiP": asks PayFiP now instead of waiting for the poller. */
export async function recheckPayment({ actor, paymentId }: { actor: Actor; paymentId: string }) {
  assertStaff(actor);
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
    db.payment.count({ where: { flagged: true } }),
    db.payment.count({ where: { status: "PENDING", createdAt: { lt: new Date(now.getTime() - 20 * 60_000) } } }),
  ]);
  return { pending, failed, flagged, late };
}
