import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { getDb, type Tx } from "@/lib/db/client";
import { env } from "@/lib/env";

/**
 * The "Désinscription" link must work from the mailbox without signing in,
 * and must not let anyone unsubscribe someone else: it carries the user id
 * and an HMAC of it under the app's secret. Nothing is stored; rotating
 * AUTH_SECRET invalidates old links, which then only ask to sign in.
 *
 * Two kinds of mail can be turned off, each by its own link: service mails
 * (documents and requests handled, an online payment started: see
 * lib/billing/notify.ts for why a payment's result is still sent) and
 * reminders. The kind is part of what
 * is signed, so a service mail's link cannot be edited into turning off
 * reminders, or the reverse. Service links keep their original form, so the
 * ones already in mailboxes still work.
 */
export type UnsubscribeKind = "service" | "rappels";

function signature(userId: string, kind: UnsubscribeKind): string {
  const subject = kind === "service" ? `unsubscribe:${userId}` : `unsubscribe:${kind}:${userId}`;
  return createHmac("sha256", env().authSecret).update(subject).digest("base64url");
}

export function unsubscribeUrl(userId: string, kind: UnsubscribeKind = "service"): string {
  const query = new URLSearchParams({ u: userId, s: signature(userId, kind), ...(kind === "service" ? {} : { k: kind }) });
  return `${env().appUrl}/desinscription?${query.toString()}`;
}

export function verifyUnsubscribeSignature(userId: string, given: string, kind: UnsubscribeKind = "service"): boolean {
  const expected = Buffer.from(signature(userId, kind));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/**
 * Records the parent's choice and audits it when it changed, so staff asked
 * "why did I get no email?" can see when and how service emails went off.
 * False when no such account.
 */
async function recordServiceEmailsChoice(tx: Tx, { userId, receive, via }: { userId: string; receive: boolean; via: "lien" | "mon-espace" }) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { firstName: true, lastName: true } });
  if (!user) return false;
  // Conditional on the other value: a second click, or two at once, audits nothing more.
  const changed = await tx.user.updateMany({ where: { id: userId, serviceEmailsOptOut: receive }, data: { serviceEmailsOptOut: !receive } });
  if (changed.count === 0) return true;
  await recordAudit(tx, {
    actorId: userId,
    action: "account.service_emails",
    targetType: "User",
    targetId: userId,
    details: { label: `${user.firstName} ${user.lastName}`, serviceEmails: receive ? "réactivés" : "désactivés", via },
  });
  return true;
}

/** Turns service emails off for the account the signed link names; false when the link is not genuine. */
export async function unsubscribeFromServiceEmails({ userId, signature: given }: { userId: string; signature: string }) {
  if (!verifyUnsubscribeSignature(userId, given)) return false;
  const db = await getDb();
  return db.$transaction((tx) => recordServiceEmailsChoice(tx, { userId, receive: false, via: "lien" }));
}

export const ServiceEmailsSchema = z.object({
  // An unticked checkbox sends nothing at all.
  serviceEmails: z.literal("on").optional(),
});

/** Mon espace › "E-mails du service": the way back after a Désinscription, and the way out without a mail at hand. */
export async function setServiceEmails({ userId, receive }: { userId: string; receive: boolean }) {
  const db = await getDb();
  await db.$transaction((tx) => recordServiceEmailsChoice(tx, { userId, receive, via: "mon-espace" }));
}

/** Whether the account receives service emails (documents and démarches handled, an online payment started). */
export async function getServiceEmails({ userId }: { userId: string }): Promise<boolean> {
  const db = await getDb();
  const user = await db.user.findUnique({ where: { id: userId }, select: { serviceEmailsOptOut: true } });
  return !(user?.serviceEmailsOptOut ?? false);
}

/** Turns reminders off (they are back with the box in Mon espace); false when the link is not genuine. */
export async function unsubscribeFromReminders({ userId, signature: given }: { userId: string; signature: string }) {
  if (!verifyUnsubscribeSignature(userId, given, "rappels")) return false;
  const db = await getDb();
  const updated = await db.user.updateMany({ where: { id: userId }, data: { remindersOptIn: false } });
  return updated.count === 1;
}
