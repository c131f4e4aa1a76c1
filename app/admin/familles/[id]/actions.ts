"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions";
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
