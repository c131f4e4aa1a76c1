import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { sessionClaims } from "@/auth";
import { getDb } from "@/lib/db/client";
import type { Role, UserStatus } from "@/lib/generated/prisma/client";
import { roleGrants, type Access } from "./roles";

export type CurrentUser = {
  id: string;
  identifiant: string;
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  status: UserStatus;
  personId: string | null;
  householdId: string | null;
};

/**
 * The signed-in user, read from the database once per request. A session
 * whose version no longer matches (password changed, account disabled) or
 * whose account cannot sign in any more counts as signed out.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const claims = await sessionClaims();
  if (!claims) return null;
  const db = await getDb();
  const user = await db.user.findUnique({
    where: { id: claims.id },
    select: {
      id: true,
      identifiant: true,
      email: true,
      firstName: true,
      lastName: true,
      role: true,
      status: true,
      sessionVersion: true,
      personId: true,
      person: { select: { householdId: true } },
    },
  });
  if (!user || user.sessionVersion !== claims.sv) return null;
  if (user.status !== "ACTIVE" && user.status !== "PENDING_REVIEW") return null;
  const { sessionVersion: _sv, person, ...rest } = user;
  return { ...rest, householdId: person?.householdId ?? null };
});

export type ParentUser = CurrentUser & { personId: string; householdId: string };

/** The user a page or action receives for an access: a parent is always linked to a household. */
export type RoleUser<A extends Access> = A extends "parent" ? ParentUser : CurrentUser;

/**
 * The one check pages and actions make. Someone signed out goes to sign in.
 * A parent page sends staff to the back office and an account still under
 * review to the waiting page. Staff pages answer 404 to anyone else, so
 * their existence is not advertised.
 */
export async function requireRole<A extends Access>(access: A): Promise<RoleUser<A>> {
  const user = await getCurrentUser();
  if (!user) redirect("/connexion");
  if (access === "parent") {
    if (!roleGrants(user.role, "parent")) redirect("/admin");
    if (user.status !== "ACTIVE" || !user.householdId || !user.personId) redirect("/en-attente");
  } else if (access !== "user" && (!roleGrants(user.role, access) || user.status !== "ACTIVE")) {
    notFound();
  }
  return user as RoleUser<A>;
}
