import { randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db/client";

/**
 * Takes the next invoice number inside the caller's transaction. The upsert
 * holds the counter row's lock until commit, so a rolled-back invoice gives
 * its number back and numbers stay gapless; call it as late as possible in
 * the transaction, since every invoice waits on this one row.
 */
export async function allocateInvoiceNumber(tx: Tx): Promise<number> {
  return nextInSeries(tx, "InvoiceCounter");
}

/** Credit notes (avoirs) have their own gapless series, as invoices do. */
export async function allocateCreditNoteNumber(tx: Tx): Promise<number> {
  return nextInSeries(tx, "CreditNoteCounter");
}

/** Counter-payment receipts: their own gapless series. */
export async function allocateReceiptNumber(tx: Tx): Promise<number> {
  return nextInSeries(tx, "ReceiptCounter");
}

async function nextInSeries(tx: Tx, table: "InvoiceCounter" | "CreditNoteCounter" | "ReceiptCounter"): Promise<number> {
  const rows = await tx.$queryRawUnsafe<{ number: number }[]>(
    `INSERT INTO "${table}" (id, next) VALUES (1, 2)
     ON CONFLICT (id) DO UPDATE SET next = "${table}".next + 1
     RETURNING next - 1 AS number`,
  );
  return Number(rows[0].number);
}

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** 20 base32 characters (100 random bits): printed on the invoice, so unguessable but readable aloud. */
export function newPaymentIdentifier(): string {
  const bytes = randomBytes(20);
  return Array.from(bytes, (b) => BASE32[b & 31]).join("");
}
