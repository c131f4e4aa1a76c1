"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { cancelClosure, requestClosure } from "@/lib/privacy/closure";

const NoFields = z.object({});

export const requestClosureAction = defineAction({ role: "parent", schema: NoFields }, async ({ user }) => {
  await requestClosure({ actor: { id: user.id, householdId: user.householdId } });
  revalidatePath("/mon-espace/mes-donnees");
  redirect("/mon-espace/mes-donnees#fermer-mon-compte");
});

export const cancelClosureAction = defineAction({ role: "parent", schema: NoFields }, async ({ user }) => {
  await cancelClosure({ actor: { id: user.id, householdId: user.householdId } });
  revalidatePath("/mon-espace/mes-donnees");
  redirect("/mon-espace/mes-donnees?fermeture=annulee#fermer-mon-compte");
});
