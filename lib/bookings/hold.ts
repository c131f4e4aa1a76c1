import { getDb, type Db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { fullDayLabel } from "@/lib/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import { allocateInvoiceNumber, newPaymentIdentifier } from "@/lib/billing/numbers";
import { invoiceLines } from "@/lib/billing/lines";
import { activeBookingWhere, priceSelections, type Selection } from "./context";

export type HoldResult = { invoiceId: string; number: number; heldUntil: Date; totalCents: number; reused: boolean };

/**
 * Validates a parent's ticked days: re-checks every rule on the server,
 * then in one READ COMMITTED transaction locks each slot row (in id order,
 * so two families never wait on each other in a cycle), counts its active
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
        for (const slotId of slotIds) {
          // The row lock serialises every hold on this slot until commit;
          // counts read after it see all bookings committed before us.
          await tx.$queryRaw`SELECT id FROM "Slot" WHERE id = ${slotId} FOR UPDATE`;
        }
        // A double click waited on the lock behind its twin: answer with the twin's invoice.
        const twin = await findBySubmissionKey(tx, householdId, submissionKey);
        if (twin) return twin;

        for (const slotId of slotIds) {
          await tx.booking.updateMany({
            where: { slotId, status: "HELD", heldUntil: { lte: now } },
            data: { status: "EXPIRED" },
          });
          const slot = await tx.slot.findUniqueOrThrow({ where: { id: slotId } });
          const wanted = items.filter((i) => i.slotId === slotId);
          const already = await tx.booking.findFirst({
            where: { slotId, personId: { in: wanted.map((w) => w.personId) }, ...activeBookingWhere(now) },
            select: { personId: true },
          });
          if (already) {
            const child = wanted.find((w) => w.personId === already.personId)!;
            throw new AppError("CONFLICT", `${child.child.firstName} est déjà inscrit(e) le ${fullDayLabel(child.date)} (${child.product.name}).`);
          }
          const active = await tx.booking.count({ where: { slotId, ...activeBookingWhere(now) } });
          if (slot.closed || active + wanted.length > slot.capacity) {
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
        await tx.booking.createMany({
          data: items.map((i) => ({
            slotId: i.slotId,
            personId: i.personId,
            householdId,
            status: "HELD" as const,
            heldUntil,
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
