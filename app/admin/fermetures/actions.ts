"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { confirmClosure } from "@/lib/privacy/closure";
import { isId } from "@/lib/validation/ids";

const ConfirmClosureSchema = z.object({
  householdId: z.string().refine(isId, "Famille introuvable."),
});

export const confirmClosureAction = defineAction({ role: "staff", schema: ConfirmClosureSchema }, async ({ input: { householdId }, user: actor }) => {
  await confirmClosure({ actor, householdId });
  // The menu counts the closures to confirm: every back-office page shows it.
  revalidatePath("/admin", "layout");
  redirect(`/admin/fermetures?fermee=${encodeURIComponent(householdId)}`);
});
