import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";

/**
 * The "Désinscription" link must work from the mailbox without signing in,
 * and must not let anyone unsubscribe someone else: it carries the user id
 * and an HMAC of it under the app's secret. Nothing is stored; rotating
 * AUTH_SECRET invalidates old links, which then only ask to sign in.
 */
function signature(userId: string): string {
  return createHmac("sha256", env().authSecret).update(`unsubscribe:${userId}`).digest("base64url");
}

export function unsubscribeUrl(userId: string): string {
  const query = new URLSearchParams({ u: userId, s: signature(userId) });
  return `${env().appUrl}/desinscription?${query.toString()}`;
}

export function verifyUnsubscribeSignature(userId: string, given: string): boolean {
  const expected = Buffer.from(signature(userId));
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
