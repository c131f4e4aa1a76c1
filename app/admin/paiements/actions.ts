"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/dal";
import { PAYMENT_STATUS_LABELS, recheckPayment } from "@/lib/billing/staff";
import { type FormState, formDataToObject, handleForm } from "@/lib/forms";

export async function recheckPaymentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff();
  return handleForm(z.object({ paymentId: z.string().min(1) }), formDataToObject(formData), async ({ paymentId }) => {
    const outcome = await recheckPayment({ actor, paymentId });
    revalidatePath("/admin/paiements");
    return {
      status: "success",
      message: outcome ? `PayFiP consulté : ${PAYMENT_STATUS_LABELS[outcome.status]}.` : "PayFiP ne connaît pas ce paiement.",
    };
  });
}
