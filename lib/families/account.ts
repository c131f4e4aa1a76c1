import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { EmailChangeEmail } from "@/lib/mail/templates";
import { issueToken, consumeToken, TOKEN_TTL_MINUTES } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { deliverQueuedEmails, queueEmail } from "@/lib/mail";
import { hitRateLimit } from "@/lib/rate-limit";
import { getSettings } from "@/lib/settings";
import { EmailSchema, OptionalPhoneSchema } from "@/lib/validation/fields";

export const ContactSchema = z.object({ phone: OptionalPhoneSchema, mobile: OptionalPhoneSchema });
export const EmailChangeSchema = z.object({ email: EmailSchema });

/** Confirmation links one account may ask for, and one address may receive, per window. */
export const EMAIL_CHANGE_LIMIT = { max: 3, windowMinutes: 60 } as const;
export const EMAIL_CHANGE_THROTTLED = "Trop de demandes de changement d'adresse : réessayez dans une heure.";

/** A parent updates their own phone numbers, on the account and on their member record alike. */
export async function updateOwnContact({
  userId,
  phone,
  mobile,
}: {
  userId: string;
  phone: string | null | undefined;
  mobile: string | null | undefined;
}) {
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id: userId },
      data: { phone: phone || null, mobile: mobile || null },
      select: { personId: true },
    });
    if (user.personId) {
      await tx.person.update({ where: { id: user.personId }, data: { phone: phone || null, mobile: mobile || null } });
    }
  });
}

/**
 * A new email only counts once confirmed from that mailbox: the address
 * travels in the token's payload, and the account keeps the old one until
 * the link is followed. The message is an account email: it always goes,
 * within a limit per account and per receiving address (the form would
 * otherwise send any number of mails to anyone), checked before anything is
 * sent.
 */
export async function requestEmailChange({ userId, email }: { userId: string; email: string }) {
  const db = await getDb();
  const normalised = email.trim().toLowerCase();
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, firstName: true } });
  if (user.email.toLowerCase() === normalised) {
    throw new AppError("INVALID", "C'est déjà l'adresse de votre compte.", { email: "C'est déjà l'adresse de votre compte." });
  }
  // One answer for both limits. The address's count is kept under a digest:
  // the throttling table holds no one's email address.
  await hitRateLimit({ key: `email-change:account:${userId}`, ...EMAIL_CHANGE_LIMIT, message: EMAIL_CHANGE_THROTTLED });
  const target = createHash("sha256").update(normalised).digest("base64url");
  await hitRateLimit({ key: `email-change:to:${target}`, ...EMAIL_CHANGE_LIMIT, message: EMAIL_CHANGE_THROTTLED });
  // Whether another account uses the address is not told here (it would
  // reveal who has an account); the confirmation refuses it.
  const settings = await getSettings();
  const emailId = await db.$transaction(async (tx) => {
    const secret = await issueToken(tx, { userId, purpose: "EMAIL_CHANGE", payload: normalised });
    const queued = await queueEmail(tx, {
      to: normalised,
      subject: "Confirmez votre nouvelle adresse mail",
      template: "email-change",
      element: EmailChangeEmail({
        settings,
        firstName: user.firstName,
        newEmail: normalised,
        confirmUrl: `${env().appUrl}/email/confirmer?jeton=${encodeURIComponent(secret)}`,
        validityMinutes: TOKEN_TTL_MINUTES.EMAIL_CHANGE,
      }),
    });
    return queued.id;
  });
  // After commit; a mail outage leaves the message queued for a retry.
  await deliverQueuedEmails({ ids: [emailId] });
}

export async function confirmEmailChange(secret: string): Promise<{ email: string }> {
  const db = await getDb();
  try {
    return await db.$transaction(async (tx) => {
      const token = await consumeToken(tx, { secret, purpose: "EMAIL_CHANGE" });
      if (!token.payload) throw new AppError("EXPIRED", "Ce lien n'est plus valide.");
      const user = await tx.user.update({
        where: { id: token.userId },
        data: { email: token.payload, emailConfirmedAt: new Date() },
        select: { personId: true },
      });
      if (user.personId) await tx.person.update({ where: { id: user.personId }, data: { email: token.payload } });
      return { email: token.payload };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "Cette adresse est déjà utilisée par un autre compte : choisissez-en une autre.");
    }
    throw error;
  }
}
