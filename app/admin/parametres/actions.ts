"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions";
import { SettingsSchema } from "@/lib/settings/schemas";
import { updateSettings } from "@/lib/settings/update";
import { keepValues } from "../_lib/form-values";

export const updateSettingsAction = defineAction({ role: "admin", schema: SettingsSchema, finish: keepValues }, async ({ input, user: actor }) => {
  const { changed } = await updateSettings({ actor, input });
  if (changed.length === 0) return { status: "success", message: "Aucune modification à enregistrer." };
  // The name, contact details and hours appear on every page, public ones included.
  revalidatePath("/", "layout");
  return { status: "success", message: `Paramètres enregistrés (${changed.join(", ")}).` };
});
