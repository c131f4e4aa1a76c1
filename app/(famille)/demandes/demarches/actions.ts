"use server";

import { redirect } from "next/navigation";
import { requireParent } from "@/lib/auth/dal";
import { discardUnclaimedUploads } from "@/lib/documents";
import { handleForm, type FormState } from "@/lib/forms";
import { SubmitRequestSchema, submitRequest } from "@/lib/requests";

/** "Envoi" of a démarche: the files are already uploaded; this attaches them with the request. */
export async function submitRequestAction(input: unknown): Promise<FormState> {
  const user = await requireParent();
  let requestId: string | null = null;
  const state = await handleForm(SubmitRequestSchema, input, async (data) => {
    const result = await submitRequest({ actor: { id: user.id, householdId: user.householdId }, ...data });
    requestId = result.requestId;
  });
  if (requestId) redirect(`/demandes/demarches/${encodeURIComponent(requestId)}?envoyee=1`);
  if (state.status === "error") {
    const parsed = SubmitRequestSchema.shape.uploads.safeParse((input as { uploads?: unknown } | null)?.uploads);
    if (parsed.success) await discardUnclaimedUploads(parsed.data);
  }
  return state;
}
