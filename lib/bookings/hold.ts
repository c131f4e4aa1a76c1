import "server-only";
import { getDb, type Db } from "@/lib/db/client";
import { newRowId } from "@/lib/db/ids";
import { rawJson } from "@/lib/db/raw-json";
import { lockRows } from "@/lib/db/locks";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { fullDayLabel } from "@/lib/format";
import { Prisma } from "@/lib/generated/prisma/client";
import { invoiceNumberSql, newPaymentIdentifier } from "@/lib/billing/numbers";
import { invoiceLines } from "@/lib/billing/lines";
import { invoiceIssueEntry } from "@/lib/billing/lifecycle";
import { fileUpdateRefusal, fileUpdateRequiredDays } from "@/lib/file-update/rule";
import { priceSelections, type Selection } from "./context";

export type HoldResult = { invoiceId: string; number: number; heldUntil: Date; totalCents: number; reused: boolean };

/**
 * Validates a parent's ticked days: re-checks every rule on the server and
 * prices them (read-only, before the transaction), then in one READ
 * COMMITTED transaction locks the slot rows (one statement, in id order, so
 * two families never wait on each other in a cycle), counts their active
 * bookings, holds the places and creates the pending invoice with its lines,
 * ledger entry and gapless number. Every family rushes for the same first
 * slot, so holds/s is 1 ÷ (lock-to-commit time): under the locks there are
 * exactly two statements (one that checks and writes, then COMMIT). The same `submissionKey`
 * twice (double click, resubmitted form) returns the first invoice instead
 * of holding again.
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

  // A resubmitted form is recognised under the lock (its twin invoice), not
  // before: one statement fewer for every hold. Only when the days no longer
  // price (a form sent again after their deadline) is the key looked up first.
  let priced: Awaited<ReturnType<typeof priceSelections>>;
  try {
    priced = await priceSelections(db, { householdId, selections, now });
  } catch (error) {
    const previous = await findBySubmissionKey(db, householdId, submissionKey);
    if (previous) return previous;
    throw error;
  }
  const { household, items, fileUpdate } = priced;
  const fileUpdateItems = items.filter((i) => fileUpdate.productIds.has(i.productId));
  const slotIds = [...new Set(items.map((i) => i.slotId))].sort();
  const heldUntil = new Date(now.getTime() + env().holdMinutes * 60_000);
  // Everything is ready before the transaction: once the locks are granted,
  // the next step is only to send this.
  const lines = invoiceLines(items);
  const totalCents = lines.reduce((sum, l) => sum + l.totalCents, 0);
  const invoiceId = newRowId();
  const entry = invoiceIssueEntry({ id: invoiceId, householdId, number: "%s", totalCents, issuedAt: now }, actor.id);
  // Prisma's @updatedAt is the wall clock, not the business `now` the tests fix.
  const writtenAt = new Date();
  // The price is kept on the booking: credits and refunds never re-derive it.
  const picked = items.map((i) => ({ id: newRowId(), slotId: i.slotId, personId: i.personId, unitPriceCents: i.unitPriceCents, tariffId: i.tariffId }));
  // One statement checks and writes, so the locks are held for two
  // round trips (this and COMMIT). Its parts all read the snapshot
  // taken after the locks: the checks never see its own inserts, and
  // when one fails (a twin invoice for this form, a child already
  // booked, a day full or closed) nothing is written and no number taken.
  const statement = Prisma.sql`
    WITH picked AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(picked)}::jsonb)
        AS b(id text, "slotId" text, "personId" text, "unitPriceCents" int, "tariffId" text)
    ),
    twin AS (
      SELECT i.id, i."householdId", i.number, i."totalCents", i."issuedAt",
             (SELECT b."heldUntil" FROM "Booking" b WHERE b."invoiceId" = i.id LIMIT 1) AS "heldUntil"
        FROM "Invoice" i WHERE i."submissionKey" = ${submissionKey}
    ),
    already AS (
      -- Per picked day through the (personId, slotId) index: a semi-join
      -- would hash every active booking of these slots first.
      SELECT p."personId", p."slotId" FROM picked p
       CROSS JOIN LATERAL (
         SELECT 1 FROM "Booking" b WHERE b."personId" = p."personId" AND b."slotId" = p."slotId" AND ${activeSql(now)} LIMIT 1
       ) AS booked
    ),
    full_slots AS (
      -- A slot deleted since pricing is as full as a closed one.
      SELECT w."slotId" FROM (SELECT "slotId", count(*) AS n FROM picked GROUP BY "slotId") w
        LEFT JOIN "Slot" s ON s.id = w."slotId"
       WHERE s.id IS NULL OR s.closed
          OR (SELECT count(*) FROM "Booking" b WHERE b."slotId" = s.id AND ${activeSql(now)}) + w.n
             -- A freed place goes to the waiting list first: its children count as taken.
             + (SELECT count(*) FROM "WaitlistEntry" we WHERE we."slotId" = s.id AND we.status = 'WAITING') > s.capacity
    ),
    go AS (
      SELECT NOT EXISTS (SELECT 1 FROM twin) AND NOT EXISTS (SELECT 1 FROM already) AND NOT EXISTS (SELECT 1 FROM full_slots) AS ok
    ),
    counter AS (${invoiceNumberSql(Prisma.sql`(SELECT ok FROM go)`)}),
    invoice AS (
      INSERT INTO "Invoice" (id, number, "householdId", status, "totalCents", "paymentIdentifier", qf, regime, "submissionKey", "createdById", "issuedAt")
      SELECT ${invoiceId}::text, counter.number, ${householdId}::text, 'PENDING_PAYMENT', ${totalCents}::int, ${newPaymentIdentifier()}::text,
             ${household.qf}::int, ${household.regime}::text::"Regime", ${submissionKey}::text, ${actor.id}::text, ${now}::timestamp(3)
        FROM counter
      RETURNING number
    ),
    lines AS (
      INSERT INTO "InvoiceLine" (id, "invoiceId", "personId", "productId", label, quantity, "unitPriceCents", "totalCents", "sortOrder")
      SELECT l.id, ${invoiceId}::text, l."personId", l."productId", l.label, l.quantity, l."unitPriceCents", l."totalCents", l."sortOrder"
        FROM invoice, jsonb_to_recordset(${JSON.stringify(lines.map((l) => ({ id: newRowId(), ...l })))}::jsonb)
          AS l(id text, "personId" text, "productId" text, label text, quantity int, "unitPriceCents" int, "totalCents" int, "sortOrder" int)
    ),
    ledger AS (
      INSERT INTO "LedgerEntry" (id, "householdId", kind, "amountCents", "invoiceId", label, "actorId", "createdAt")
      SELECT ${newRowId()}::text, ${entry.householdId}::text, ${entry.kind}::text::"LedgerKind", ${entry.amountCents}::int, ${entry.invoiceId}::text,
             format(${entry.label}::text, invoice.number), ${entry.actorId}::text, ${entry.createdAt}::timestamp(3)
        FROM invoice
    ),
    bookings AS (
      INSERT INTO "Booking" (id, "slotId", "personId", "householdId", status, "heldUntil", "unitPriceCents", "tariffId", "invoiceId", "createdById", "createdAt", "updatedAt")
      SELECT p.id, p."slotId", p."personId", ${householdId}::text, 'HELD', ${heldUntil}::timestamp(3),
             p."unitPriceCents", p."tariffId", ${invoiceId}::text, ${actor.id}::text, ${writtenAt}::timestamp(3), ${writtenAt}::timestamp(3)
        FROM invoice, picked p
    )
    -- Expired holds stop counting by themselves; marking them and their
    -- invoices expired is the maintenance run's (expireStaleHolds), not
    -- work to do while every family waits on these locks.
    SELECT (SELECT number FROM invoice) AS number,
           twin.id AS "twinId", twin."householdId" AS "twinHouseholdId", twin.number AS "twinNumber",
           twin."totalCents" AS "twinTotalCents", twin."issuedAt" AS "twinIssuedAt", twin."heldUntil" AS "twinHeldUntil",
           (SELECT COALESCE(json_agg(json_build_object('personId', "personId", 'slotId', "slotId")), '[]') FROM already) AS already,
           (SELECT COALESCE(json_agg("slotId"), '[]') FROM full_slots) AS "fullSlots"
      FROM (SELECT 1) AS one LEFT JOIN twin ON true`;
  try {
    return await db.$transaction(
      async (tx) => {
        // Staff may open a campaign between pricing and here: the rule is read
        // again in the transaction, and only for services that have it, so
        // every other hold keeps its two statements.
        if (fileUpdateItems.length > 0) {
          const rule = await fileUpdateRequiredDays(tx, householdId, [...fileUpdate.productIds]);
          for (const item of fileUpdateItems) {
            const refusal = fileUpdateRefusal(rule, item.productId, item.date);
            if (refusal) throw new AppError("INVALID", refusal);
          }
        }
        // The row locks serialise every hold on these slots until commit;
        // the next statement starts after them, so at READ COMMITTED it sees
        // every booking committed before us.
        await lockRows(tx, "Slot", slotIds);
        const [result] = await tx.$queryRaw<HoldStatement[]>(statement);
        // A double click waited on the lock behind its twin: answer with the twin's invoice.
        if (result.twinId) {
          return toHoldResult(householdId, {
            id: result.twinId,
            householdId: result.twinHouseholdId!,
            number: result.twinNumber!,
            totalCents: result.twinTotalCents!,
            issuedAt: result.twinIssuedAt!,
            heldUntil: result.twinHeldUntil,
          });
        }
        const already = rawJson<{ personId: string; slotId: string }[]>(result.already);
        const twinItem = items.find((i) => already.some((b) => b.personId === i.personId && b.slotId === i.slotId));
        if (twinItem) {
          throw new AppError("CONFLICT", `${twinItem.child.firstName} a déjà une réservation le ${fullDayLabel(twinItem.date)} (${twinItem.product.name}).`);
        }
        const full = new Set(rawJson<string[]>(result.fullSlots));
        const fullSlot = slotIds.find((id) => full.has(id));
        if (fullSlot) {
          const first = items.find((i) => i.slotId === fullSlot)!;
          throw new AppError("CONFLICT", `Complet : plus de place le ${fullDayLabel(first.date)} (${first.product.name}).`);
        }
        if (result.number === null) throw new Error("The hold statement wrote nothing and gave no reason.");
        return { invoiceId, number: Number(result.number), heldUntil, totalCents, reused: false };
      },
      { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted, timeout: 20_000, maxWait: 20_000 },
    );
  } catch (error) {
    // Two submissions with one key that touched no common slot: the loser of the unique index answers with the winner.
    if (isUniqueViolation(error)) {
      const winner = await findBySubmissionKey(db, householdId, submissionKey);
      if (winner) return winner;
    }
    throw error;
  }
}

type HoldStatement = {
  number: number | null;
  twinId: string | null;
  twinHouseholdId: string | null;
  twinNumber: number | null;
  twinTotalCents: number | null;
  twinIssuedAt: Date | null;
  twinHeldUntil: Date | null;
  already: unknown;
  fullSlots: unknown;
};

/** Active = confirmed, or held with a hold still running: `activeBookingWhere` in SQL, for the hold's statement. */
function activeSql(now: Date) {
  return Prisma.sql`(b.status = 'CONFIRMED' OR (b.status = 'HELD' AND b."heldUntil" > ${now}::timestamp(3)))`;
}


/** A unique index refused the insert; the raw statement's refusal comes as P2010 carrying the driver's code. */
function isUniqueViolation(error: unknown) {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  const cause = (error.meta as { driverAdapterError?: { cause?: { kind?: string } } } | undefined)?.driverAdapterError?.cause;
  return error.code === "P2002" || cause?.kind === "UniqueConstraintViolation";
}

async function findBySubmissionKey(db: Db, householdId: string, submissionKey: string): Promise<HoldResult | undefined> {
  const invoice = await db.invoice.findUnique({
    where: { submissionKey },
    include: { bookings: { select: { heldUntil: true }, take: 1 } },
  });
  if (!invoice) return undefined;
  return toHoldResult(householdId, { ...invoice, heldUntil: invoice.bookings[0]?.heldUntil ?? null });
}

function toHoldResult(
  householdId: string,
  invoice: { id: string; householdId: string; number: number; totalCents: number; issuedAt: Date; heldUntil: Date | null },
): HoldResult {
  // Another household's key (a forged form): say nothing about it.
  if (invoice.householdId !== householdId) throw new AppError("NOT_FOUND", "Réservation introuvable.");
  return {
    invoiceId: invoice.id,
    number: Number(invoice.number),
    heldUntil: invoice.heldUntil ?? invoice.issuedAt,
    totalCents: Number(invoice.totalCents),
    reused: true,
  };
}
