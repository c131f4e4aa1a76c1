import { randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

type Series = "InvoiceCounter" | "CreditNoteCounter" | "ReceiptCounter";

/**
 * Takes the next number of a series and yields it as `number`. The upsert
 * holds the counter row's lock until commit, so a rolled-back document gives
 * its number back and numbers stay gapless; run it as late as possible in
 * the transaction, since every document of the series waits on this one row.
 */
function nextNumberSql(table: Series, when: Prisma.Sql = Prisma.sql`true`): Prisma.Sql {
  // The table name comes from the closed union above, never from input.
  const name = Prisma.raw(`"${table}"`);
  return Prisma.sql`INSERT INTO ${name} (id, next) SELECT 1, 2 WHERE ${when}
     ON CONFLICT (id) DO UPDATE SET next = ${name}.next + 1
     RETURNING next - 1 AS number`;
}

/**
 * The invoice series as a CTE body, for the hold: it allocates the number
 * and inserts the invoice in one statement, so the counter row is locked
 * for a single round trip before commit. `when` is false when the hold is
 * refused in that same statement: no number is taken.
 */
export const invoiceNumberSql = (when: Prisma.Sql) => nextNumberSql("InvoiceCounter", when);

/** Credit notes (avoirs) have their own gapless series, as invoices do. */
export async function allocateCreditNoteNumber(tx: Tx): Promise<number> {
  return nextInSeries(tx, "CreditNoteCounter");
}

/** Counter-payment receipts: their own gapless series. */
export async function allocateReceiptNumber(tx: Tx): Promise<number> {
  return nextInSeries(tx, "ReceiptCounter");
}

async function nextInSeries(tx: Tx, table: Series): Promise<number> {
  const rows = await tx.$queryRaw<{ number: number }[]>(nextNumberSql(table));
  return Number(rows[0].number);
}

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** 20 base32 characters (100 random bits): printed on the invoice, so unguessable but readable aloud. */
export function newPaymentIdentifier(): string {
  const bytes = randomBytes(20);
  return Array.from(bytes, (b) => BASE32[b & 31]).join("");
}
