import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { dummyHash, verifyPassword } from "@/lib/auth/passwords";
import { clearLoginFailures, isLoginThrottled, recordLoginFailure } from "@/lib/auth/throttle";

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
  if (await isLoginThrottled(normalized, address)) throw new AppError("THROTTLED", THROTTLED);

  const db = await getDb();
  const user = await db.user.findFirst({
    where: normalized.includes("@") ? { email: normalized } : { identifiant: normalized },
    select: { id: true, status: true, sessionVersion: true, password: { select: { hash: true } } },
  });
  const ok = await verifyPassword(user?.password?.hash ?? (await dummyHash()), password);
  if (!user || !user.password || !ok) {
    await recordLoginFailure(normalized, address);
    throw new AppError("INVALID", BAD_CREDENTIALS);
  }
  await clearLoginFailures(normalized);
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
