"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireParent } from "@/lib/auth/dal";
import { deletePendingDocument } from "@/lib/documents";
import { formDataToObject, handleForm, type FormState } from "@/lib/forms";

const DeleteSchema = z.object({ documentId: z.string().min(1) });

/** Deletes a file the service has not looked at yet (Fichiers tab). */
export async function deleteFileAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireParent();
  return handleForm(DeleteSchema, formDataToObject(formData), async ({ documentId }) => {
    await deletePendingDocument({ actor: { id: user.id, householdId: user.householdId }, documentId });
    revalidatePath("/accueil");
    revalidatePath("/mon-espace", "layout");
    return { status: "success", message: "Le fichier a été supprimé." };
  });
}
