import "server-only";
import { env } from "@/lib/env";
import { getDb } from "@/lib/db/client";

/**
 * Failed sign-ins are counted in the database, so that every app instance
 * sees the same counts, under two keys at once:
 *
 * - the account, once the login resolves to one: its identifiant and its
 *   email share one budget, so switching from one to the other gives no
 *   extra tries;
 * - for a login that matches no account, the login as typed (normalised),
 *   so an unknown login is throttled exactly like a real one;
 *
 * and always the client address.
 */
export const loginKey = (login: string) => `login:${login.trim().toLowerCase()}`;
export const accountKey = (userId: string) => `account:${userId}`;
export const addressKey = (address: string) => `ip:${address}`;

/** The key a sign-in attempt counts under: the account when the login names one, the login as typed otherwise. */
export const attemptKey = (login: string, userId: string | null | undefined) =>
  userId ? accountKey(userId) : loginKey(login);

function windowStart(now: Date) {
  return new Date(now.getTime() - env().login.windowMinutes * 60_000);
}

/** `key` comes from `attemptKey`. */
export async function isLoginThrottled(key: string, address: string, now = new Date()): Promise<boolean> {
  const db = await getDb();
  const since = windowStart(now);
  const [perKey, perAddress] = await Promise.all([
    db.loginFailure.count({ where: { key, createdAt: { gt: since } } }),
    db.loginFailure.count({ where: { key: addressKey(address), createdAt: { gt: since } } }),
  ]);
  return perKey >= env().login.maxPerAccount || perAddress >= env().login.maxPerAddress;
}

export async function recordLoginFailure(key: string, address: string, now = new Date()) {
  const db = await getDb();
  await db.loginFailure.createMany({
    data: [
      { key, createdAt: now },
      { key: addressKey(address), createdAt: now },
    ],
  });
}

/** A successful sign-in clears its key's count (not the address's). */
export async function clearLoginFailures(key: string) {
  const db = await getDb();
  await db.loginFailure.deleteMany({ where: { key } });
}

/** Periodic tidy-up: old rows no longer count. */
export async function purgeLoginFailures(now = new Date()) {
  const db = await getDb();
  await db.loginFailure.deleteMany({ where: { createdAt: { lt: windowStart(now) } } });
}
