import "server-only";
import { assertActor } from "@/lib/auth/roles";
import { createElement } from "react";
import { z } from "zod";
import { StaffInvitationEmail } from "@/lib/mail/templates";
import { newIdentifiant } from "@/lib/accounts/identifiant";
import { notifyAfterCommit } from "@/lib/accounts/review";
import { recordAudit, type Actor } from "@/lib/audit";
import { issueToken } from "@/lib/auth/tokens";
import { getDb, type Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { Prisma, type Civility, type Role, type UserStatus } from "@/lib/generated/prisma/client";
import { ROLE_LABELS } from "@/lib/format";
import { getSettings } from "@/lib/settings";
import { CivilitySchema } from "@/lib/validation/fields";

export type StaffRole = Extract<Role, "STAFF" | "ADMIN">;
const STAFF_ROLES: StaffRole[] = ["STAFF", "ADMIN"];

// ---------------------------------------------------------------------------
// Form schemas

const staffName = (label: string) =>
  z
    .string({ error: `Indiquez le ${label}.` })
    .trim()
    .min(1, `Indiquez le ${label}.`)
    .max(80, `Le ${label} ne peut pas dépasser 80 caractères.`)
    .regex(/^[\p{L}][\p{L}' .-]*$/u, `Le ${label} ne peut contenir que des lettres, espaces, apostrophes et tirets.`);

const RoleSchema = z.enum(["STAFF", "ADMIN"], { error: "Choisissez un rôle : agent ou administrateur." });
const UserIdSchema = z.string({ error: "Compte introuvable." }).trim().min(1, "Compte introuvable.").max(64);

export const CreateStaffSchema = z.object({
  civility: CivilitySchema,
  lastName: staffName("nom"),
  firstName: staffName("prénom"),
  // Stored lower-cased: sign-in compares the typed login lower-cased.
  email: z
    .string({ error: "Indiquez l'adresse email." })
    .trim()
    .min(1, "Indiquez l'adresse email.")
    .max(254, "Cette adresse email est trop longue.")
    .pipe(z.email("Cette adresse email n'est pas valide (exemple : prenom.nom@mairie.fr)."))
    .transform((v) => v.toLowerCase()),
  role: RoleSchema,
});

export const StaffTargetSchema = z.object({ userId: UserIdSchema });

export const SetStaffStatusSchema = z.object({
  userId: UserIdSchema,
  status: z.enum(["ACTIVE", "DISABLED"], { error: "Action inconnue." }),
});

export const ChangeStaffRoleSchema = z.object({ userId: UserIdSchema, role: RoleSchema });

// ---------------------------------------------------------------------------

export type StaffMemberDto = {
  id: string;
  identifiant: string;
  civility: Civility | null;
  lastName: string;
  firstName: string;
  email: string;
  role: StaffRole;
  status: UserStatus;
  /** False until the person has followed the invitation and chosen a password. */
  hasPassword: boolean;
  createdAt: Date;
};

const ADMINS_ONLY = "Seul un administrateur peut gérer les comptes du personnel.";

export async function listStaff(): Promise<StaffMemberDto[]> {
  const db = await getDb();
  const rows = await db.user.findMany({
    where: { role: { in: STAFF_ROLES } },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    select: {
      id: true,
      identifiant: true,
      civility: true,
      lastName: true,
      firstName: true,
      email: true,
      role: true,
      status: true,
      createdAt: true,
      password: { select: { userId: true } },
    },
  });
  return rows.map(({ password, role, ...row }) => ({ ...row, role: role as StaffRole, hasPassword: password !== null }));
}

const EMAIL_TAKEN = "Un compte utilise déjà cette adresse email.";

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

async function invitationLink(tx: Tx, userId: string): Promise<string> {
  const secret = await issueToken(tx, { userId, purpose: "STAFF_INVITATION" });
  return `${env().appUrl}/mot-de-passe/nouveau?token=${encodeURIComponent(secret)}`;
}

async function sendInvitation(user: { email: string; firstName: string }, url: string): Promise<boolean> {
  const settings = await getSettings();
  return notifyAfterCommit({
    to: user.email,
    subject: `${settings.portalName} : votre accès au back-office`,
    template: "staff-invitation",
    element: createElement(StaffInvitationEmail, { settings, firstName: user.firstName, url }),
  });
}

/**
 * Opens a staff account without a password: the invitation link lets its
 * owner choose one, so no administrator ever knows it. Until then the
 * account cannot sign in (no password row means bad credentials).
 */
export async function createStaffMember({
  actor,
  civility,
  lastName,
  firstName,
  email,
  role,
}: {
  actor: Actor;
  civility: Civility;
  lastName: string;
  firstName: string;
  email: string;
  role: StaffRole;
}): Promise<{ userId: string; emailSent: boolean }> {
  assertActor(actor, "admin", ADMINS_ONLY);
  const address = email.trim().toLowerCase();
  const db = await getDb();
  let created: { id: string; url: string };
  try {
    created = await db.$transaction(async (tx) => {
      const taken = await tx.user.findUnique({ where: { email: address }, select: { id: true } });
      if (taken) throw new AppError("CONFLICT", EMAIL_TAKEN, { email: EMAIL_TAKEN });
      const user = await tx.user.create({
        data: {
          identifiant: await newIdentifiant(tx),
          email: address,
          civility,
          lastName,
          firstName,
          role,
          status: "ACTIVE",
        },
        select: { id: true },
      });
      const url = await invitationLink(tx, user.id);
      await recordAudit(tx, {
        actorId: actor.id,
        action: "staff.create",
        targetType: "User",
        targetId: user.id,
        details: { label: `${firstName} ${lastName}`, role: ROLE_LABELS[role], email: address },
      });
      return { id: user.id, url };
    });
  } catch (error) {
    // Two admins creating the same person at once: the unique email decides.
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", EMAIL_TAKEN, { email: EMAIL_TAKEN });
    throw error;
  }
  return { userId: created.id, emailSent: await sendInvitation({ email: address, firstName }, created.url) };
}

/** A fresh link for someone who has not chosen a password yet (the previous one expired or was lost). */
export async function resendStaffInvitation({
  actor,
  userId,
}: {
  actor: Actor;
  userId: string;
}): Promise<{ emailSent: boolean }> {
  assertActor(actor, "admin", ADMINS_ONLY);
  const db = await getDb();
  const { user, url } = await db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({
      where: { id: userId, role: { in: STAFF_ROLES } },
      select: { id: true, email: true, firstName: true, lastName: true, status: true, password: { select: { userId: true } } },
    });
    if (!user) throw new AppError("NOT_FOUND", "Compte du personnel introuvable.");
    if (user.status !== "ACTIVE") {
      throw new AppError("CONFLICT", "Ce compte est désactivé : réactivez-le avant de renvoyer l'invitation.");
    }
    if (user.password) {
      throw new AppError(
        "CONFLICT",
        "Cette personne a déjà choisi son mot de passe. En cas d'oubli, elle utilise « Mot de passe oublié ».",
      );
    }
    const url = await invitationLink(tx, user.id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "staff.invite",
      targetType: "User",
      targetId: user.id,
      details: { label: `${user.firstName} ${user.lastName}` },
    });
    return { user, url };
  });
  return { emailSent: await sendInvitation(user, url) };
}

async function findStaffOrThrow(tx: Tx, userId: string) {
  const user = await tx.user.findFirst({
    where: { id: userId, role: { in: STAFF_ROLES } },
    select: { id: true, firstName: true, lastName: true, role: true, status: true },
  });
  if (!user) throw new AppError("NOT_FOUND", "Compte du personnel introuvable.");
  return user;
}

/**
 * Disabling also bumps the session version: the person's open sessions end
 * on their next request instead of lasting until they expire.
 */
export async function disableStaffMember({ actor, userId }: { actor: Actor; userId: string }): Promise<void> {
  assertActor(actor, "admin", ADMINS_ONLY);
  if (actor.id === userId) {
    throw new AppError("FORBIDDEN", "Vous ne pouvez pas désactiver votre propre compte.");
  }
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const user = await findStaffOrThrow(tx, userId);
    const changed = await tx.user.updateMany({
      where: { id: userId, role: { in: STAFF_ROLES }, status: "ACTIVE" },
      data: { status: "DISABLED", sessionVersion: { increment: 1 } },
    });
    if (changed.count !== 1) throw new AppError("CONFLICT", "Ce compte est déjà désactivé.");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "staff.disable",
      targetType: "User",
      targetId: userId,
      details: { label: `${user.firstName} ${user.lastName}` },
    });
  });
}

export async function enableStaffMember({ actor, userId }: { actor: Actor; userId: string }): Promise<void> {
  assertActor(actor, "admin", ADMINS_ONLY);
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const user = await findStaffOrThrow(tx, userId);
    const changed = await tx.user.updateMany({
      where: { id: userId, role: { in: STAFF_ROLES }, status: "DISABLED" },
      data: { status: "ACTIVE" },
    });
    if (changed.count !== 1) throw new AppError("CONFLICT", "Ce compte est déjà actif.");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "staff.enable",
      targetType: "User",
      targetId: userId,
      details: { label: `${user.firstName} ${user.lastName}` },
    });
  });
}

/** The DAL reads the role from the database on every request, so a change applies at once. */
export async function changeStaffRole({
  actor,
  userId,
  role,
}: {
  actor: Actor;
  userId: string;
  role: StaffRole;
}): Promise<void> {
  assertActor(actor, "admin", ADMINS_ONLY);
  if (actor.id === userId) {
    throw new AppError("FORBIDDEN", "Vous ne pouvez pas modifier votre propre rôle : demandez-le à un autre administrateur.");
  }
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const user = await findStaffOrThrow(tx, userId);
    const previous = user.role as StaffRole;
    if (previous === role) throw new AppError("CONFLICT", `Ce compte a déjà le rôle ${ROLE_LABELS[role].toLowerCase()}.`);
    // Conditional on the role read above, so two admins changing it at once do not both apply.
    const changed = await tx.user.updateMany({
      where: { id: userId, role: previous },
      data: { role },
    });
    if (changed.count !== 1) throw new AppError("CONFLICT", "Ce compte vient d'être modifié : rechargez la page.");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "staff.role",
      targetType: "User",
      targetId: userId,
      details: { label: `${user.firstName} ${user.lastName}`, from: ROLE_LABELS[previous], to: ROLE_LABELS[role] },
    });
  });
}
