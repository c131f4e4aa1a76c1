import "server-only";
import { getDb } from "@/lib/db/client";

/**
 * Sessions are stateless JWTs checked against `User.sessionVersion` on every
 * request (see the DAL). Ending a session on the server therefore means
 * bumping the version: every session of the account ends, on every device.
 * (A per-session revocation list would need its own table; signing out
 * everywhere on sign-out is the simpler, stricter choice.)
 */

/**
 * Sign-out: ends the sessions of the account that holds these claims, if
 * they are still current. A stale or forged pair of claims changes nothing,
 * and signing out twice bumps the version once.
 */
export async function revokeSession(claims: { id?: unknown; sv?: unknown } | null | undefined): Promise<void> {
  if (typeof claims?.id !== "string" || typeof claims.sv !== "number") return;
  const db = await getDb();
  await db.user.updateMany({
    where: { id: claims.id, sessionVersion: claims.sv },
    data: { sessionVersion: { increment: 1 } },
  });
}

/** "Se déconnecter de tous les appareils": ends every session of the account. */
export async function revokeAllSessions(userId: string): Promise<void> {
  const db = await getDb();
  await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
