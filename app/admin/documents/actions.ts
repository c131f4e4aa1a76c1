"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions";
import { DocumentDecisionSchema, RefuseDocumentSchema, refuseDocument, validateDocument } from "@/lib/documents";
import { keepValues } from "../_lib/form-values";

export const validateDocumentAction = defineAction(
  { role: "staff", schema: DocumentDecisionSchema, finish: keepValues },
  async ({ input: { documentId }, user: actor }) => {
    await validateDocument({ actor, documentId });
    revalidatePath("/admin", "layout");
    redirect(`/admin/documents/${encodeURIComponent(documentId)}?decision=valide`);
  },
);

export const refuseDocumentAction = defineAction(
  { role: "staff", schema: RefuseDocumentSchema, finish: keepValues },
  async ({ input: { documentId, reason }, user: actor }) => {
    await refuseDocument({ actor, documentId, reason });
    revalidatePath("/admin", "layout");
    redirect(`/admin/documents/${encodeURIComponent(documentId)}?decision=refuse`);
  },
);
