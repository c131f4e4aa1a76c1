import "server-only";
import { recordAudit } from "@/lib/audit";
import { openOnlineAttempt, RC } from "@/lib/billing/credit";
import { issueCreditNoteInTx, splitProRata, type CreditNoteLineInput } from "@/lib/billing/credit-notes";
import { invoiceOutstanding, postEntries, type LedgerPost } from "@/lib/billing/ledger";
import { cancelInvoiceInTx } from "@/lib/billing/lifecycle";
import { invoiceLines, type LineItem } from "@/lib/billing/lines";
import { getDb, type Tx } from "@/lib/db/client";
import { lockRows } from "@/lib/db/locks";
import { dateToDay, isPastDeadline, type Day } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { fullDayLabel } from "@/lib/format";
import { offerFreedPlacesAfterCommit } from "@/lib/waitlist";

/** A day whose price goes back to the family: the booking and what it gives back (its price, or 0 for a carence day, never passed here). */
export type CreditedDay = { bookingId: string; invoiceId: string | null; amountCents: number; day: Day; childFirstName: string };

export type DaysCredit = {
  creditedCents: number;
  creditNoteNumbers: number[];
  reducedInvoices: { id: string; number: number; totalCents: number }[];
  /** Per booking: what it gave back and through which credit note (none when an open invoice shrank). */
  perBooking: Map<string, { creditCents: number; creditNoteId: string | null }>;
};

/** "jeudi 14 janvier 2027 (Emma)", the days listed as a credit note's reason names them. */
export function daysText(days: { day: Day; childFirstName: string }[]): string {
  return [...days]
    .sort((a, b) => a.day.localeCompare(b.day) || a.childFirstName.localeCompare(b.childFirstName))
    .map((d) => `${fullDayLabel(d.day)} (${d.childFirstName})`)
    .join(", ");
}

/**
 * Gives back the price of days a family no longer takes, through billing:
 * on a paid invoice one credit note for that invoice's days, never more
 * than what is left to credit on it; on an open invoice the invoice
 * shrinks (lines, total and an INVOICE entry), or is cancelled when nothing
 * is left on it; a day without invoice (booked by staff) gives nothing
 * back. The caller holds the household's lock; this locks the invoices,
 * so two requests for the same days are served one after the other and
 * the second finds them already gone. The bookings' own status is the
 * caller's (CANCELLED or ABSENT), set in the same transaction.
 */
export async function creditDaysInTx(
  tx: Tx,
  { householdId, days, reason, actorId, now }: { householdId: string; days: CreditedDay[]; reason: (days: CreditedDay[]) => string; actorId: string | null; now: Date },
): Promise<DaysCredit> {
  const result: DaysCredit = { creditedCents: 0, creditNoteNumbers: [], reducedInvoices: [], perBooking: new Map() };
  for (const d of days) result.perBooking.set(d.bookingId, { creditCents: 0, creditNoteId: null });
  const byInvoice = new Map<string, CreditedDay[]>();
  for (const d of days) if (d.invoiceId && d.amountCents > 0) byInvoice.set(d.invoiceId, [...(byInvoice.get(d.invoiceId) ?? []), d]);
  const invoiceIds = [...byInvoice.keys()].sort();
  await lockRows(tx, "Invoice", invoiceIds);
  const invoices = await tx.invoice.findMany({
    where: { id: { in: invoiceIds }, householdId },
    include: { creditNotes: { select: { amountCents: true } } },
  });
  // Whose day and which product, for the credit notes' lines (the callers only know the days).
  const owners = new Map(
    (
      await tx.booking.findMany({
        where: { id: { in: days.map((d) => d.bookingId) }, householdId },
        select: { id: true, personId: true, slot: { select: { productId: true } } },
      })
    ).map((b) => [b.id, { personId: b.personId, productId: b.slot.productId }]),
  );
  for (const invoice of invoices.sort((a, b) => a.number - b.number)) {
    const its = byInvoice.get(invoice.id)!.sort((a, b) => a.day.localeCompare(b.day));
    const wanted = its.reduce((s, d) => s + d.amountCents, 0);
    if (invoice.status === "PAID") {
      const room = invoice.totalCents - invoice.creditNotes.reduce((s, c) => s + c.amountCents, 0);
      const amount = Math.min(wanted, room);
      if (amount <= 0) continue;
      const note = await issueCreditNoteInTx(tx, {
        householdId,
        invoiceId: invoice.id,
        amountCents: amount,
        reason: reason(its).slice(0, 300),
        actorId,
        now,
        lines: dayLines(its, amount, owners),
      });
      share(result, its, amount, note.id);
      result.creditedCents += amount;
      result.creditNoteNumbers.push(note.number);
    } else if (invoice.status === "PENDING_PAYMENT" || invoice.status === "UNPAID") {
      if (await openOnlineAttempt(tx, invoice.id)) {
        throw new AppError(
          "CONFLICT",
          `Un paiement en ligne est en cours pour la facture N° ${invoice.number} : attendez son résultat (quelques minutes) avant d'annuler ces jours.`,
        );
      }
      const amount = Math.min(wanted, invoice.totalCents);
      share(result, its, amount, null);
      result.creditedCents += amount;
      const totalCents = invoice.totalCents - amount;
      if (totalCents <= 0) {
        await cancelInvoiceInTx(tx, { invoiceId: invoice.id, householdId, reason: `Tous les jours annulés : ${reason(its)}`.slice(0, 300), actorId, now });
      } else {
        await shrinkInvoiceInTx(tx, { invoice, days: its, amount, totalCents, actorId, now });
      }
      result.reducedInvoices.push({ id: invoice.id, number: invoice.number, totalCents: Math.max(totalCents, 0) });
    }
    // A cancelled or expired invoice no longer bills these days: nothing to give back.
  }
  return result;
}

/**
 * One credit-note line per day at its price; when the invoice had less
 * left to credit than the days cost, the days share what is left in
 * proportion to their prices, so the lines still sum to the note.
 */
function dayLines(days: CreditedDay[], amount: number, owners: Map<string, { personId: string; productId: string }>): CreditNoteLineInput[] {
  const parts = days.map((d) => ({ ...owners.get(d.bookingId), day: d.day, weight: d.amountCents }));
  return splitProRata(parts, amount).map((p) => ({ personId: p.personId ?? null, productId: p.productId ?? null, day: p.day, amountCents: p.share }));
}

/** Splits what an invoice gave back over its days, in day order, so each absence records its own part. */
function share(result: DaysCredit, days: CreditedDay[], amount: number, creditNoteId: string | null) {
  let left = amount;
  for (const d of days) {
    const part = Math.min(d.amountCents, left);
    left -= part;
    result.perBooking.set(d.bookingId, { creditCents: part, creditNoteId: part > 0 ? creditNoteId : null });
  }
}

/**
 * An open invoice loses days: its total goes down by their price, with an
 * INVOICE entry saying so; the lines of the children and products touched
 * are rebuilt from the days it still bills. Credit the family had already
 * put on it beyond the new total goes back to its credit.
 */
async function shrinkInvoiceInTx(
  tx: Tx,
  {
    invoice,
    days,
    amount,
    totalCents,
    actorId,
    now,
  }: { invoice: { id: string; number: number; householdId: string; status: string }; days: CreditedDay[]; amount: number; totalCents: number; actorId: string | null; now: Date },
) {
  const outstanding = await invoiceOutstanding(tx, invoice.id);
  const changed = await tx.invoice.updateMany({ where: { id: invoice.id, status: invoice.status as "PENDING_PAYMENT" | "UNPAID" }, data: { totalCents } });
  if (changed.count !== 1) throw new AppError("CONFLICT", "Cette facture vient d'être modifiée : rechargez la page.");
  const label = `Jours annulés sur la facture N° ${invoice.number}`;
  const entries: LedgerPost[] = [{ householdId: invoice.householdId, kind: "INVOICE", amountCents: -amount, invoiceId: invoice.id, label, actorId, createdAt: now }];
  const overpaid = amount - outstanding;
  if (overpaid > 0) {
    entries.push(
      { householdId: invoice.householdId, kind: "TRANSFER", amountCents: overpaid, invoiceId: invoice.id, label: `Avoir rendu : ${label}`, actorId, createdAt: now },
      { householdId: invoice.householdId, kind: "TRANSFER", amountCents: -overpaid, invoiceId: null, label: `Avoir rendu : ${label}`, actorId, createdAt: now },
    );
  }
  await postEntries(tx, entries);
  await rebuildLinesInTx(tx, invoice.id, new Set(days.map((d) => d.bookingId)));
}

/** The lines of the children × products whose days changed, from the days the invoice still bills. */
async function rebuildLinesInTx(tx: Tx, invoiceId: string, leaving: Set<string>) {
  const bookings = await tx.booking.findMany({
    where: { invoiceId },
    include: {
      person: { select: { firstName: true } },
      slot: { select: { date: true, product: { select: { id: true, name: true, service: { select: { name: true } } } } } },
      absence: { select: { creditCents: true } },
    },
  });
  const touched = new Set(bookings.filter((b) => leaving.has(b.id)).map((b) => `${b.personId}|${b.slot.product.id}`));
  // Still billed: held or confirmed, or absent without anything given back (a carence day).
  const billed = bookings.filter(
    (b) =>
      !leaving.has(b.id) &&
      touched.has(`${b.personId}|${b.slot.product.id}`) &&
      (b.status === "HELD" || b.status === "CONFIRMED" || (b.status === "ABSENT" && (b.absence?.creditCents ?? 0) === 0)),
  );
  const items: LineItem[] = billed.map((b) => ({
    personId: b.personId,
    productId: b.slot.product.id,
    date: dateToDay(b.slot.date),
    unitPriceCents: b.unitPriceCents,
    child: { firstName: b.person.firstName },
    product: { serviceName: b.slot.product.service.name, name: b.slot.product.name },
  }));
  const kept = await tx.invoiceLine.findMany({ where: { invoiceId }, select: { id: true, personId: true, productId: true, sortOrder: true } });
  const removed = kept.filter((l) => touched.has(`${l.personId}|${l.productId}`));
  await tx.invoiceLine.deleteMany({ where: { id: { in: removed.map((l) => l.id) } } });
  const start = Math.max(-1, ...kept.map((l) => l.sortOrder)) + 1;
  const lines = invoiceLines(items);
  if (lines.length) await tx.invoiceLine.createMany({ data: lines.map((l, i) => ({ ...l, invoiceId, sortOrder: start + i })) });
}

export type CancelDaysResult = {
  cancelled: number;
  creditedCents: number;
  creditNoteNumbers: number[];
  reducedInvoices: { id: string; number: number; totalCents: number }[];
};

/**
 * The family cancels booked days before the product's booking deadline:
 * each place is freed at once (the booking is CANCELLED), and its price
 * comes back through billing (see creditDaysInTx). Scoped by household:
 * another family's booking is "introuvable". The household's row is locked
 * first, so a double click or a second tab waits, then finds the days
 * already cancelled and credits nothing twice.
 */
export async function cancelBookedDays({
  actor,
  householdId,
  bookingIds,
  now = new Date(),
}: {
  actor: { id: string };
  householdId: string;
  bookingIds: string[];
  now?: Date;
}): Promise<CancelDaysResult> {
  const ids = [...new Set(bookingIds)];
  if (ids.length === 0) throw new AppError("INVALID", "Choisissez au moins un jour à annuler.", { bookingIds: "Choisissez au moins un jour à annuler." });
  const db = await getDb();
  let freedSlots: string[] = [];
  const result = await db.$transaction(async (tx) => {
    await lockRows(tx, "Household", [householdId]);
    const bookings = await tx.booking.findMany({
      where: { id: { in: ids }, householdId },
      include: { person: { select: { firstName: true } }, slot: { select: { date: true, product: { select: { name: true, deadlineDays: true, deadlineTime: true } } } } },
    });
    if (bookings.length !== ids.length) throw new AppError("NOT_FOUND", "Réservation introuvable.");
    bookings.sort((a, b) => a.slot.date.getTime() - b.slot.date.getTime());
    for (const b of bookings) {
      const day = dateToDay(b.slot.date);
      const what = `${fullDayLabel(day)} (${b.person.firstName}, ${b.slot.product.name})`;
      const live = b.status === "CONFIRMED" || (b.status === "HELD" && b.heldUntil !== null && b.heldUntil > now);
      if (!live) throw new AppError("CONFLICT", `Le ${what} n'est plus réservé : rechargez la page.`);
      if (isPastDeadline(day, b.slot.product.deadlineDays, b.slot.product.deadlineTime, now)) {
        throw new AppError("INVALID", `Le délai d'annulation est dépassé pour le ${what} : contactez le service.`);
      }
    }
    const days: CreditedDay[] = bookings.map((b) => ({
      bookingId: b.id,
      invoiceId: b.invoiceId,
      amountCents: b.unitPriceCents,
      day: dateToDay(b.slot.date),
      childFirstName: b.person.firstName,
    }));
    // Freed first: cancelling a whole invoice then finds no held day of its own to free.
    const freed = await tx.booking.updateMany({
      where: { id: { in: ids }, status: { in: ["CONFIRMED", "HELD"] } },
      data: { status: "CANCELLED", cancelledAt: now, heldUntil: null },
    });
    if (freed.count !== ids.length) throw new AppError("CONFLICT", "Ces jours viennent d'être modifiés : rechargez la page.");
    const credit = await creditDaysInTx(tx, {
      householdId,
      days,
      reason: (its) => `Annulation : ${daysText(its)}`,
      actorId: actor.id,
      now,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "booking.cancel",
      targetType: "Household",
      targetId: householdId,
      details: { label: daysText(days), days: days.length, creditedCents: credit.creditedCents, creditNotes: credit.creditNoteNumbers.map(String) },
    });
    freedSlots = bookings.map((b) => b.slotId);
    return {
      cancelled: ids.length,
      creditedCents: credit.creditedCents,
      creditNoteNumbers: credit.creditNoteNumbers,
      reducedInvoices: credit.reducedInvoices,
    };
  }, RC);
  // After commit: the places freed go to the waiting lists first.
  await offerFreedPlacesAfterCommit(freedSlots, now);
  return result;
}
