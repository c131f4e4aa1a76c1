import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { dummyHash, verifyPassword } from "@/lib/auth/passwords";
import { attemptKey, clearLoginFailures, isLoginThrottled, recordLoginFailure } from "@/lib/auth/throttle";

export const BAD_CREDENTIALS = "Identifiant ou mot de passe incorrect.";
export const THROTTLED =
  "Trop de tentatives de connexion. Par sécurité, patientez 15 minutes avant de réessayer, ou réinitialisez votre mot de passe.";
export const EMAIL_NOT_CONFIRMED =
  "Votre compte n'est pas encore actif : cliquez sur le lien « Confirmer inscription » reçu par email.";

export type AuthenticatedUser = { id: string; sessionVersion: number };

/**
 * Checks a login (8-character identifiant or email) and password.
 * The answer never says whether the account exists: unknown login and wrong
 * password get the same message and roughly the same time. Only a correct
 * password learns about the account's state.
 *
 * Failures count per account once the login names one (identifiant and email
 * share one budget), per login as typed otherwise, and per address. A
 * throttled account is refused even with the right password.
 */
export async function authenticate({
  login,
  password,
  address,
}: {
  login: string;
  password: string;
  address: string;
}): Promise<AuthenticatedUser> {
  const normalized = login.trim().toLowerCase();
  if (!normalized || !password) throw new AppError("INVALID", BAD_CREDENTIALS);

  const db = await getDb();
  const user = await db.user.findFirst({
    where: normalized.includes("@") ? { email: normalized } : { identifiant: normalized },
    select: { id: true, status: true, sessionVersion: true, password: { select: { hash: true } } },
  });
  // Known or not, the same queries run before the password check.
  const key = attemptKey(normalized, user?.id);
  if (await isLoginThrottled(key, address)) throw new AppError("THROTTLED", THROTTLED);
  const ok = await verifyPassword(user?.password?.hash ?? (await dummyHash()), password);
  if (!user || !user.password || !ok) {
    await recordLoginFailure(key, address);
    throw new AppError("INVALID", BAD_CREDENTIALS);
  }
  await clearLoginFailures(key);
  switch (user.status) {
    case "PENDING_EMAIL":
      throw new AppError("FORBIDDEN", EMAIL_NOT_CONFIRMED);
    case "REJECTED":
      throw new AppError(
        "FORBIDDEN",
        "Votre demande d'inscription n'a pas été acceptée. Le motif vous a été envoyé par email ; contactez le service pour toute question.",
      );
    case "DISABLED":
      throw new AppError("FORBIDDEN", "Ce compte est désactivé. Contactez le service pour le réactiver.");
    default:
      return { id: user.id, sessionVersion: user.sessionVersion };
  }
}
