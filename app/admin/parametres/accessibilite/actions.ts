"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions";
import { DeclarationSchema } from "@/lib/accessibility/schemas";
import { updateDeclaration } from "@/lib/accessibility/update";
import { keepValues } from "../../_lib/form-values";

export const updateDeclarationAction = defineAction(
  { role: "admin", schema: DeclarationSchema, finish: keepValues },
  async ({ input, user: actor }) => {
    const { changed } = await updateDeclaration({ actor, input });
    if (changed.length === 0) return { status: "success", message: "Aucune modification à enregistrer." };
    // The status is in the footer of every page, public ones included.
    revalidatePath("/", "layout");
    return { status: "success", message: `Déclaration enregistrée (${changed.join(", ")}).` };
  },
);
