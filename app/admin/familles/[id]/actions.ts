"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { setWorkingParentsConfirmation } from "@/lib/families/working-parents";
import { UpdateHouseholdSchema, UpdateMemberClassSchema, updateHousehold, updateMemberClass } from "@/lib/households/edit";
import { keepValues } from "../../_lib/form-values";

export const updateHouseholdAction = defineAction(
  { role: "staff", schema: UpdateHouseholdSchema, finish: keepValues },
  async ({ input, user: actor }) => {
    await updateHousehold({ actor, ...input });
    revalidatePath(`/admin/familles/${input.householdId}`);
    return { status: "success", message: "La famille est à jour." };
  },
);

export const updateMemberClassAction = defineAction({ role: "staff", schema: UpdateMemberClassSchema }, async ({ input, user: actor }) => {
  await updateMemberClass({ actor, ...input });
  revalidatePath("/admin/familles", "layout");
  return { status: "success", message: "Classe enregistrée." };
});

export const workingParentsAction = defineAction(
  {
    role: "staff",
    schema: z.object({ householdId: z.string().min(1, "Famille introuvable."), confirm: z.enum(["1", "0"]).transform((v) => v === "1") }),
  },
  async ({ input, user: actor }) => {
    const { changed } = await setWorkingParentsConfirmation({ actor, householdId: input.householdId, confirm: input.confirm });
    revalidatePath(`/admin/familles/${input.householdId}`);
    if (!changed) return { status: "success", message: "Rien à changer." };
    return { status: "success", message: input.confirm ? "Parents qui travaillent : confirmé." : "Confirmation retirée." };
  },
);
