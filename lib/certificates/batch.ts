import "server-only";
import { createElement } from "react";
import { recordAudit } from "@/lib/audit";
import { assertActor } from "@/lib/auth/roles";
import { parisDay } from "@/lib/dates";
import { getDb, type Db } from "@/lib/db/client";
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

type ChunkResult = { processed: number; issued: number; emailIds: string[] };

/**
 * One chunk of a batch, in one transaction: the figures of the next
 * households (after `done`), their certificates written (replaced when the
 * year's was issued before), one email per household with a certificate to
 * its first active parent account, and the progress. The progress moves
 * only from the value read, so a second runner on the same batch (the
 * maintenance run resuming it while the first still works) rolls back
 * instead of writing the chunk twice.
 */
async function runChunk(db: Db, batch: { id: string; year: number; done: number }, candidates: string[], email: { html: string; text: string; subject: string }, now: Date, size: number): Promise<ChunkResult> {
  const chunk = candidates.slice(batch.done, batch.done + size);
  const inputs = await loadTaxInputs(db, chunk, batch.year);
  const issued = chunk
    .map((householdId) => ({ householdId, ...computeTaxFigures(inputs.get(householdId)!) }))
    .filter((c) => c.totalCents > 0);
  const ids = issued.map((c) => c.householdId);
  const [previous, recipients] = await Promise.all([
    db.taxCertificate.findMany({ where: { householdId: { in: ids }, year: batch.year }, select: { householdId: true, children: true, emailedAt: true } }),
    db.$queryRaw<{ email: string; householdId: string }[]>(Prisma.sql`
      SELECT DISTINCT ON (p."householdId") u.email, p."householdId" FROM "User" u JOIN "Person" p ON p.id = u."personId"
       WHERE u.status = 'ACTIVE' AND u.role = 'PARENT' AND u.email <> '' AND p."householdId" = ANY(${ids}::text[])
       ORDER BY p."householdId", u."createdAt", u.id`),
  ]);
  const before = new Map(previous.map((p) => [p.householdId, p]));
  const to = new Map(recipients.map((r) => [r.householdId, r.email]));
  const rows = issued.map((c) => {
    const old = before.get(c.householdId);
    // Issued again with the same figures and already told: not told twice.
    const told = old?.emailedAt && sameFigures(storedChildren(old.children), c.children) ? old.emailedAt : null;
    const mail = !told && to.has(c.householdId) ? { id: newRowId(), to: to.get(c.householdId)! } : null;
    return { id: newRowId(), householdId: c.householdId, children: c.children, totalCents: c.totalCents, emailedAt: told ?? (mail ? now : null), mail };
  });
  const mails = rows.flatMap((r) => (r.mail ? [r.mail] : []));
  await db.$transaction(async (tx) => {
    const moved = await tx.certificateBatch.updateMany({
      where: { id: batch.id, status: "RUNNING", done: batch.done },
      data: { done: batch.done + chunk.length, emailed: { increment: mails.length } },
    });
    if (moved.count !== 1) throw new BatchMovedOn();
    if (rows.length) {
      // One statement for the chunk, as the campaign run writes its rows: Prisma's upsert is one round trip per household.
      await tx.$executeRaw(Prisma.sql`
        INSERT INTO "TaxCertificate" (id, "householdId", year, children, "totalCents", "batchId", "issuedAt", "emailedAt")
        SELECT r.id, r."householdId", ${batch.year}, r.children, r."totalCents", ${batch.id}, ${now}::timestamp(3), r."emailedAt"::timestamp(3)
          FROM jsonb_to_recordset(${JSON.stringify(rows.map(({ mail: _mail, ...r }) => r))}::jsonb)
            AS r(id text, "householdId" text, children jsonb, "totalCents" int, "emailedAt" text)
        ON CONFLICT ("householdId", year) DO UPDATE SET children = EXCLUDED.children, "totalCents" = EXCLUDED."totalCents",
          "batchId" = EXCLUDED."batchId", "issuedAt" = EXCLUDED."issuedAt", "emailedAt" = EXCLUDED."emailedAt"`);
    }
    if (mails.length) {
      const clock = new Date();
      await tx.$executeRaw(Prisma.sql`
        INSERT INTO "EmailMessage" (id, "to", subject, template, html, text, status, attempts, "nextAttemptAt", "createdAt")
        SELECT m.id, m."to", ${email.subject}, 'tax-certificate', ${email.html}, ${email.text}, 'QUEUED', 0, ${clock}::timestamp(3), ${clock}::timestamp(3)
          FROM json_to_recordset(${JSON.stringify(mails)}::json) AS m(id text, "to" text)`);
    }
  });
  return { processed: chunk.length, issued: rows.length, emailIds: mails.map((m) => m.id) };
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
    const settings = await getSettings();
    const subject = taxCertificateSubject(batch.year);
    // The same message for every family: rendered once per run.
    const rendered = await renderEmail({
      subject,
      element: createElement(TaxCertificateEmail, { settings, year: batch.year, url: `${env().appUrl}/factures/attestations` }),
    });
    while (batch.done < candidates.length) {
      const { emailIds } = await runChunk(db, batch, candidates, { ...rendered, subject }, now, chunkSize);
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
