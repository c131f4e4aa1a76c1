"use server";

import { revalidatePath } from "next/cache";
import { defineAction, defineInputAction } from "@/lib/actions";
import { AddDocumentSchema, addDocument, discardUnclaimedUploads } from "@/lib/documents";
import { ContactSchema, EmailChangeSchema, requestEmailChange, updateOwnContact } from "@/lib/families/account";

/** "+ Ajouter un autre fichier" and "Écraser le fichier..": the file is already uploaded, this attaches it. */
export const addDocumentAction = defineInputAction(
  {
    role: "parent",
    schema: AddDocumentSchema,
    finish: async (state, input) => {
      if (state.status === "error") {
        const { fileId, claim } = (input ?? {}) as { fileId?: unknown; claim?: unknown };
        if (typeof fileId === "string" && typeof claim === "string") await discardUnclaimedUploads([{ fileId, claim }]);
      }
      return state;
    },
  },
  async ({ input: { typeId, personId, fileId, claim, replacesId }, user }) => {
    await addDocument({ actor: { id: user.id, householdId: user.householdId }, typeId, personId, upload: { fileId, claim }, replacesId });
    revalidatePath("/mon-espace", "layout");
    revalidatePath("/accueil");
    return { status: "success", message: "Le fichier a été envoyé au service : il est en attente de validation." };
  },
);

export const updateContactAction = defineAction({ role: "parent", schema: ContactSchema }, async ({ input: { phone, mobile }, user }) => {
  await updateOwnContact({ userId: user.id, phone, mobile });
  revalidatePath("/mon-espace", "layout");
  return { status: "success", message: "Vos numéros de téléphone sont enregistrés." };
});

export const requestEmailChangeAction = defineAction({ role: "parent", schema: EmailChangeSchema }, async ({ input: { email }, user }) => {
  await requestEmailChange({ userId: user.id, email });
  return {
    status: "success",
    message: `Un mail de confirmation a été envoyé à ${email.trim().toLowerCase()} : votre adresse changera quand vous aurez suivi son lien.`,
  };
});
