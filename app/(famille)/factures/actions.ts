"use server";

import { redirect } from "next/navigation";
import { requireParent } from "@/lib/auth/dal";
import { type FormState, formDataToObject, handleForm } from "@/lib/forms";
import { startPayfipPayment } from "@/lib/payments";
import { ParentPaymentSchema } from "@/lib/payments/schemas";

export async function startParentPaymentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireParent();
  let target = "";
  const state = await handleForm(ParentPaymentSchema, formDataToObject(formData), async ({ invoiceId }) => {
    const { redirectUrl } = await startPayfipPayment({ invoiceId, scope: { householdId: user.householdId }, email: user.email });
    target = redirectUrl;
  });
  if (target) redirect(target);
  return state;
}
