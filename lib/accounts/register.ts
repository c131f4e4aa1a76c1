import "server-only";
import { createElement } from "react";
import { AccountAlreadyExistsEmail, PasswordChangedEmail, PasswordResetEmail, RegistrationConfirmEmail } from "@/lib/mail/templates";
import { hashPassword } from "@/lib/auth/passwords";
import { accountKey, loginKey } from "@/lib/auth/throttle";
import { consumeToken, issueToken, sha256 } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { claimFile, discardFile } from "@/lib/files";
import { Prisma } from "@/lib/generated/prisma/client";
import { deliverQueuedEmails, queueEmail, sendEmail } from "@/lib/mail";
import { hitRateLimit } from "@/lib/rate-limit";
import { getSettings } from "@/lib/settings";
import type { Registration } from "./schemas";
import { newIdentifiant } from "./identifiant";

const link = (path: string) => `${env().appUrl}${path}`;

/**
 * Creates an account waiting for its email confirmation, with its identity
 * document. Registering an address that already has an account looks the
 * same from outside: the owner of the address gets an email telling them so.
 * The confirmation email is queued with the account and delivered after
 * commit: a mail outage leaves it queued for a retry, never an error page.
 */
export async function registerAccount(input: Registration, { address }: { address: string }): Promise<void> {
  await hitRateLimit({
    key: `register:${address}`,
    max: 10,
    windowMinutes: 60,
    message: "Trop d'inscriptions depuis cette connexion. Réessayez dans une heure.",
  });
  const db = await getDb();
  const settings = await getSettings();
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) {
    await discardPendingUpload(input.fileId, input.fileClaim);
    await sendExistingAccountNotice(input.email);
    return;
  }
  const passwordHash = await hashPassword(input.password);
  let emailId: string;
  try {
    emailId = await db.$transaction(async (tx) => {
      const file = await claimFile(tx, { fileId: input.fileId, claim: input.fileClaim });
      const user = await tx.user.create({
        data: {
          identifiant: await newIdentifiant(tx),
          email: input.email,
          civility: input.civility,
          lastName: input.lastName.toUpperCase(),
          firstName: input.firstName,
          birthDate: new Date(`${input.birthDate}T00:00:00Z`),
          phone: input.phone ?? null,
          mobile: input.mobile ?? null,
          role: "PARENT",
          status: "PENDING_EMAIL",
          identityFileId: file.id,
          password: { create: { hash: passwordHash } },
        },
      });
      const secret = await issueToken(tx, { userId: user.id, purpose: "EMAIL_CONFIRMATION" });
      const queued = await queueEmail(tx, {
        to: input.email,
        subject: "Inscription Portail Famille",
        template: "registration-confirm",
        element: createElement(RegistrationConfirmEmail, {
          settings,
          firstName: input.firstName,
          url: link(`/inscription/confirmer?token=${encodeURIComponent(secret)}`),
        }),
      });
      return queued.id;
    });
  } catch (error) {
    // Two registrations for one address racing: the loser is told like any duplicate.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      await discardPendingUpload(input.fileId, input.fileClaim);
      await sendExistingAccountNotice(input.email);
      return;
    }
    throw error;
  }
  await deliverQueuedEmails({ ids: [emailId] });
}

async function sendExistingAccountNotice(email: string) {
  await sendEmail({
    to: email,
    subject: "Inscription Portail Famille",
    template: "account-already-exists",
    element: createElement(AccountAlreadyExistsEmail, {
      settings: await getSettings(),
      loginUrl: link("/connexion"),
      resetUrl: link("/mot-de-passe/oublie"),
    }),
  });
}

/** A file uploaded for a registration that did not go through is removed, if the caller holds its claim. */
export async function discardPendingUpload(fileId: string | undefined, claim: string | undefined) {
  if (!fileId || !claim) return;
  const db = await getDb();
  const file = await db.storedFile.findFirst({
    where: { id: fileId, claimHash: sha256(claim), status: "PENDING" },
    select: { id: true },
  });
  if (file) await discardFile(file.id);
}

/** The "Confirmer inscription" link: the account may now sign in and waits for the identity check. */
export async function confirmEmail(secret: string): Promise<void> {
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const token = await consumeToken(tx, { secret, purpose: "EMAIL_CONFIRMATION" });
    await tx.user.updateMany({
      where: { id: token.userId, status: "PENDING_EMAIL" },
      data: { status: "PENDING_REVIEW", emailConfirmedAt: new Date() },
    });
  });
}

/** Runs work once the answer has gone out; in a server action, `after` from next/server. */
export type Later = (task: () => Promise<void>) => void;

/**
 * "Mot de passe oublié". Always answers the same, whether or not the login
 * matches an account, and in the same time: before answering, both cases do
 * the same work (the address's rate limit); looking the account up, issuing
 * the link and sending it happen afterwards through `later`. A request
 * handler must pass `later` (the default waits for the work, and its time
 * would tell whether the account exists).
 */
export async function requestPasswordReset(
  login: string,
  { address, later }: { address: string; later?: Later },
): Promise<void> {
  await hitRateLimit({
    key: `reset:${address}`,
    max: 10,
    windowMinutes: 60,
    message: "Trop de demandes depuis cette connexion. Réessayez dans une heure.",
  });
  // Next logs an error thrown in an `after` task; without `later` it reaches the caller.
  if (later) later(() => sendPasswordResetLink(login));
  else await sendPasswordResetLink(login);
}

/** The work behind a reset request: a link to the account's address, if the login names one that may use it. */
async function sendPasswordResetLink(login: string): Promise<void> {
  const normalized = login.trim().toLowerCase();
  const db = await getDb();
  const user = await db.user.findFirst({
    where: normalized.includes("@") ? { email: normalized } : { identifiant: normalized },
    select: { id: true, email: true, firstName: true, status: true },
  });
  if (!user || user.status === "DISABLED" || user.status === "REJECTED") return;
  const settings = await getSettings();
  const emailId = await db.$transaction(async (tx) => {
    const secret = await issueToken(tx, { userId: user.id, purpose: "PASSWORD_RESET" });
    const queued = await queueEmail(tx, {
      to: user.email,
      subject: "Réinitialisation de votre mot de passe",
      template: "password-reset",
      element: createElement(PasswordResetEmail, {
        settings,
        firstName: user.firstName,
        url: link(`/mot-de-passe/nouveau?token=${encodeURIComponent(secret)}`),
      }),
    });
    return queued.id;
  });
  // A mail failure leaves the message queued for a retry.
  await deliverQueuedEmails({ ids: [emailId] });
}

/**
 * Sets a new password from a reset (or staff invitation) link. Existing
 * sessions end. The link proves the address, so an unconfirmed account counts
 * as confirmed from now on.
 */
export async function resetPassword(secret: string, password: string): Promise<void> {
  const hash = await hashPassword(password);
  const db = await getDb();
  const settings = await getSettings();
  const { user, emailId } = await db.$transaction(async (tx) => {
    // A staff invitation sets the first password through the same page.
    const token = await consumeToken(tx, { secret, purpose: ["PASSWORD_RESET", "STAFF_INVITATION"] });
    const current = await tx.user.findUniqueOrThrow({ where: { id: token.userId } });
    if (current.status === "DISABLED" || current.status === "REJECTED") {
      throw new AppError("FORBIDDEN", "Ce compte ne peut plus être utilisé. Contactez le service.");
    }
    await tx.password.upsert({ where: { userId: current.id }, create: { userId: current.id, hash }, update: { hash } });
    const updated = await tx.user.update({
      where: { id: current.id },
      data: {
        sessionVersion: { increment: 1 },
        ...(current.status === "PENDING_EMAIL" ? { status: "PENDING_REVIEW", emailConfirmedAt: new Date() } : {}),
      },
    });
    const queued = await queueEmail(tx, {
      to: updated.email,
      subject: "Votre mot de passe a été modifié",
      template: "password-changed",
      element: createElement(PasswordChangedEmail, { settings, firstName: updated.firstName }),
    });
    return { user: updated, emailId: queued.id };
  });
  await db.loginFailure.deleteMany({
    where: { key: { in: [accountKey(user.id), loginKey(user.email), loginKey(user.identifiant)] } },
  });
  await deliverQueuedEmails({ ids: [emailId] });
}
