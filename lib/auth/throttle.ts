import { env } from "@/lib/env";
import { getDb } from "@/lib/db/client";

/**
 * Failed sign-ins are counted per submitted login and per client address,
 * in the database so that every app instance sees the same counts. The key
 * is the login as typed (normalised), not the account, so an unknown login
 * is throttled exactly like a real one and nothing is revealed.
 */
export const loginKey = (login: string) => `login:${login.trim().toLowerCase()}`;
export const addressKey = (address: string) => `ip:${address}`;

function windowStart(now: Date) {
  return new Date(now.getTime() - env().login.windowMinutes * 60_000);
}

export async function isLoginThrottled(login: string, address: string, now = new Date()): Promise<boolean> {
  const db = await getDb();
  const since = windowStart(now);
  const [perLogin, perAddress] = await Promise.all([
    db.loginFailure.count({ where: { key: loginKey(login), createdAt: { gt: since } } }),
    db.loginFailure.count({ where: { key: addressKey(address), createdAt: { gt: since } } }),
  ]);
  return perLogin >= env().login.maxPerAccount || perAddress >= env().login.maxPerAddress;
}

export async function recordLoginFailure(login: string, address: string, now = new Date()) {
  const db = await getDb();
  await db.loginFailure.createMany({
    data: [
      { key: loginKey(login), createdAt: now },
      { key: addressKey(address), createdAt: now },
    ],
  });
}

/** A successful sign-in clears the login's count (not the address's). */
export async function clearLoginFailures(login: string) {
  const db = await getDb();
  await db.loginFailure.deleteMany({ where: { key: loginKey(login) } });
}

/** Periodic tidy-up: old rows no longer count. */
export async function purgeLoginFailures(now = new Date()) {
  const db = await getDb();
  await db.loginFailure.deleteMany({ where: { createdAt: { lt: windowStart(now) } } });
}
