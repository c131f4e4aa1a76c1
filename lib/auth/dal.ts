import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/auth";
import { getDb } from "@/lib/db/client";
import type { Role, UserStatus } from "@/lib/generated/prisma/client";

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
  const session = await auth();
  const claims = session?.user as { id?: string; sv?: number } | undefined;
  if (!claims?.id) return null;
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

export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/connexion");
  return user;
}

export type ParentUser = CurrentUser & { personId: string; householdId: string };

/**
 * A parent whose identity the service has checked: linked to a household.
 * An account still under review is sent to the waiting page.
 */
export async function requireParent(): Promise<ParentUser> {
  const user = await requireUser();
  if (user.role !== "PARENT") redirect("/admin");
  if (user.status !== "ACTIVE" || !user.householdId || !user.personId) redirect("/en-attente");
  return user as ParentUser;
}

/** Staff pages answer 404 to anyone else, so their existence is not advertised. */
export async function requireStaff(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/connexion");
  if ((user.role !== "STAFF" && user.role !== "ADMIN") || user.status !== "ACTIVE") notFound();
  return user;
}

export async function requireAdmin(): Promise<CurrentUser> {
  const user = await requireStaff();
  if (user.role !== "ADMIN") notFound();
  return user;
}
