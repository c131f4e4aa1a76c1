"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/dal";
import { cancelInvoice, COUNTER_METHODS, recordCounterPayment } from "@/lib/billing/staff";
import { type FormState, formDataToObject, handleForm } from "@/lib/forms";

const CancelSchema = z.object({
  invoiceId: z.string().min(1),
  reason: z.string().trim().min(5, "Indiquez le motif de l'annulation (5 caractères au moins).").max(500),
});

const CounterSchema = z.object({
  invoiceId: z.string().min(1),
  method: z.enum(COUNTER_METHODS, { error: "Choisissez le moyen de paiement." }),
});

export async function cancelInvoiceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff();
  return handleForm(CancelSchema, formDataToObject(formData), async ({ invoiceId, reason }) => {
    await cancelInvoice({ actor, invoiceId, reason });
    // The forms disappear with the invoice's new state: the outcome is told by the page itself.
    redirect(`/admin/factures/${invoiceId}?annulee=1`);
  });
}

export async function counterPaymentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff();
  return handleForm(CounterSchema, formDataToObject(formData), async ({ invoiceId, method }) => {
    const { receiptNumber } = await recordCounterPayment({ actor, invoiceId, method });
    redirect(`/admin/factures/${invoiceId}?recu=${receiptNumber}`);
  });
}
