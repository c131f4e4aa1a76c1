import "server-only";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import { lockRows } from "@/lib/db/locks";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { fullDayLabel } from "@/lib/format";
import { Prisma } from "@/lib/generated/prisma/client";
import { allocateInvoiceNumber, newPaymentIdentifier } from "@/lib/billing/numbers";
import { invoiceLines } from "@/lib/billing/lines";
import { invoiceIssueEntry } from "@/lib/billing/lifecycle";
import { activeBookingWhere, priceSelections, type Selection } from "./context";

export type HoldResult = { invoiceId: string; number: number; heldUntil: Date; totalCents: number; reused: boolean };

/**
 * Validates a parent's ticked days: re-checks every rule on the server,
 * then in one READ COMMITTED transaction locks the slot rows (one statement,
 * in id order, so two families never wait on each other in a cycle), counts their active
 * bookings, holds the places and creates the pending invoice with its lines
 * and gapless number. The same `submissionKey` twice (double click,
 * resubmitted form) returns the first invoice instead of holding again.
 */
export async function holdBookings({
  actor,
  householdId,
  selections,
  submissionKey,
  now = new Date(),
  db: given,
}: {
  actor: { id: string };
  householdId: string;
  selections: Selection[];
  submissionKey: string;
  now?: Date;
  /** Tests and the benchmark pass their own client (one connection pool each). */
  db?: Db;
}): Promise<HoldResult> {
  const db = given ?? (await getDb());
  if (!/^[A-Za-z0-9_-]{16,100}$/.test(submissionKey)) throw new AppError("INVALID", "Formulaire expiré : rechargez la page.");

  const previous = await findBySubmissionKey(db, householdId, submissionKey);
  if (previous) return previous;

  const heldUntil = new Date(now.getTime() + env().holdMinutes * 60_000);
  try {
    return await db.$transaction(
      async (tx) => {
        const { household, items } = await priceSelections(tx, { householdId, selections, now });
        const slotIds = [...new Set(items.map((i) => i.slotId))].sort();
        // The row locks serialise every hold on these slots until commit;
        // counts read after them see all bookings committed before us.
        await lockRows(tx, "Slot", slotIds);
        // A double click waited on the lock behind its twin: answer with the twin's invoice.
        const twin = await findBySubmissionKey(tx, householdId, submissionKey);
        if (twin) return twin;

        // All slots are locked: one query each for the tidy-up, the capacities,
        // the counts and the twins, rather than four per day under the locks.
        await tx.booking.updateMany({
          where: { slotId: { in: slotIds }, status: "HELD", heldUntil: { lte: now } },
          data: { status: "EXPIRED" },
        });
        const slots = new Map((await tx.slot.findMany({ where: { id: { in: slotIds } } })).map((s) => [s.id, s]));
        const active = await tx.booking.groupBy({
          by: ["slotId"],
          where: { slotId: { in: slotIds }, ...activeBookingWhere(now) },
          _count: { _all: true },
        });
        const taken = new Map(active.map((a) => [a.slotId, a._count._all]));
        const already = await tx.booking.findMany({
          where: { slotId: { in: slotIds }, personId: { in: [...new Set(items.map((i) => i.personId))] }, ...activeBookingWhere(now) },
          select: { personId: true, slotId: true },
        });
        const twinItem = items.find((i) => already.some((b) => b.personId === i.personId && b.slotId === i.slotId));
        if (twinItem) {
          throw new AppError("CONFLICT", `${twinItem.child.firstName} est déjà inscrit(e) le ${fullDayLabel(twinItem.date)} (${twinItem.product.name}).`);
        }
        for (const slotId of slotIds) {
          const slot = slots.get(slotId)!;
          const wanted = items.filter((i) => i.slotId === slotId);
          if (slot.closed || (taken.get(slotId) ?? 0) + wanted.length > slot.capacity) {
            throw new AppError("CONFLICT", `Complet : plus de place le ${fullDayLabel(wanted[0].date)} (${wanted[0].product.name}).`);
          }
        }

        const lines = invoiceLines(items);
        const totalCents = lines.reduce((sum, l) => sum + l.totalCents, 0);
        // Last, so the counter row stays locked for as short a time as possible.
        const number = await allocateInvoiceNumber(tx);
        const invoice = await tx.invoice.create({
          data: {
            number,
            householdId,
            status: "PENDING_PAYMENT",
            totalCents,
            paymentIdentifier: newPaymentIdentifier(),
            qf: household.qf,
            regime: household.regime,
            submissionKey,
            createdById: actor.id,
            issuedAt: now,
            lines: { create: lines },
          },
        });
        await tx.ledgerEntry.create({ data: invoiceIssueEntry(invoice, actor.id) });
        await tx.booking.createMany({
          data: items.map((i) => ({
            slotId: i.slotId,
            personId: i.personId,
            householdId,
            status: "HELD" as const,
            heldUntil,
            // The price is kept on the booking: credits and refunds never re-derive it.
            unitPriceCents: i.unitPriceCents,
            tariffId: i.tariffId,
            invoiceId: invoice.id,
            createdById: actor.id,
          })),
        });
        return { invoiceId: invoice.id, number, heldUntil, totalCents, reused: false };
      },
      { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted, timeout: 20_000, maxWait: 20_000 },
    );
  } catch (error) {
    // Two submissions with one key that touched no common slot: the loser of the unique index answers with the winner.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await findBySubmissionKey(db, householdId, submissionKey);
      if (winner) return winner;
    }
    throw error;
  }
}

async function findBySubmissionKey(db: Db | Tx, householdId: string, submissionKey: string): Promise<HoldResult | undefined> {
  const invoice = await db.invoice.findUnique({
    where: { submissionKey },
    include: { bookings: { select: { heldUntil: true }, take: 1 } },
  });
  if (!invoice) return undefined;
  // Another household's key (a forged form): say nothing about it.
  if (invoice.householdId !== householdId) throw new AppError("NOT_FOUND", "Réservation introuvable.");
  return {
    invoiceId: invoice.id,
    number: invoice.number,
    heldUntil: invoice.bookings[0]?.heldUntil ?? invoice.issuedAt,
    totalCents: invoice.totalCents,
    reused: true,
  };
}
