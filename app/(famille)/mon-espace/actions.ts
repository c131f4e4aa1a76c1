"use server";

import { revalidatePath } from "next/cache";
import { requireParent } from "@/lib/auth/dal";
import { AddDocumentSchema, addDocument, discardUnclaimedUploads } from "@/lib/documents";
import { ContactSchema, EmailChangeSchema, requestEmailChange, updateOwnContact } from "@/lib/families/account";
import { formDataToObject, handleForm, type FormState } from "@/lib/forms";

/** "+ Ajouter un autre fichier" and "Écraser le fichier..": the file is already uploaded, this attaches it. */
export async function addDocumentAction(input: unknown): Promise<FormState> {
  const user = await requireParent();
  const state = await handleForm(AddDocumentSchema, input, async ({ typeId, personId, fileId, claim, replacesId }) => {
    await addDocument({ actor: { id: user.id, householdId: user.householdId }, typeId, personId, upload: { fileId, claim }, replacesId });
    revalidatePath("/mon-espace", "layout");
    revalidatePath("/accueil");
    return { status: "success", message: "Le fichier a été envoyé au service : il est en attente de validation." };
  });
  if (state.status === "error") {
    const { fileId, claim } = (input ?? {}) as { fileId?: unknown; claim?: unknown };
    if (typeof fileId === "string" && typeof claim === "string") await discardUnclaimedUploads([{ fileId, claim }]);
  }
  return state;
}

export async function updateContactAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireParent();
  return handleForm(ContactSchema, formDataToObject(formData), async ({ phone, mobile }) => {
    await updateOwnContact({ userId: user.id, phone, mobile });
    revalidatePath("/mon-espace", "layout");
    return { status: "success", message: "Vos numéros de téléphone sont enregistrés." };
  });
}

export async function requestEmailChangeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireParent();
  return handleForm(EmailChangeSchema, formDataToObject(formData), async ({ email }) => {
    await requestEmailChange({ userId: user.id, email });
    return {
      status: "success",
      message: `Un mail de confirmation a été envoyé à ${email.trim().toLowerCase()} : votre adresse changera quand vous aurez suivi son lien.`,
    };
  });
}
