import type { Tx } from "@/lib/db/client";
import { newRowId } from "@/lib/db/ids";
import { rawJson } from "@/lib/db/raw-json";
import { Prisma, type Regime } from "@/lib/generated/prisma/client";
import { invoiceIssueEntry } from "./lifecycle";
import { invoiceLines, type LineItem } from "./lines";
import { invoiceNumbersSql, newPaymentIdentifier } from "./numbers";

export type InvoiceDraft = {
  householdId: string;
  /** QF and régime the prices came from, kept on the invoice as they were */
  qf: number | null;
  regime: Regime | null;
  /** HELD bookings already inserted in this transaction, not yet invoiced, and what their lines need */
  items: (LineItem & { bookingId: string })[];
};

export type IssuedInvoice = { invoiceId: string; householdId: string; number: number; totalCents: number };

/**
 * Invoices places already held in the caller's transaction: one
 * PENDING_PAYMENT invoice per draft, numbered in the drafts' order without a
 * gap, with its lines, its INVOICE ledger entry, and its bookings attached.
 * Used where places are held first and billed after (an allocation, an
 * accepted offer from a waiting list); the first-come hold does the same in
 * its own single statement. One statement whatever the number of invoices,
 * so call it last: the invoice counter stays locked until commit and every
 * hold waits on it. A booking that is not a HELD booking of that household
 * without an invoice makes it throw, and the caller's transaction (with the
 * numbers it took) rolls back.
 */
export async function issueInvoicesInTx(tx: Tx, drafts: InvoiceDraft[], { actorId, now }: { actorId: string | null; now: Date }): Promise<IssuedInvoice[]> {
  const billed = drafts.filter((d) => d.items.length > 0);
  if (billed.length !== drafts.length) throw new Error("An invoice draft without a booking would be an empty invoice.");
  if (!billed.length) return [];

  const invoices = billed.map((draft, ord) => {
    const lines = invoiceLines(draft.items);
    const totalCents = lines.reduce((sum, l) => sum + l.totalCents, 0);
    return { ord, id: newRowId(), draft, lines, totalCents };
  });
  const rows = invoices.map((i) => ({
    ord: i.ord,
    id: i.id,
    householdId: i.draft.householdId,
    qf: i.draft.qf,
    regime: i.draft.regime,
    totalCents: i.totalCents,
    paymentIdentifier: newPaymentIdentifier(),
  }));
  const lines = invoices.flatMap((i) => i.lines.map((l) => ({ id: newRowId(), invoiceId: i.id, ...l })));
  const entries = invoices.map((i) => ({
    id: newRowId(),
    ...invoiceIssueEntry({ id: i.id, householdId: i.draft.householdId, number: "%s", totalCents: i.totalCents, issuedAt: now }, actorId),
  }));
  const attach = invoices.flatMap((i) => i.draft.items.map((item) => ({ bookingId: item.bookingId, invoiceId: i.id, householdId: i.draft.householdId })));
  if (new Set(attach.map((a) => a.bookingId)).size !== attach.length) throw new Error("A booking appears twice in the invoices to issue.");

  const [result] = await tx.$queryRaw<{ numbers: unknown; attached: number }[]>(Prisma.sql`
    WITH counter AS (${invoiceNumbersSql(invoices.length)}),
    drafts AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS d(ord int, id text, "householdId" text, qf int, regime text, "totalCents" int, "paymentIdentifier" text)
    ),
    invoice AS (
      INSERT INTO "Invoice" (id, number, "householdId", status, "totalCents", "paymentIdentifier", qf, regime, "createdById", "issuedAt")
      SELECT d.id, counter.first + d.ord, d."householdId", 'PENDING_PAYMENT', d."totalCents", d."paymentIdentifier", d.qf,
             d.regime::"Regime", ${actorId}::text, ${now}::timestamp(3)
        FROM drafts d, counter
      RETURNING id, number
    ),
    lines AS (
      INSERT INTO "InvoiceLine" (id, "invoiceId", "personId", "productId", label, quantity, "unitPriceCents", "totalCents", "sortOrder")
      SELECT l.id, l."invoiceId", l."personId", l."productId", l.label, l.quantity, l."unitPriceCents", l."totalCents", l."sortOrder"
        FROM jsonb_to_recordset(${JSON.stringify(lines)}::jsonb)
          AS l(id text, "invoiceId" text, "personId" text, "productId" text, label text, quantity int, "unitPriceCents" int, "totalCents" int, "sortOrder" int)
    ),
    ledger AS (
      INSERT INTO "LedgerEntry" (id, "householdId", kind, "amountCents", "invoiceId", label, "actorId", "createdAt")
      SELECT e.id, e."householdId", e.kind::"LedgerKind", e."amountCents", e."invoiceId", format(e.label, invoice.number), e."actorId", ${now}::timestamp(3)
        FROM jsonb_to_recordset(${JSON.stringify(entries)}::jsonb)
          AS e(id text, "householdId" text, kind text, "amountCents" int, "invoiceId" text, label text, "actorId" text)
        JOIN invoice ON invoice.id = e."invoiceId"
       WHERE e."amountCents" <> 0
    ),
    attached AS (
      -- Found by primary key and matched through a map, not joined to a
      -- record set: the planner's statistics do not know the thousands of
      -- holds an allocation inserted moments ago, and a join planned on them
      -- scanned the table once per booking.
      UPDATE "Booking" b SET "invoiceId" = map.m -> b.id ->> 0, "updatedAt" = ${new Date()}::timestamp(3)
        FROM (SELECT ${JSON.stringify(Object.fromEntries(attach.map((a) => [a.bookingId, [a.invoiceId, a.householdId]])))}::jsonb AS m) map
       WHERE b.id = ANY(${attach.map((a) => a.bookingId)}::text[])
         AND b."householdId" = map.m -> b.id ->> 1 AND b.status = 'HELD' AND b."invoiceId" IS NULL
      RETURNING b.id
    )
    SELECT (SELECT json_agg(json_build_object('id', id, 'number', number)) FROM invoice) AS numbers,
           (SELECT count(*)::int FROM attached) AS attached`);
  if (Number(result.attached) !== attach.length) {
    // Throwing rolls back the caller's transaction: the numbers taken go back with it.
    throw new Error(`Invoicing ${attach.length} held bookings attached only ${result.attached}: one is not a held, uninvoiced booking of its household.`);
  }
  const numbers = new Map(rawJson<{ id: string; number: number }[]>(result.numbers).map((r) => [r.id, Number(r.number)]));
  return invoices.map((i) => ({ invoiceId: i.id, householdId: i.draft.householdId, number: numbers.get(i.id)!, totalCents: i.totalCents }));
}
