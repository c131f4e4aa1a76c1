"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth/dal";
import { DocumentDecisionSchema, RefuseDocumentSchema, refuseDocument, validateDocument } from "@/lib/documents";
import { formDataToObject, handleForm } from "@/lib/forms";
import { keepValues, type AdminFormState } from "../_lib/form-values";

export async function validateDocumentAction(_prev: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const actor = await requireStaff();
  const state = await handleForm(DocumentDecisionSchema, formDataToObject(formData), async ({ documentId }) => {
    await validateDocument({ actor, documentId });
    revalidatePath("/admin", "layout");
    redirect(`/admin/documents/${encodeURIComponent(documentId)}?decision=valide`);
  });
  return keepValues(state, formData);
}

export async function refuseDocumentAction(_prev: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const actor = await requireStaff();
  const state = await handleForm(RefuseDocumentSchema, formDataToObject(formData), async ({ documentId, reason }) => {
    await refuseDocument({ actor, documentId, reason });
    revalidatePath("/admin", "layout");
    redirect(`/admin/documents/${encodeURIComponent(documentId)}?decision=refuse`);
  });
  return keepValues(state, formData);
}
