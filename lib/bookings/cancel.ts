import "server-only";
import { cancelInvoiceInTx, expireInvoiceInTx } from "@/lib/billing/lifecycle";
import { RC } from "@/lib/billing/credit";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { offerFreedPlacesAfterCommit } from "@/lib/waitlist";

const CANCELLED_REASON = "Annulée par la famille";

/**
 * "Annuler ces réservations et supprimer ces factures": the held places are
 * freed at once, the invoice is cancelled through billing and keeps its
 * number. Scoped by household: another family's invoice is "introuvable".
 */
export async function cancelPendingBookings({
  actor,
  householdId,
  invoiceId,
  now = new Date(),
}: {
  actor: { id: string };
  householdId: string;
  invoiceId: string;
  now?: Date;
}): Promise<void> {
  const db = await getDb();
  const freed = await db.$transaction(async (tx) => {
    const invoice = await tx.invoice.findFirst({ where: { id: invoiceId, householdId }, select: { status: true, bookings: { select: { slotId: true } } } });
    if (!invoice) throw new AppError("NOT_FOUND", "Réservation introuvable.");
    if (invoice.status === "CANCELLED" || invoice.status === "EXPIRED") return [];
    if (invoice.status !== "PENDING_PAYMENT") {
      throw new AppError("CONFLICT", "Cette réservation est déjà réglée : elle ne peut plus être annulée ici.");
    }
    await cancelInvoiceInTx(tx, { invoiceId, householdId, reason: CANCELLED_REASON, actorId: actor.id, now });
    return invoice.bookings.map((b) => b.slotId);
  }, RC);
  // After commit: the places freed go to the waiting lists first.
  await offerFreedPlacesAfterCommit(freed, now);
}

/**
 * Tidies pending invoices whose hold has run out: billing marks them
 * EXPIRED (number kept, amount off the account, bookings EXPIRED).
 * Correctness never depends on it — expired holds already stop counting —
 * so it runs lazily when a family's invoices are read, and from the
 * periodic job.
 */
export async function expireStaleHolds(now: Date = new Date(), scope: { householdId?: string } = {}): Promise<number> {
  const db = await getDb();
  const stale = await db.invoice.findMany({
    where: {
      status: "PENDING_PAYMENT",
      ...(scope.householdId ? { householdId: scope.householdId } : {}),
      bookings: { some: {}, none: { status: "HELD", heldUntil: { gt: now } } },
    },
    select: { id: true, bookings: { select: { slotId: true } } },
  });
  let count = 0;
  const freed: string[] = [];
  for (const { id, bookings } of stale) {
    if (await db.$transaction((tx) => expireInvoiceInTx(tx, id, now), RC)) {
      count += 1;
      freed.push(...bookings.map((b) => b.slotId));
    }
  }
  // An unpaid hold or attribution that ran out frees its places for the waiting lists.
  await offerFreedPlacesAfterCommit(freed, now);
  return count;
}
