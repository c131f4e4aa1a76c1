import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";

/**
 * The "Désinscription" link must work from the mailbox without signing in,
 * and must not let anyone unsubscribe someone else: it carries the user id
 * and an HMAC of it under the app's secret. Nothing is stored; rotating
 * AUTH_SECRET invalidates old links, which then only ask to sign in.
 *
 * Two kinds of mail can be turned off, each by its own link: service mails
 * (documents and requests handled) and reminders. The kind is part of what
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

/** Turns service emails off for the account the signed link names; false when the link is not genuine. */
export async function unsubscribeFromServiceEmails({ userId, signature: given }: { userId: string; signature: string }) {
  if (!verifyUnsubscribeSignature(userId, given)) return false;
  const db = await getDb();
  const updated = await db.user.updateMany({ where: { id: userId }, data: { serviceEmailsOptOut: true } });
  return updated.count === 1;
}

/** Turns reminders off (they are back with the box in Mon espace); false when the link is not genuine. */
export async function unsubscribeFromReminders({ userId, signature: given }: { userId: string; signature: string }) {
  if (!verifyUnsubscribeSignature(userId, given, "rappels")) return false;
  const db = await getDb();
  const updated = await db.user.updateMany({ where: { id: userId }, data: { remindersOptIn: false } });
  return updated.count === 1;
}
