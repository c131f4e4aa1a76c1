"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth/dal";
import { formDataToObject, handleForm } from "@/lib/forms";
import { acceptRequest, refuseRequest, RefuseRequestSchema, RequestDecisionSchema } from "@/lib/requests";
import { keepValues, type AdminFormState } from "../_lib/form-values";

export async function acceptRequestAction(_prev: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const actor = await requireStaff();
  const state = await handleForm(RequestDecisionSchema, formDataToObject(formData), async ({ requestId }) => {
    await acceptRequest({ actor, requestId });
    revalidatePath("/admin", "layout");
    redirect(`/admin/demandes/${encodeURIComponent(requestId)}?decision=acceptee`);
  });
  return keepValues(state, formData);
}

export async function refuseRequestAction(_prev: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const actor = await requireStaff();
  const state = await handleForm(RefuseRequestSchema, formDataToObject(formData), async ({ requestId, reason }) => {
    await refuseRequest({ actor, requestId, reason });
    revalidatePath("/admin", "layout");
    redirect(`/admin/demandes/${encodeURIComponent(requestId)}?decision=refusee`);
  });
  return keepValues(state, formData);
}
