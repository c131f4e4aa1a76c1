"use server";

import { revalidatePath } from "next/cache";
import { requireAdmin } from "@/lib/auth/dal";
import { formDataToObject, handleForm } from "@/lib/forms";
import { SettingsSchema } from "@/lib/settings/schemas";
import { updateSettings } from "@/lib/settings/update";
import { keepValues, type AdminFormState } from "../_lib/form-values";

export async function updateSettingsAction(_prev: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const actor = await requireAdmin();
  const state = await handleForm(SettingsSchema, formDataToObject(formData), async (input) => {
    const { changed } = await updateSettings({ actor, input });
    if (changed.length === 0) return { status: "success", message: "Aucune modification à enregistrer." };
    // The name, contact details and hours appear on every page, public ones included.
    revalidatePath("/", "layout");
    return { status: "success", message: `Paramètres enregistrés (${changed.join(", ")}).` };
  });
  return keepValues(state, formData);
}
