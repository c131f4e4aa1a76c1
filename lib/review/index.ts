import "server-only";
import { z } from "zod";
import { recordAudit, type Actor, type AuditAction, type AuditDetails } from "@/lib/audit";
import { assertActor } from "@/lib/auth/roles";
import { getDb, type Tx } from "@/lib/db/client";
import { lockRows } from "@/lib/db/locks";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { ReviewStatus } from "@/lib/generated/prisma/client";
import { deliverQueuedEmails } from "@/lib/mail";
import { queueServiceEmails } from "@/lib/mail/service";
import { ReviewDecisionEmail, reviewDecisionSubject } from "@/lib/mail/templates";
import { getSettings } from "@/lib/settings";

const REFUSAL_REASON_MIN = 5;
export const RefusalReasonSchema = z
  .string({ error: "Indiquez le motif du refus." })
  .trim()
  .min(REFUSAL_REASON_MIN, "Indiquez le motif du refus (5 caractères au moins) : il est envoyé à la famille.")
  .max(500, "Le motif ne peut pas dépasser 500 caractères.");

/** The reason as it will be emailed, or an INVALID error with the field's message. */
export function checkRefusalReason(reason: string): string {
  const parsed = RefusalReasonSchema.safeParse(reason);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Indiquez le motif du refus.";
    throw new AppError("INVALID", message, { reason: message });
  }
  return parsed.data;
}

type Decision = Exclude<ReviewStatus, "PENDING">;

export type DecisionOutcome = { householdId: string; emailsSent: number; emailsFailed: number };

/** An item as its kind read it once locked. */
export type ReviewItem = {
  id: string;
  householdId: string;
  /** Still "En attente" and not withdrawn by the family: the only state a decision may leave. */
  pending: boolean;
  /** Names the item in the audit log and the email ("Justificatif de domicile", "Changement d'adresse"). */
  label: string;
  auditDetails?: AuditDetails;
};

type DecisionContext = { actor: Actor; decision: Decision; reason: string | null; now: Date };

/**
 * What differs between a document and a request under review: its table,
 * its French messages, its audit actions and email, and its own writes.
 * Everything else about a decision is `decide`'s.
 */
export type ReviewKind<Item extends ReviewItem> = {
  kind: "document" | "request";
  table: "Document" | "Request";
  notFound: string;
  alreadyDecided: string;
  auditActions: Record<Decision, AuditAction>;
  emailTemplates: Record<Decision, string>;
  /** Where the email sends the parent, from the portal's root. */
  portalPath: string;
  load(tx: Tx, id: string): Promise<Item | null>;
  /** Records the decision on the item (and what follows from it), once it is known to be pending. */
  apply(tx: Tx, item: Item, context: DecisionContext): Promise<void>;
};

/**
 * The one staff decision on something a family sent. The item's row is
 * locked before its state is read, so of two decisions at once (a double
 * click, two agents) the second waits, then finds it decided and changes
 * nothing. The decision, its audit record and the family's emails commit
 * together; the emails are delivered after commit, and what does not go
 * then stays queued and is retried.
 */
export async function decide<Item extends ReviewItem>(
  review: ReviewKind<Item>,
  { actor, id, decision, reason }: { actor: Actor; id: string; decision: Decision; reason?: string },
): Promise<DecisionOutcome> {
  // Whoever calls this (an action, a script, a test) must name a staff member: a parent's id never decides.
  assertActor(actor, "staff");
  const refusalReason = decision === "REFUSED" ? checkRefusalReason(reason ?? "") : null;
  const db = await getDb();
  const settings = await getSettings();
  const decided = await db.$transaction(async (tx) => {
    await lockRows(tx, review.table, [id]);
    const item = await review.load(tx, id);
    if (!item) throw new AppError("NOT_FOUND", review.notFound);
    if (!item.pending) throw new AppError("CONFLICT", review.alreadyDecided);
    await review.apply(tx, item, { actor, decision, reason: refusalReason, now: new Date() });
    await recordAudit(tx, {
      actorId: actor.id,
      action: review.auditActions[decision],
      targetType: review.table,
      targetId: item.id,
      details: { label: item.label, householdId: item.householdId, ...item.auditDetails, reason: refusalReason ?? undefined },
    });
    const emailIds = await queueServiceEmails(tx, {
      householdId: item.householdId,
      subject: reviewDecisionSubject({ kind: review.kind, decision }),
      template: review.emailTemplates[decision],
      render: (recipient, unsubscribeUrl) =>
        ReviewDecisionEmail({
          settings,
          firstName: recipient.firstName,
          kind: review.kind,
          label: item.label,
          decision,
          reason: refusalReason,
          portalUrl: `${env().appUrl}${review.portalPath}`,
          unsubscribeUrl,
        }),
    });
    return { householdId: item.householdId, emailIds };
  });
  const sent = await deliverQueuedEmails({ ids: decided.emailIds });
  return { householdId: decided.householdId, emailsSent: sent.sent, emailsFailed: sent.failed };
}
