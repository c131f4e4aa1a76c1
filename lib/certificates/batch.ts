import "server-only";
import { createElement } from "react";
import { recordAudit } from "@/lib/audit";
import { assertActor } from "@/lib/auth/roles";
import { parisDay } from "@/lib/dates";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import { newRowId } from "@/lib/db/ids";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { Prisma, type BatchStatus, type Role } from "@/lib/generated/prisma/client";
import { deliverQueuedEmails, renderEmail } from "@/lib/mail";
import { TaxCertificateEmail, taxCertificateSubject } from "@/lib/mail/templates/tax-certificate-email";
import { getSettings } from "@/lib/settings";
import { computeTaxFigures, loadTaxInputs, storedChildren, taxCertificateCandidates, type TaxChild } from "./tax";

/** Households per transaction: small enough that a chunk commits in well under a second, large enough to read in few queries. */
export const CERTIFICATE_CHUNK = 250;

/** The year staff are offered: the one that ended, by the service's calendar. */
export function defaultCertificateYear(now: Date): number {
  return Number(parisDay(now).slice(0, 4)) - 1;
}

/**
 * A certificate states what was paid in a year: only a year that has ended
 * can be certified, and its payments no longer change, so the list of
 * households a batch walks through stays the same when it is resumed.
 */
export function checkCertificateYear(year: number, now: Date): void {
  const last = defaultCertificateYear(now);
  if (!Number.isInteger(year) || year < 2000 || year > last) {
    throw new AppError("INVALID", `Choisissez une année terminée (au plus ${last}).`, { year: `Choisissez une année terminée (au plus ${last}).` });
  }
}

/**
 * "Générer les attestations fiscales": opens a batch over every household
 * that received money on an invoice in the year; the work itself runs in
 * the background (runCertificateBatch). One batch at a time: a second one
 * is refused while one runs.
 */
export async function startCertificateBatch({ actor, year, now = new Date() }: { actor: { id: string; role: Role }; year: number; now?: Date }) {
  assertActor(actor, "staff");
  checkCertificateYear(year, now);
  const db = await getDb();
  const candidates = await taxCertificateCandidates(db, year);
  return db.$transaction(async (tx) => {
    // One starter at a time: the check and the insert under the same lock.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('certificate-batch'))`;
    const running = await tx.certificateBatch.findFirst({ where: { status: "RUNNING" }, select: { year: true } });
    if (running) throw new AppError("CONFLICT", `Une génération des attestations ${running.year} est déjà en cours : attendez qu'elle se termine.`);
    const batch = await tx.certificateBatch.create({ data: { year, total: candidates.length, createdById: actor.id, startedAt: now } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "tax_certificate.batch",
      targetType: "CertificateBatch",
      targetId: batch.id,
      details: { label: `Attestations fiscales ${year}`, year, households: candidates.length },
    });
    return { id: batch.id, total: candidates.length };
  });
}

type RenderedEmail = { subject: string; html: string; text: string };
type Prepared = {
  rows: { id: string; householdId: string; children: TaxChild[]; totalCents: number; emailedAt: Date | null }[];
  mails: { id: string; to: string }[];
};

/** The email of a year's certificates: the same for every family (see TaxCertificateEmail), rendered once per run. */
async function certificateEmail(year: number): Promise<RenderedEmail> {
  const subject = taxCertificateSubject(year);
  const element = createElement(TaxCertificateEmail, { settings: await getSettings(), year, url: `${env().appUrl}/factures/attestations` });
  return { subject, ...(await renderEmail({ subject, element })) };
}

/**
 * Reads and computes, outside any transaction, the certificates of some
 * households: those with an amount, each with the email to queue to its
 * first active parent account — none when the same figures were already
 * sent (issued again, the family is not told twice).
 */
async function prepareCertificates(db: Db, year: number, householdIds: string[], now: Date): Promise<Prepared> {
  const inputs = await loadTaxInputs(db, householdIds, year);
  const issued = householdIds.map((householdId) => ({ householdId, ...computeTaxFigures(inputs.get(householdId)!) })).filter((c) => c.totalCents > 0);
  const ids = issued.map((c) => c.householdId);
  const [previous, recipients] = await Promise.all([
    db.taxCertificate.findMany({ where: { householdId: { in: ids }, year }, select: { householdId: true, children: true, emailedAt: true } }),
    db.$queryRaw<{ email: string; householdId: string }[]>(Prisma.sql`
      SELECT DISTINCT ON (p."householdId") u.email, p."householdId" FROM "User" u JOIN "Person" p ON p.id = u."personId"
       WHERE u.status = 'ACTIVE' AND u.role = 'PARENT' AND u.email <> '' AND p."householdId" = ANY(${ids}::text[])
       ORDER BY p."householdId", u."createdAt", u.id`),
  ]);
  const before = new Map(previous.map((p) => [p.householdId, p]));
  const to = new Map(recipients.map((r) => [r.householdId, r.email]));
  const mails: Prepared["mails"] = [];
  const rows = issued.map((c) => {
    const old = before.get(c.householdId);
    const told = old?.emailedAt && sameFigures(storedChildren(old.children), c.children) ? old.emailedAt : null;
    if (!told && to.has(c.householdId)) mails.push({ id: newRowId(), to: to.get(c.householdId)! });
    return { id: newRowId(), householdId: c.householdId, children: c.children, totalCents: c.totalCents, emailedAt: told ?? (to.has(c.householdId) ? now : null) };
  });
  return { rows, mails };
}

/** Writes prepared certificates (replacing the year's earlier ones) and queues their emails, in the caller's transaction. */
async function writeCertificatesInTx(tx: Tx, { year, batchId, prepared, email, now }: { year: number; batchId: string | null; prepared: Prepared; email: RenderedEmail; now: Date }) {
  if (prepared.rows.length) {
    // One statement for all of them, as the campaign run writes its rows: Prisma's upsert is one round trip per household.
    await tx.$executeRaw(Prisma.sql`
      INSERT INTO "TaxCertificate" (id, "householdId", year, children, "totalCents", "batchId", "issuedAt", "emailedAt")
      SELECT r.id, r."householdId", ${year}, r.children, r."totalCents", ${batchId}, ${now}::timestamp(3), r."emailedAt"::timestamp(3)
        FROM jsonb_to_recordset(${JSON.stringify(prepared.rows)}::jsonb)
          AS r(id text, "householdId" text, children jsonb, "totalCents" int, "emailedAt" text)
      ON CONFLICT ("householdId", year) DO UPDATE SET children = EXCLUDED.children, "totalCents" = EXCLUDED."totalCents",
        "batchId" = EXCLUDED."batchId", "issuedAt" = EXCLUDED."issuedAt", "emailedAt" = EXCLUDED."emailedAt"`);
  }
  if (prepared.mails.length) {
    const clock = new Date();
    await tx.$executeRaw(Prisma.sql`
      INSERT INTO "EmailMessage" (id, "to", subject, template, html, text, status, attempts, "nextAttemptAt", "createdAt")
      SELECT m.id, m."to", ${email.subject}, 'tax-certificate', ${email.html}, ${email.text}, 'QUEUED', 0, ${clock}::timestamp(3), ${clock}::timestamp(3)
        FROM json_to_recordset(${JSON.stringify(prepared.mails)}::json) AS m(id text, "to" text)`);
  }
}

/**
 * One chunk of a batch, in one transaction: the next households' (after
 * `done`) certificates, their emails and the progress. The progress moves
 * only from the value read, so a second runner on the same batch (the
 * maintenance run resuming it while the first still works) rolls back
 * instead of writing the chunk twice.
 */
async function runChunk(db: Db, batch: { id: string; year: number; done: number }, candidates: string[], email: RenderedEmail, now: Date, size: number): Promise<string[]> {
  const chunk = candidates.slice(batch.done, batch.done + size);
  const prepared = await prepareCertificates(db, batch.year, chunk, now);
  await db.$transaction(async (tx) => {
    const moved = await tx.certificateBatch.updateMany({
      where: { id: batch.id, status: "RUNNING", done: batch.done },
      data: { done: batch.done + chunk.length, emailed: { increment: prepared.mails.length } },
    });
    if (moved.count !== 1) throw new BatchMovedOn();
    await writeCertificatesInTx(tx, { year: batch.year, batchId: batch.id, prepared, email, now });
  });
  return prepared.mails.map((m) => m.id);
}

/**
 * "Générer l'attestation" for one household (a family that asks again, a
 * correction after the batch): the same computation and email as the
 * batch's. Refused in French when the family has nothing to certify.
 */
export async function issueTaxCertificate({
  actor,
  householdId,
  year,
  now = new Date(),
  deliver = true,
}: {
  actor: { id: string; role: Role };
  householdId: string;
  year: number;
  now?: Date;
  deliver?: boolean;
}): Promise<{ totalCents: number; emailed: boolean }> {
  assertActor(actor, "staff");
  checkCertificateYear(year, now);
  const db = await getDb();
  const prepared = await prepareCertificates(db, year, [householdId], now);
  const row = prepared.rows[0];
  if (!row) throw new AppError("INVALID", `Cette famille n'a rien payé en ${year} pour la garde d'un enfant de moins de 6 ans : aucune attestation à établir.`);
  const email = await certificateEmail(year);
  await db.$transaction(async (tx) => {
    await writeCertificatesInTx(tx, { year, batchId: null, prepared, email, now });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "tax_certificate.issue",
      targetType: "Household",
      targetId: householdId,
      details: { label: `Attestation fiscale ${year}`, year, totalCents: row.totalCents },
    });
  });
  if (deliver && prepared.mails.length) await deliverQueuedEmails({ ids: prepared.mails.map((m) => m.id) });
  return { totalCents: row.totalCents, emailed: prepared.mails.length > 0 };
}

class BatchMovedOn extends Error {}

// Compared field by field: jsonb gives the stored objects back with their keys in its own order.
const figuresKey = (children: TaxChild[]) => children.map((c) => [c.personId, c.firstName, c.lastName, c.birthDate, c.paidCents, c.creditedCents, c.amountCents].join("|")).join("\n");
const sameFigures = (a: TaxChild[], b: TaxChild[]) => figuresKey(a) === figuresKey(b);

/**
 * Runs a batch to its end, chunk after chunk, from where its progress
 * says (so a batch cut short by a restart resumes where it stopped). A
 * failure marks it "Interrompu" with the error; another runner moving it
 * on first just ends this one. `deliver` sends each chunk's emails once it
 * has committed (the maintenance run retries what is left).
 */
export async function runCertificateBatch(
  batchId: string,
  { now = new Date(), chunkSize = CERTIFICATE_CHUNK, deliver = true }: { now?: Date; chunkSize?: number; deliver?: boolean } = {},
): Promise<{ status: BatchStatus; done: number; total: number }> {
  const db = await getDb();
  let batch = await db.certificateBatch.findUniqueOrThrow({ where: { id: batchId } });
  if (batch.status !== "RUNNING") return { status: batch.status, done: batch.done, total: batch.total };
  try {
    const candidates = await taxCertificateCandidates(db, batch.year);
    const email = await certificateEmail(batch.year);
    while (batch.done < candidates.length) {
      const emailIds = await runChunk(db, batch, candidates, email, now, chunkSize);
      if (deliver && emailIds.length) await deliverQueuedEmails({ ids: emailIds, limit: emailIds.length });
      batch = await db.certificateBatch.findUniqueOrThrow({ where: { id: batchId } });
      if (batch.status !== "RUNNING") return { status: batch.status, done: batch.done, total: batch.total };
    }
    batch = await db.certificateBatch.update({
      where: { id: batchId },
      data: { status: "DONE", finishedAt: new Date(), total: Math.max(batch.total, batch.done) },
    });
  } catch (error) {
    if (error instanceof BatchMovedOn) {
      batch = await db.certificateBatch.findUniqueOrThrow({ where: { id: batchId } });
      return { status: batch.status, done: batch.done, total: batch.total };
    }
    console.error("Génération des attestations fiscales interrompue", error);
    batch = await db.certificateBatch.update({
      where: { id: batchId },
      data: { status: "FAILED", finishedAt: new Date(), error: (error instanceof Error ? error.message : String(error)).slice(0, 2000) },
    });
  }
  return { status: batch.status, done: batch.done, total: batch.total };
}

/**
 * For the maintenance run: finishes the batches a restart left running.
 * Returns how many it took up.
 */
export async function resumeCertificateBatches(now: Date): Promise<number> {
  const db = await getDb();
  const running = await db.certificateBatch.findMany({ where: { status: "RUNNING" }, select: { id: true }, orderBy: { startedAt: "asc" } });
  for (const { id } of running) await runCertificateBatch(id, { now });
  return running.length;
}

/** The batches for the staff page, newest first, with who started them. */
export async function listCertificateBatches() {
  const db = await getDb();
  const batches = await db.certificateBatch.findMany({ orderBy: { startedAt: "desc" }, take: 20, include: { _count: { select: { certificates: true } } } });
  const ids = [...new Set(batches.map((b) => b.createdById).filter((id): id is string => !!id))];
  const users = new Map((await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, firstName: true, lastName: true } })).map((u) => [u.id, `${u.firstName} ${u.lastName}`]));
  return batches.map((b) => ({
    id: b.id,
    year: b.year,
    status: b.status,
    done: b.done,
    total: b.total,
    emailed: b.emailed,
    certificates: b._count.certificates,
    error: b.error,
    startedAt: b.startedAt,
    finishedAt: b.finishedAt,
    by: b.createdById ? (users.get(b.createdById) ?? "—") : "—",
  }));
}

/** "Générer l'attestation" from the staff page, where staff type the family's number (n° on its invoices). */
export async function issueTaxCertificateByReference({ actor, reference, year, now = new Date() }: { actor: { id: string; role: Role }; reference: number; year: number; now?: Date }) {
  assertActor(actor, "staff");
  const db = await getDb();
  const household = await db.household.findUnique({ where: { reference }, select: { id: true, name: true } });
  if (!household) throw new AppError("NOT_FOUND", `Aucune famille n° ${reference}.`, { reference: `Aucune famille n° ${reference}.` });
  return { household: household.name, ...(await issueTaxCertificate({ actor, householdId: household.id, year, now })) };
}
