import "server-only";
import { assertActor } from "@/lib/auth/roles";
import { recordAudit, type Actor } from "@/lib/audit";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { EmailStatus, Prisma } from "@/lib/generated/prisma/client";
import { deliverQueuedEmails } from "./index";

/**
 * What staff must know about: messages given up (FAILED), and queued ones
 * that already failed at least once (the provider is refusing or down).
 */
const undelivered: Prisma.EmailMessageWhereInput = {
  OR: [{ status: "FAILED" }, { status: "QUEUED", attempts: { gt: 0 } }],
};

export type UndeliveredEmailDto = {
  id: string;
  to: string;
  subject: string;
  template: string;
  status: EmailStatus;
  attempts: number;
  error: string | null;
  nextAttemptAt: Date | null;
  createdAt: Date;
};

export const UNDELIVERED_PAGE_SIZE = 200;

export async function countUndeliveredEmails(): Promise<number> {
  const db = await getDb();
  return db.emailMessage.count({ where: undelivered });
}

/** Newest first, the body left out (it may carry a single-use link). */
export async function listUndeliveredEmails(): Promise<UndeliveredEmailDto[]> {
  const db = await getDb();
  return db.emailMessage.findMany({
    where: undelivered,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: UNDELIVERED_PAGE_SIZE,
    select: {
      id: true,
      to: true,
      subject: true,
      template: true,
      status: true,
      attempts: true,
      error: true,
      nextAttemptAt: true,
      createdAt: true,
    },
  });
}

/**
 * "Renvoyer": the message goes back to the queue with a fresh set of
 * attempts and is tried at once. Returns whether it went this time; if not
 * it stays queued and the maintenance job keeps trying.
 */
export async function retryEmail({
  actor,
  emailId,
  now = new Date(),
}: {
  actor: Actor;
  emailId: string;
  now?: Date;
}): Promise<{ sent: boolean }> {
  assertActor(actor, "staff");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    // Conditional on still being undelivered: a message sent meanwhile is not sent twice.
    const requeued = await tx.emailMessage.updateMany({
      where: { id: emailId, ...undelivered },
      data: { status: "QUEUED", attempts: 0, nextAttemptAt: now },
    });
    const message = await tx.emailMessage.findUnique({ where: { id: emailId }, select: { to: true, subject: true } });
    if (!message) throw new AppError("NOT_FOUND", "Message introuvable.");
    if (requeued.count !== 1) throw new AppError("CONFLICT", "Ce message a déjà été envoyé ou remis dans la file.");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "email.retry",
      targetType: "EmailMessage",
      targetId: emailId,
      details: { label: message.subject, to: message.to },
    });
  });
  const { sent } = await deliverQueuedEmails({ ids: [emailId], now });
  return { sent: sent === 1 };
}
