"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { deletePendingDocument } from "@/lib/documents";

const DeleteSchema = z.object({ documentId: z.string().min(1) });

/** Deletes a file the service has not looked at yet (Fichiers tab). */
export const deleteFileAction = defineAction({ role: "parent", schema: DeleteSchema }, async ({ input: { documentId }, user }) => {
  await deletePendingDocument({ actor: { id: user.id, householdId: user.householdId }, documentId });
  revalidatePath("/accueil");
  revalidatePath("/mon-espace", "layout");
  return { status: "success", message: "Le fichier a été supprimé." };
});
