import "server-only";
import { recordAudit, type AuditDetails } from "@/lib/audit";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { loadRetentionSettings } from "@/lib/settings";
import { deleteStoredBytes, eraseDocumentsInTx, eraseIdentityFilesInTx } from "./files";

/**
 * The same moment `months` months earlier, in UTC, on the month's last day
 * when it is shorter: periods are counted in whole months, and a few hours
 * of time zone do not matter to them.
 */
export function monthsBefore(now: Date, months: number): Date {
  const date = new Date(now);
  const dayOfMonth = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(dayOfMonth, lastDay));
  return date;
}

/** Per run and per step, so one transaction stays small; the next run takes the rest. */
const BATCH = 500;

/** The name and member names an anonymised household is left with. */
export const ANONYMOUS = "Anonyme";

/**
 * The retention task of the maintenance run: erases what the retention
 * periods (Paramètres › Durées de conservation, written out by
 * `retentionRules`) have ended, and reports how many things it erased:
 * identity documents after the account's review, documents replaced,
 * refused or deleted, validated documents whose type's validity ran out,
 * audit events, and, for households whose account was closed, their
 * billing identity once the accounting period after their last operation
 * is over. Invoices, payments, credit notes and the ledger are never
 * deleted: after the period they stay, anonymised, so the series of
 * numbers and the accounts' sums remain whole.
 */
export async function runRetention(now: Date): Promise<number> {
  const db = await getDb();
  const settings = await loadRetentionSettings(db);
  let erased = 0;

  erased += (await db.auditEvent.deleteMany({ where: { createdAt: { lt: monthsBefore(now, 12 * settings.retentionAuditYears) } } })).count;
  erased += await eraseIdentityFiles(db, monthsBefore(now, settings.retentionIdentityMonths));

  const replacedCutoff = monthsBefore(now, settings.retentionReplacedDocumentMonths);
  erased += await eraseDocuments(db, "replaced", {
    OR: [{ replacedAt: { lt: replacedCutoff } }, { deletedAt: { lt: replacedCutoff } }, { status: "REFUSED", reviewedAt: { lt: replacedCutoff } }],
  });

  const types = await db.documentType.findMany({ where: { validityMonths: { not: null } }, select: { id: true, validityMonths: true } });
  for (const type of types) {
    // Valid validityMonths after its review, then kept retentionExpiredDocumentMonths more.
    const cutoff = monthsBefore(now, type.validityMonths! + settings.retentionExpiredDocumentMonths);
    erased += await eraseDocuments(db, "expired", { typeId: type.id, status: "VALIDATED", reviewedAt: { lt: cutoff } });
  }

  erased += await anonymiseClosedHouseholds(db, monthsBefore(now, 12 * settings.retentionAccountingYears), now);
  return erased;
}

/** What the maintenance erased, in the journal: no one acted, the retention rules did. */
function recordErasure(tx: Tx, targetType: "User" | "Household", targetId: string, details: AuditDetails) {
  return recordAudit(tx, { actorId: null, action: "retention.erase", targetType, targetId, details });
}

async function eraseIdentityFiles(db: Db, cutoff: Date): Promise<number> {
  const users = await db.user.findMany({
    where: { identityFileId: { not: null }, reviewedAt: { lt: cutoff } },
    select: { id: true, person: { select: { householdId: true } } },
    take: BATCH,
  });
  if (users.length === 0) return 0;
  const files = await db.$transaction(async (tx) => {
    const erased = await eraseIdentityFilesInTx(tx, users.map((u) => u.id));
    for (const user of users) {
      await recordErasure(tx, "User", user.id, { label: "Pièce d'identité de l'inscription", householdId: user.person?.householdId });
    }
    return erased;
  });
  await deleteStoredBytes(files);
  return files.length;
}

async function eraseDocuments(db: Db, reason: "replaced" | "expired", where: Prisma.DocumentWhereInput): Promise<number> {
  const ids = (await db.document.findMany({ where, select: { id: true }, take: BATCH })).map((d) => d.id);
  if (ids.length === 0) return 0;
  const { count, files } = await db.$transaction(async (tx) => {
    const perHousehold = await tx.document.groupBy({ by: ["householdId"], where: { id: { in: ids } }, _count: { _all: true } });
    const result = await eraseDocumentsInTx(tx, { id: { in: ids } });
    for (const row of perHousehold) {
      await recordErasure(tx, "Household", row.householdId, {
        label: reason === "replaced" ? "Documents remplacés, refusés ou supprimés" : "Documents dont la validité a pris fin",
        householdId: row.householdId,
        documents: row._count._all,
      });
    }
    return result;
  });
  await deleteStoredBytes(files);
  return count;
}

/** The household's last accounting operation (null: it never had one). */
async function lastOperation(tx: Tx, householdId: string): Promise<Date | null> {
  const [ledger, invoice, payment] = await Promise.all([
    tx.ledgerEntry.aggregate({ where: { householdId }, _max: { createdAt: true } }),
    tx.invoice.aggregate({ where: { householdId }, _max: { issuedAt: true } }),
    tx.payment.aggregate({ where: { householdId }, _max: { createdAt: true } }),
  ]);
  const dates = [ledger._max.createdAt, invoice._max.issuedAt, payment._max.createdAt].filter((d): d is Date => d != null);
  return dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : null;
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Replaces each of the names, as a whole word and whatever its case, by "Anonyme". */
export function scrubNames(text: string, names: string[]): string {
  const words = [...new Set(names.flatMap((n) => n.split(/[\s-]+/)).filter((w) => w.length >= 2 && w !== ANONYMOUS))];
  if (words.length === 0) return text;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])`, "giu");
  return text.replace(pattern, ANONYMOUS);
}

async function anonymiseClosedHouseholds(db: Db, accountingCutoff: Date, now: Date): Promise<number> {
  const candidates = await db.household.findMany({
    where: { closedAt: { not: null }, anonymisedAt: null },
    select: { id: true },
    orderBy: { closedAt: "asc" },
    take: BATCH,
  });
  let anonymised = 0;
  for (const { id } of candidates) {
    const done = await db.$transaction(async (tx) => {
      const last = await lastOperation(tx, id);
      if (last && last >= accountingCutoff) return false;
      const household = await tx.household.findUniqueOrThrow({ where: { id }, select: { name: true, reference: true, members: { select: { firstName: true, lastName: true } } } });
      const names = [household.name, ...household.members.flatMap((m) => [m.firstName, m.lastName])];
      const label = `Famille anonymisée n° ${household.reference}`;
      const updated = await tx.household.updateMany({
        where: { id, anonymisedAt: null },
        data: { name: label, address1: ANONYMOUS, address2: null, postalCode: "00000", city: ANONYMOUS, anonymisedAt: now },
      });
      if (updated.count !== 1) return false;
      await tx.person.updateMany({ where: { householdId: id }, data: { firstName: ANONYMOUS, lastName: ANONYMOUS, civility: null } });
      await tx.taxCertificate.deleteMany({ where: { householdId: id } });
      await tx.campaignRequest.deleteMany({ where: { householdId: id } });
      await tx.payment.updateMany({ where: { householdId: id }, data: { payerEmail: null, detail: Prisma.DbNull } });
      await tx.absence.updateMany({ where: { householdId: id }, data: { comment: null, refusalReason: null } });
      // What the accounts print keeps its amounts and numbers; only the names in their texts go.
      const lines = await tx.invoiceLine.findMany({ where: { invoice: { householdId: id } }, select: { id: true, label: true } });
      for (const line of lines) {
        const scrubbed = scrubNames(line.label, names);
        if (scrubbed !== line.label) await tx.invoiceLine.update({ where: { id: line.id }, data: { label: scrubbed } });
      }
      const notes = await tx.creditNote.findMany({ where: { householdId: id }, select: { id: true, reason: true } });
      for (const note of notes) {
        const scrubbed = scrubNames(note.reason, names);
        if (scrubbed !== note.reason) await tx.creditNote.update({ where: { id: note.id }, data: { reason: scrubbed } });
      }
      const entries = await tx.ledgerEntry.findMany({ where: { householdId: id }, select: { id: true, label: true } });
      for (const entry of entries) {
        const scrubbed = scrubNames(entry.label, names);
        if (scrubbed !== entry.label) await tx.ledgerEntry.update({ where: { id: entry.id }, data: { label: scrubbed } });
      }
      await recordErasure(tx, "Household", id, { label, anonymised: true });
      return true;
    });
    if (done) anonymised += 1;
  }
  return anonymised;
}
