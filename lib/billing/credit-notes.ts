import { recordAudit } from "@/lib/audit";
import type { Tx } from "@/lib/db/client";
import { dayToDate, type Day } from "@/lib/dates";
import { postEntries } from "./ledger";
import { allocateCreditNoteNumber } from "./numbers";

/** What a credit note gives back for one child and product (a day, or a share of an invoice's lines). */
export type CreditNoteLineInput = { personId: string | null; productId: string | null; day: Day | null; amountCents: number };

/**
 * Splits `amountCents` over weighted parts in proportion to their weights,
 * by largest remainder: every part an integer, the sum exact. Ties go to
 * the earlier part, so the same input always splits the same way.
 */
export function splitProRata<T extends { weight: number }>(parts: T[], amountCents: number): (T & { share: number })[] {
  const total = parts.reduce((s, p) => s + Math.max(0, p.weight), 0);
  if (total <= 0 || parts.length === 0) return [];
  const raw = parts.map((p, i) => {
    const exact = (amountCents * Math.max(0, p.weight)) / total;
    return { i, floor: Math.floor(exact), rest: exact - Math.floor(exact) };
  });
  let left = amountCents - raw.reduce((s, r) => s + r.floor, 0);
  const order = [...raw].sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const r of order) {
    if (left <= 0) break;
    r.floor += 1;
    left -= 1;
  }
  return parts.map((p, i) => ({ ...p, share: raw[i].floor }));
}

/** The lines of a credit note on an invoice that does not say which days it is for: its lines' share of the amount. */
async function proRataLines(tx: Tx, invoiceId: string | null, amountCents: number): Promise<CreditNoteLineInput[]> {
  if (!invoiceId) return [{ personId: null, productId: null, day: null, amountCents }];
  const lines = await tx.invoiceLine.findMany({
    where: { invoiceId },
    select: { personId: true, productId: true, totalCents: true },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
  });
  const split = splitProRata(
    lines.map((l) => ({ personId: l.personId, productId: l.productId, weight: l.totalCents })),
    amountCents,
  );
  if (split.length === 0) return [{ personId: null, productId: null, day: null, amountCents }];
  return split.filter((s) => s.share > 0).map((s) => ({ personId: s.personId, productId: s.productId, day: null, amountCents: s.share }));
}

/**
 * Issues a credit note (avoir): a numbered document in its own gapless
 * series; its amount goes to the household's credit. Its lines say what it
 * gives back per child and product (the tax certificate subtracts them):
 * given by a caller that knows the days, else spread over the invoice's
 * lines.
 */
export async function issueCreditNoteInTx(
  tx: Tx,
  {
    householdId,
    invoiceId = null,
    paymentId = null,
    amountCents,
    reason,
    actorId,
    now,
    lines,
  }: {
    householdId: string;
    invoiceId?: string | null;
    paymentId?: string | null;
    amountCents: number;
    reason: string;
    actorId: string | null;
    now: Date;
    lines?: CreditNoteLineInput[];
  },
): Promise<{ id: string; number: number }> {
  if (!Number.isInteger(amountCents) || amountCents <= 0) throw new RangeError(`Credit note of ${amountCents} cents`);
  if (lines) {
    const sum = lines.reduce((s, l) => s + l.amountCents, 0);
    if (lines.some((l) => !Number.isInteger(l.amountCents) || l.amountCents < 0) || sum !== amountCents) {
      throw new RangeError(`Credit note lines sum to ${sum} cents, not ${amountCents}`);
    }
  }
  const noteLines = (lines ?? (await proRataLines(tx, invoiceId, amountCents))).filter((l) => l.amountCents > 0);
  // Last in the transaction's work, so the series' row stays locked briefly.
  const number = await allocateCreditNoteNumber(tx);
  const note = await tx.creditNote.create({
    data: {
      number,
      householdId,
      invoiceId,
      paymentId,
      amountCents,
      reason,
      createdById: actorId,
      issuedAt: now,
      lines: {
        createMany: {
          data: noteLines.map((l) => ({ personId: l.personId, productId: l.productId, day: l.day ? dayToDate(l.day) : null, amountCents: l.amountCents })),
        },
      },
    },
  });
  await postEntries(tx, [
    {
      householdId,
      kind: "CREDIT_NOTE",
      amountCents: -amountCents,
      creditNoteId: note.id,
      invoiceId: null,
      paymentId,
      label: `Avoir N° ${number} : ${reason}`,
      actorId,
      createdAt: now,
    },
  ]);
  await recordAudit(tx, {
    actorId,
    action: "credit_note.issue",
    targetType: "Household",
    targetId: householdId,
    details: { label: `Avoir N° ${number}`, amountCents, reason, invoiceId },
  });
  return { id: note.id, number };
}
