"use server";

import { revalidatePath } from "next/cache";
import { requireStaff } from "@/lib/auth/dal";
import { formDataToObject, handleForm } from "@/lib/forms";
import { UpdateHouseholdSchema, UpdateMemberClassSchema, updateHousehold, updateMemberClass } from "@/lib/households/edit";
import { keepValues, type AdminFormState } from "../../_lib/form-values";

export async function updateHouseholdAction(_prev: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const actor = await requireStaff();
  const state = await handleForm(UpdateHouseholdSchema, formDataToObject(formData), async (data) => {
    await updateHousehold({ actor, ...data });
    revalidatePath(`/admin/familles/${data.householdId}`);
    return { status: "success", message: "La famille est à jour." };
  });
  return keepValues(state, formData);
}

export async function updateMemberClassAction(_prev: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const actor = await requireStaff();
  return handleForm(UpdateMemberClassSchema, formDataToObject(formData), async (data) => {
    await updateMemberClass({ actor, ...data });
    revalidatePath("/admin/familles", "layout");
    return { status: "success", message: "Classe enregistrée." };
  });
}
