"use server";

import "server-only";
import { redirect } from "next/navigation";
import { z } from "zod";
import { sessionClaims, signOut } from "@/auth";
import { defineFormAction } from "@/lib/actions";
import { revokeAllSessions, revokeSession } from "@/lib/auth/sessions";

const NoFields = z.object({});

/**
 * "Se déconnecter": the session ends on the server too, so a copy of the
 * cookie opens nothing afterwards. (The version bump ends the account's other
 * sessions as well; see lib/auth/sessions.ts.)
 */
export const signOutAction = defineFormAction(
  { role: "public", schema: NoFields, refused: () => redirect("/connexion") },
  async () => {
    await revokeSession(await sessionClaims());
    await signOut({ redirectTo: "/connexion" });
  },
);

/** "Se déconnecter de tous les appareils", from Mon espace (parents) or the staff pages. */
export const signOutEverywhereAction = defineFormAction(
  { role: "user", schema: NoFields, refused: () => redirect("/connexion") },
  async ({ user }) => {
    await revokeAllSessions(user.id);
    await signOut({ redirectTo: "/connexion?message=deconnecte-partout" });
  },
);
