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

/**
 * `count` invoice numbers at once, yielded as `first` (the others follow it
 * without a gap): one round trip on the counter row for a whole batch, as an
 * allocation issues one invoice per household. The row stays locked until
 * commit, as for a single number.
 */
export const invoiceNumbersSql = (count: number) => {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`A batch of invoice numbers needs a positive count, got ${count}`);
  return Prisma.sql`INSERT INTO "InvoiceCounter" (id, next) VALUES (1, ${count + 1}::int)
     ON CONFLICT (id) DO UPDATE SET next = "InvoiceCounter".next + ${count}::int
     RETURNING next - ${count}::int AS first`;
};

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

/**
 * Crockford's base32: no I, L, O or U, so what is printed cannot be misread,
 * and a reader's 0/O and 1/I/L come back to the same character.
 */
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export const PAYMENT_IDENTIFIER_LENGTH = 20;

/** 20 base32 characters (100 random bits): printed on the invoice, so unguessable but readable aloud. */
export function newPaymentIdentifier(): string {
  // 256 is a multiple of 32: masking keeps every character equally likely.
  const bytes = randomBytes(PAYMENT_IDENTIFIER_LENGTH);
  return Array.from(bytes, (b) => CROCKFORD[b & 31]).join("");
}

// Identifiers issued before Crockford used RFC 4648's A–Z and 2–7, so a
// stored one may hold I, L, O or U. U stays acceptable while those invoices
// can still be paid; I, L and O are read as 1, 1 and 0, as for new ones.
const ACCEPTED = /^[0-9A-Z]$/;
const LOOK_ALIKES: Record<string, string> = { O: "0", I: "1", L: "1" };

export type ReadIdentifier = { ok: true; canonical: string; typed: string } | { ok: false; message: string };

/**
 * Reads an identifier as a person types it from paper: any case, spaces or
 * dashes anywhere, 0/O and 1/I/L alike. `canonical` is the form lookups
 * compare on; `typed` is the input without separators, upper-cased.
 */
export function readPaymentIdentifier(input: string): ReadIdentifier {
  const typed = input.replace(/[\s\-‐‑‒–—]+/g, "").toUpperCase();
  if (!typed) return { ok: false, message: "Indiquez l'identifiant de paiement en ligne." };
  // Unicode-aware iteration, so an accented or emoji character is named whole.
  const stray = [...input.replace(/[\s\-‐‑‒–—]+/g, "")].find((c) => !ACCEPTED.test(c.toUpperCase()));
  if (stray) {
    // A control or invisible character cannot be shown between quotes.
    const shown = /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(stray) ? `« ${stray} »` : "invisible";
    return { ok: false, message: `Le caractère ${shown} ne peut pas figurer dans l'identifiant.` };
  }
  const gap = typed.length - PAYMENT_IDENTIFIER_LENGTH;
  if (gap !== 0) {
    const count = `L'identifiant compte ${PAYMENT_IDENTIFIER_LENGTH} caractères`;
    return { ok: false, message: gap < 0 ? `${count} : il en manque ${-gap}.` : `${count} : il y en a ${gap} de trop.` };
  }
  return { ok: true, canonical: canonicalPaymentIdentifier(typed), typed };
}

/** The form two spellings of one identifier share (upper case, no separators expected). */
export function canonicalPaymentIdentifier(compact: string): string {
  return compact.replace(/[OIL]/g, (c) => LOOK_ALIKES[c]);
}

/** SQL twin of canonicalPaymentIdentifier, for stored identifiers. */
export const canonicalPaymentIdentifierSql = (column: Prisma.Sql) => Prisma.sql`translate(${column}, 'OIL', '011')`;

/** Beyond this many spellings, the lookup compares canonical forms in SQL instead. */
const MAX_SPELLINGS = 64;

/**
 * The stored spellings a canonical identifier can have, so the lookup uses
 * the unique index: itself (issued in Crockford), and, when it has neither 8
 * nor 9, the older alphabet's spellings (0 was O, 1 was I or L). `null` when
 * there are too many of those to list.
 */
export function storedSpellings(canonical: string): string[] | null {
  if (/[89]/.test(canonical)) return [canonical];
  let spellings = [""];
  for (const c of canonical) {
    const options = c === "0" ? ["O"] : c === "1" ? ["I", "L"] : [c];
    spellings = spellings.flatMap((prefix) => options.map((o) => prefix + o));
    if (spellings.length > MAX_SPELLINGS) return null;
  }
  return [...new Set([canonical, ...spellings])];
}
