import type { Db, Tx } from "@/lib/db/client";
import type { LedgerKind } from "@/lib/generated/prisma/client";

/**
 * One movement on a household's account. Positive: the household owes more
 * (an invoice issued, a refund paid out of its credit). Negative: it paid or
 * was credited. `invoiceId` set: the movement belongs to that invoice (their
 * sum is what is still due on it). No `invoiceId`: the household's credit.
 */
export type LedgerPost = {
  householdId: string;
  kind: LedgerKind;
  amountCents: number;
  label: string;
  invoiceId?: string | null;
  paymentId?: string | null;
  creditNoteId?: string | null;
  refundId?: string | null;
  actorId?: string | null;
  createdAt: Date;
};

/** Entries are only ever added, inside the transaction of the change they record. */
export async function postEntries(tx: Tx, entries: LedgerPost[]): Promise<void> {
  const data = entries.filter((e) => e.amountCents !== 0);
  for (const e of data) {
    if (!Number.isInteger(e.amountCents)) throw new RangeError(`Ledger amounts are integer cents, got ${e.amountCents}`);
  }
  if (data.length) await tx.ledgerEntry.createMany({ data });
}

/** What is still due on an invoice: the sum of its entries. */
export async function invoiceOutstanding(db: Db | Tx, invoiceId: string): Promise<number> {
  const sum = await db.ledgerEntry.aggregate({ where: { invoiceId }, _sum: { amountCents: true } });
  return sum._sum.amountCents ?? 0;
}

/** The household's credit available (avoir disponible): its entries outside any invoice, negated. */
export async function availableCredit(db: Db | Tx, householdId: string): Promise<number> {
  const sum = await db.ledgerEntry.aggregate({ where: { householdId, invoiceId: null }, _sum: { amountCents: true } });
  return 0 - (sum._sum.amountCents ?? 0);
}

export type AccountSummary = {
  /** Sum of every entry: positive = the household owes, negative = it is in credit */
  balanceCents: number;
  /** "Montant en attente de paiement": what is still due on its invoices */
  dueCents: number;
  /** Credit the household can use or have refunded */
  creditCents: number;
};

export async function accountSummary(db: Db | Tx, householdId: string): Promise<AccountSummary> {
  const rows = await db.ledgerEntry.groupBy({
    by: ["invoiceId"],
    where: { householdId },
    _sum: { amountCents: true },
  });
  return summarizeAccount(rows.map((row) => ({ invoiceId: row.invoiceId, sumCents: row._sum.amountCents ?? 0 })));
}

/** The summary from the household's entries summed per invoice (null: outside any invoice), however they were read. */
export function summarizeAccount(sums: { invoiceId: string | null; sumCents: number }[]): AccountSummary {
  let dueCents = 0;
  let creditSum = 0;
  for (const { invoiceId, sumCents } of sums) {
    if (invoiceId === null) creditSum += sumCents;
    else if (sumCents > 0) dueCents += sumCents;
  }
  return { balanceCents: dueCents + creditSum, dueCents, creditCents: 0 - creditSum };
}

export type LedgerEntryDto = {
  id: string;
  createdAt: Date;
  kind: LedgerKind;
  label: string;
  amountCents: number;
  invoiceId: string | null;
  creditNoteId: string | null;
  /** Running balance after this entry */
  balanceCents: number;
};

/** The household's account statement, oldest first, with a running balance. */
export async function listLedger(db: Db | Tx, householdId: string): Promise<LedgerEntryDto[]> {
  const entries = await db.ledgerEntry.findMany({
    where: { householdId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  let balance = 0;
  return entries.map((e) => {
    balance += e.amountCents;
    return {
      id: e.id,
      createdAt: e.createdAt,
      kind: e.kind,
      label: e.label,
      amountCents: e.amountCents,
      invoiceId: e.invoiceId,
      creditNoteId: e.creditNoteId,
      balanceCents: balance,
    };
  });
}
