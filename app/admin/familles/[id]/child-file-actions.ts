"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions";
import { saveStaffNotes } from "@/lib/family-file";
import { StaffNotesSchema } from "@/lib/family-file/schemas";
import { keepValues } from "../../_lib/form-values";

/** "Enregistrer les notes": staff only, the family never sees them. */
export const saveStaffNotesAction = defineAction({ role: "staff", schema: StaffNotesSchema, finish: keepValues }, async ({ input, user: actor }) => {
  const { changed } = await saveStaffNotes({ actor, personId: input.personId, staffNotes: input.staffNotes });
  revalidatePath("/admin/familles", "layout");
  return { status: "success", message: changed ? "Notes du service enregistrées." : "Rien à changer." };
});
