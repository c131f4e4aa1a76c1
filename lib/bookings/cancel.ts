import { getDb, type Db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

const EXPIRED_REASON = "Délai de paiement dépassé";
const CANCELLED_REASON = "Annulée par la famille";

/**
 * "Annuler ces réservations et supprimer ces factures": the held places are
 * freed at once, the invoice is cancelled and keeps its number (numbers are
 * never reused or deleted). Scoped by household: another family's invoice is
 * "introuvable".
 */
export async function cancelPendingBookings({
  householdId,
  invoiceId,
  now = new Date(),
}: {
  /** Who asked; kept in the signature for the audit journal the invoices issue adds. */
  actor: { id: string };
  householdId: string;
  invoiceId: string;
  now?: Date;
}): Promise<void> {
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const invoice = await tx.invoice.findFirst({ where: { id: invoiceId, householdId }, select: { id: true, status: true } });
    if (!invoice) throw new AppError("NOT_FOUND", "Réservation introuvable.");
    if (invoice.status === "CANCELLED") return;
    // Conditional on the status so a payment confirmed meanwhile is never undone.
    const changed = await tx.invoice.updateMany({
      where: { id: invoiceId, householdId, status: "PENDING_PAYMENT" },
      data: { status: "CANCELLED", cancelledAt: now, cancelReason: CANCELLED_REASON },
    });
    if (changed.count === 0) throw new AppError("CONFLICT", "Cette réservation est déjà réglée : elle ne peut plus être annulée ici.");
    await tx.booking.updateMany({ where: { invoiceId, status: "HELD" }, data: { status: "CANCELLED" } });
  });
}

/**
 * Tidies pending invoices whose hold has run out: bookings become EXPIRED and
 * the invoice CANCELLED (keeping its number). Correctness never depends on
 * it — expired holds already stop counting — so it runs lazily when a
 * family's invoices are read, and from the periodic job.
 */
export async function expireStaleHolds(now: Date = new Date(), scope: { householdId?: string; db?: Db | Tx } = {}): Promise<number> {
  const db = scope.db ?? (await getDb());
  const stale = await db.invoice.findMany({
    where: {
      status: "PENDING_PAYMENT",
      ...(scope.householdId ? { householdId: scope.householdId } : {}),
      bookings: { some: {}, none: { status: "HELD", heldUntil: { gt: now } } },
    },
    select: { id: true },
  });
  let count = 0;
  for (const { id } of stale) {
    const changed = await db.invoice.updateMany({
      where: { id, status: "PENDING_PAYMENT", bookings: { none: { status: "HELD", heldUntil: { gt: now } } } },
      data: { status: "CANCELLED", cancelledAt: now, cancelReason: EXPIRED_REASON },
    });
    if (changed.count === 0) continue;
    await db.booking.updateMany({ where: { invoiceId: id, status: "HELD" }, data: { status: "EXPIRED" } });
    count += 1;
  }
  return count;
}
