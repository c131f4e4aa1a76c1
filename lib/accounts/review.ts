import "server-only";
import { assertActor } from "@/lib/auth/roles";
import { createElement } from "react";
import { z } from "zod";
import { AccountRejectedEmail, AccountVerifiedEmail } from "@/lib/mail/templates";
import { recordAudit, type Actor } from "@/lib/audit";
import { getDb, type Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { Prisma, type Civility, type Quality, type Regime, type UserStatus } from "@/lib/generated/prisma/client";
import { householdSearchWhere, searchHouseholds } from "@/lib/households";
import { HouseholdAddressSchema, HouseholdResourcesSchema } from "@/lib/households/schemas";
import { deliverQueuedEmails, queueEmail, sendEmail, type EmailInput } from "@/lib/mail";
import { getSettings, type AuthoritySettingsDto } from "@/lib/settings";

// ---------------------------------------------------------------------------
// Form schemas (server side: the forms post to server actions)

const IdSchema = z.string({ error: "Compte introuvable." }).trim().min(1, "Compte introuvable.").max(64);

export const LinkAccountSchema = z.object({
  userId: IdSchema,
  personId: z.string({ error: "Choisissez un membre." }).trim().min(1, "Choisissez un membre.").max(64),
});

export const CreateHouseholdSchema = z
  .object({ userId: IdSchema })
  .extend(HouseholdAddressSchema.shape)
  .extend(HouseholdResourcesSchema.shape);

export const REJECTION_REASON_MIN = 5;

export const RejectAccountSchema = z.object({
  userId: IdSchema,
  reason: z
    .string({ error: "Indiquez le motif du refus." })
    .trim()
    .min(1, "Indiquez le motif du refus : il est envoyé au demandeur.")
    .min(REJECTION_REASON_MIN, `Le motif doit compter au moins ${REJECTION_REASON_MIN} caractères.`)
    .max(1000, "Le motif ne peut pas dépasser 1000 caractères."),
});

// ---------------------------------------------------------------------------
// DTOs

export type AccountToReviewSummaryDto = {
  id: string;
  civility: Civility | null;
  lastName: string;
  firstName: string;
  birthDate: Date | null;
  email: string;
  phone: string | null;
  mobile: string | null;
  createdAt: Date;
};

export type IdentityDocumentDto = {
  id: string;
  mimeType: string;
  originalName: string;
  size: number;
  url: string;
};

export type AccountToReviewDto = AccountToReviewSummaryDto & {
  identifiant: string;
  status: UserStatus;
  emailConfirmedAt: Date | null;
  reviewedAt: Date | null;
  rejectionReason: string | null;
  identityDocument: IdentityDocumentDto | null;
  person: { id: string; firstName: string; lastName: string; household: { id: string; name: string; reference: number } } | null;
};

export type LinkCandidateDto = {
  id: string;
  reference: number;
  name: string;
  postalCode: string;
  city: string;
  childrenCount: number;
  adults: {
    id: string;
    quality: Quality;
    civility: Civility | null;
    lastName: string;
    firstName: string;
    birthDate: Date | null;
    /** Already the person of another account: cannot be linked again. */
    linked: boolean;
  }[];
};

/** A decision is committed even when its email could not be sent; the page says so. */
export type ReviewOutcome = { userId: string; emailSent: boolean };

// ---------------------------------------------------------------------------
// Reading

const summarySelect = {
  id: true,
  civility: true,
  lastName: true,
  firstName: true,
  birthDate: true,
  email: true,
  phone: true,
  mobile: true,
  createdAt: true,
} satisfies Prisma.UserSelect;

/** Accounts whose email is confirmed and whose identity awaits a check, oldest first. */
export async function listAccountsToReview(): Promise<AccountToReviewSummaryDto[]> {
  const db = await getDb();
  return db.user.findMany({
    where: { role: "PARENT", status: "PENDING_REVIEW" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: summarySelect,
  });
}

export async function getAccountCounts(): Promise<{ toReview: number; activeParents: number }> {
  const db = await getDb();
  const [toReview, activeParents] = await Promise.all([
    db.user.count({ where: { role: "PARENT", status: "PENDING_REVIEW" } }),
    db.user.count({ where: { role: "PARENT", status: "ACTIVE" } }),
  ]);
  return { toReview, activeParents };
}

/**
 * Any parent account, whatever its status, so that a decided account (or
 * one opened from the journal) still shows what was decided.
 */
export async function getAccountToReview(userId: string): Promise<AccountToReviewDto | null> {
  const db = await getDb();
  const row = await db.user.findFirst({
    where: { id: userId, role: "PARENT" },
    select: {
      ...summarySelect,
      identifiant: true,
      status: true,
      emailConfirmedAt: true,
      reviewedAt: true,
      rejectionReason: true,
      identityFile: { select: { id: true, mimeType: true, originalName: true, size: true } },
      person: {
        select: {
          id: true,
          firstName: true,
          lastName: true,
          household: { select: { id: true, name: true, reference: true } },
        },
      },
    },
  });
  if (!row) return null;
  const { identityFile, ...rest } = row;
  return {
    ...rest,
    identityDocument: identityFile ? { ...identityFile, url: `/api/fichiers/${identityFile.id}` } : null,
  };
}

/**
 * The households a pending account could be linked to: the one household
 * search, seen as its adults (flagged when already linked) and a child
 * count. A blank query finds nothing here rather than the newest households.
 */
export async function findLinkCandidates({
  query,
  limit = 20,
}: {
  query: string;
  limit?: number;
}): Promise<LinkCandidateDto[]> {
  if (!householdSearchWhere(query)) return [];
  const households = await searchHouseholds({ query, limit });
  return households.map(({ members, ...household }) => ({
    id: household.id,
    reference: household.reference,
    name: household.name,
    postalCode: household.postalCode,
    city: household.city,
    childrenCount: members.filter((m) => m.quality === "ENFANT").length,
    adults: members
      .filter((m) => m.quality !== "ENFANT")
      .map((m) => ({
        id: m.id,
        quality: m.quality,
        civility: m.civility,
        lastName: m.lastName,
        firstName: m.firstName,
        birthDate: m.birthDate,
        linked: m.account !== null,
      })),
  }));
}

// ---------------------------------------------------------------------------
// Deciding

const ALREADY_DECIDED =
  "Ce compte a déjà été traité, probablement par un autre agent au même moment. Rechargez la page pour voir la décision.";
const PERSON_TAKEN = "Cette personne est déjà liée à un autre compte : choisissez un autre membre ou créez une nouvelle famille.";

const claimedSelect = {
  id: true,
  identifiant: true,
  email: true,
  civility: true,
  lastName: true,
  firstName: true,
  birthDate: true,
  phone: true,
  mobile: true,
} satisfies Prisma.UserSelect;

type ClaimedUser = Prisma.UserGetPayload<{ select: typeof claimedSelect }>;

/**
 * Applies the decision only if the account is still awaiting review. The
 * conditional update takes the row lock: a second staff member deciding at
 * the same moment waits, then finds the status changed and matches nothing.
 */
async function claimPendingAccount(
  tx: Tx,
  userId: string,
  data: Prisma.UserUncheckedUpdateManyInput,
): Promise<ClaimedUser> {
  const claimed = await tx.user.updateMany({
    where: { id: userId, role: "PARENT", status: "PENDING_REVIEW" },
    data,
  });
  if (claimed.count !== 1) {
    const exists = await tx.user.findFirst({ where: { id: userId, role: "PARENT" }, select: { id: true } });
    if (!exists) throw new AppError("NOT_FOUND", "Compte introuvable.");
    throw new AppError("CONFLICT", ALREADY_DECIDED);
  }
  return tx.user.findUniqueOrThrow({ where: { id: userId }, select: claimedSelect });
}

const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/**
 * For a message about a change already committed, with no transaction to
 * share: queued, then delivered at once. Returns whether it went now; if not
 * it stays queued and is retried, and the caller tells staff.
 */
export async function notifyAfterCommit(message: EmailInput): Promise<boolean> {
  return sendEmail(message);
}

/** Delivers, after commit, a message queued with the decision; true when it went now. */
async function deliveredNow(emailId: string): Promise<boolean> {
  return (await deliverQueuedEmails({ ids: [emailId] })).sent === 1;
}

/**
 * Queued in the decision's transaction: an email never announces a decision
 * that was rolled back, and a mail outage never undoes or hides one.
 */
async function queueVerifiedEmail(tx: Tx, user: ClaimedUser, settings: AuthoritySettingsDto): Promise<string> {
  const { id } = await queueEmail(tx, {
    to: user.email,
    subject: `${settings.portalName} : votre compte est activé`,
    template: "account-verified",
    element: createElement(AccountVerifiedEmail, {
      settings,
      identifiant: user.identifiant,
      loginUrl: `${env().appUrl}/connexion`,
      firstName: user.firstName,
    }),
  });
  return id;
}

/** The document type of "Pièce d'identité" in Mon espace (the seed's code, kept by staff edits of the label). */
export const IDENTITY_DOCUMENT_TYPE_CODE = "IDENTITE";

/**
 * The identity document sent at registration becomes the person's "Pièce
 * d'identité", validated by the staff member who just checked it, so Mon
 * espace shows it instead of "Aucun fichier" and the parent does not send it
 * again. Both point at the one stored file: the account's identity and a
 * document are separate relations on it, and the document's foreign key
 * (ON DELETE RESTRICT) keeps the file and its bytes from being discarded
 * under either. Nothing to do when the account has no file, the file
 * already backs a document, or the authority has no such type.
 */
async function fileIdentityDocument(
  tx: Tx,
  { userId, personId, householdId, reviewerId, now }: { userId: string; personId: string; householdId: string; reviewerId: string; now: Date },
): Promise<void> {
  const { identityFile } = await tx.user.findUniqueOrThrow({
    where: { id: userId },
    select: { identityFile: { select: { id: true, status: true, createdAt: true, document: { select: { id: true } } } } },
  });
  if (!identityFile || identityFile.status !== "ATTACHED" || identityFile.document) return;
  const type = await tx.documentType.findUnique({ where: { code: IDENTITY_DOCUMENT_TYPE_CODE }, select: { id: true } });
  if (!type) return;
  await tx.document.create({
    data: {
      householdId,
      personId,
      typeId: type.id,
      fileId: identityFile.id,
      status: "VALIDATED",
      reviewedById: reviewerId,
      reviewedAt: now,
      createdById: userId,
      createdAt: identityFile.createdAt,
    },
  });
}

/** Links the account to a member already known to the service, and activates it. */
export async function linkAccountToPerson({
  actor,
  userId,
  personId,
  now = new Date(),
}: {
  actor: Actor;
  userId: string;
  personId: string;
  now?: Date;
}): Promise<ReviewOutcome> {
  assertActor(actor, "staff");
  const db = await getDb();
  const settings = await getSettings();
  let emailId: string;
  try {
    emailId = await db.$transaction(async (tx) => {
      const person = await tx.person.findUnique({
        where: { id: personId },
        select: {
          id: true,
          quality: true,
          civility: true,
          birthDate: true,
          email: true,
          phone: true,
          mobile: true,
          firstName: true,
          lastName: true,
          household: { select: { id: true, name: true } },
          user: { select: { id: true } },
        },
      });
      if (!person) throw new AppError("NOT_FOUND", "Ce membre de la famille est introuvable.");
      if (person.user) throw new AppError("CONFLICT", PERSON_TAKEN);
      if (person.quality === "ENFANT") {
        throw new AppError("INVALID", "Un compte ne peut être lié qu'à un adulte de la famille, pas à un enfant.");
      }
      const claimed = await claimPendingAccount(tx, userId, {
        status: "ACTIVE",
        personId: person.id,
        reviewedAt: now,
        rejectionReason: null,
      });
      // The service's record wins; the account only fills what it lacks.
      await tx.person.update({
        where: { id: person.id },
        data: {
          civility: person.civility ?? claimed.civility,
          birthDate: person.birthDate ?? claimed.birthDate,
          email: person.email ?? claimed.email,
          phone: person.phone ?? claimed.phone,
          mobile: person.mobile ?? claimed.mobile,
        },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "account.link",
        targetType: "User",
        targetId: userId,
        details: {
          label: fullName(claimed),
          personId: person.id,
          personName: fullName(person),
          householdId: person.household.id,
          householdName: person.household.name,
        },
      });
      await fileIdentityDocument(tx, {
        userId,
        personId: person.id,
        householdId: person.household.id,
        reviewerId: actor.id,
        now,
      });
      return queueVerifiedEmail(tx, claimed, settings);
    });
  } catch (error) {
    // Two accounts racing for the same person: the unique personId decides.
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", PERSON_TAKEN);
    throw error;
  }
  return { userId, emailSent: await deliveredNow(emailId) };
}

/** Opens a new household whose responsable is the account holder, and activates the account. */
export async function createHouseholdForAccount({
  actor,
  userId,
  address1,
  address2 = null,
  postalCode,
  city,
  qf = null,
  regime = null,
  now = new Date(),
}: {
  actor: Actor;
  userId: string;
  address1: string;
  address2?: string | null;
  postalCode: string;
  city: string;
  qf?: number | null;
  regime?: Regime | null;
  now?: Date;
}): Promise<ReviewOutcome & { householdId: string }> {
  assertActor(actor, "staff");
  const db = await getDb();
  const settings = await getSettings();
  const { emailId, householdId } = await db.$transaction(async (tx) => {
    const claimed = await claimPendingAccount(tx, userId, { status: "ACTIVE", reviewedAt: now, rejectionReason: null });
    const household = await tx.household.create({
      data: { name: claimed.lastName, address1, address2, postalCode, city, qf, regime },
      select: { id: true, reference: true, name: true },
    });
    const person = await tx.person.create({
      data: {
        householdId: household.id,
        quality: "RESPONSABLE",
        civility: claimed.civility,
        lastName: claimed.lastName,
        firstName: claimed.firstName,
        birthDate: claimed.birthDate,
        email: claimed.email,
        phone: claimed.phone,
        mobile: claimed.mobile,
      },
      select: { id: true },
    });
    await tx.user.update({ where: { id: userId }, data: { personId: person.id } });
    await fileIdentityDocument(tx, { userId, personId: person.id, householdId: household.id, reviewerId: actor.id, now });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "account.create_household",
      targetType: "User",
      targetId: userId,
      details: {
        label: fullName(claimed),
        personId: person.id,
        householdId: household.id,
        householdName: household.name,
        householdReference: household.reference,
      },
    });
    return { emailId: await queueVerifiedEmail(tx, claimed, settings), householdId: household.id };
  });
  return { userId, householdId, emailSent: await deliveredNow(emailId) };
}

/** Refuses the registration; the reason is sent to the applicant. */
export async function rejectAccount({
  actor,
  userId,
  reason,
  now = new Date(),
}: {
  actor: Actor;
  userId: string;
  reason: string;
  now?: Date;
}): Promise<ReviewOutcome> {
  assertActor(actor, "staff");
  const motive = reason.trim();
  if (motive.length < REJECTION_REASON_MIN) {
    throw new AppError("INVALID", `Le motif doit compter au moins ${REJECTION_REASON_MIN} caractères.`, {
      reason: `Le motif doit compter au moins ${REJECTION_REASON_MIN} caractères.`,
    });
  }
  const db = await getDb();
  const settings = await getSettings();
  const emailId = await db.$transaction(async (tx) => {
    const claimed = await claimPendingAccount(tx, userId, {
      status: "REJECTED",
      rejectionReason: motive,
      reviewedAt: now,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "account.reject",
      targetType: "User",
      targetId: userId,
      details: { label: fullName(claimed), reason: motive },
    });
    const { id } = await queueEmail(tx, {
      to: claimed.email,
      subject: `${settings.portalName} : votre demande d'inscription`,
      template: "account-rejected",
      element: createElement(AccountRejectedEmail, { settings, firstName: claimed.firstName, reason: motive }),
    });
    return id;
  });
  return { userId, emailSent: await deliveredNow(emailId) };
}
