"use server";

import { auth, signOut } from "@/auth";
import { requireUser } from "@/lib/auth/dal";
import { revokeAllSessions, revokeSession } from "@/lib/auth/sessions";

/**
 * "Se déconnecter": the session ends on the server too, so a copy of the
 * cookie opens nothing afterwards. (The version bump ends the account's other
 * sessions as well; see lib/auth/sessions.ts.)
 */
export async function signOutAction() {
  const session = await auth();
  await revokeSession(session?.user as { id?: unknown; sv?: unknown } | undefined);
  await signOut({ redirectTo: "/connexion" });
}

/** "Se déconnecter de tous les appareils", from Mon espace (parents) or the staff pages. */
export async function signOutEverywhereAction() {
  const user = await requireUser();
  await revokeAllSessions(user.id);
  await signOut({ redirectTo: "/connexion?message=deconnecte-partout" });
}
