import { createHash, randomBytes } from "node:crypto";
import type { TokenPurpose } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export const TOKEN_TTL_MINUTES: Record<TokenPurpose, number> = {
  EMAIL_CONFIRMATION: 48 * 60,
  PASSWORD_RESET: 60,
  STAFF_INVITATION: 72 * 60,
  EMAIL_CHANGE: 24 * 60,
};

export const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/** A random secret for a link; only its hash is stored. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export async function issueToken(
  tx: Tx,
  { userId, purpose, payload, now = new Date() }: { userId: string; purpose: TokenPurpose; payload?: string; now?: Date },
): Promise<string> {
  // A new link replaces any earlier one of the same kind.
  await tx.token.updateMany({ where: { userId, purpose, usedAt: null }, data: { usedAt: now } });
  const secret = newSecret();
  await tx.token.create({
    data: {
      userId,
      purpose,
      payload,
      tokenHash: sha256(secret),
      expiresAt: new Date(now.getTime() + TOKEN_TTL_MINUTES[purpose] * 60_000),
    },
  });
  return secret;
}

/**
 * Spends a link's token once: the conditional update makes a second use (a
 * double click, a replayed link) find nothing, even when both race.
 */
export async function consumeToken(
  tx: Tx,
  { secret, purpose, now = new Date() }: { secret: string; purpose: TokenPurpose | TokenPurpose[]; now?: Date },
) {
  const purposes = Array.isArray(purpose) ? purpose : [purpose];
  const token = await tx.token.findUnique({ where: { tokenHash: sha256(secret) } });
  if (!token || !purposes.includes(token.purpose) || token.usedAt) {
    throw new AppError("EXPIRED", "Ce lien n'est plus valide : il a déjà été utilisé ou remplacé par un lien plus récent.");
  }
  if (token.expiresAt <= now) {
    throw new AppError("EXPIRED", "Ce lien a expiré. Vous pouvez en demander un nouveau.");
  }
  const spent = await tx.token.updateMany({ where: { id: token.id, usedAt: null }, data: { usedAt: now } });
  if (spent.count !== 1) {
    throw new AppError("EXPIRED", "Ce lien n'est plus valide : il a déjà été utilisé.");
  }
  return token;
}
