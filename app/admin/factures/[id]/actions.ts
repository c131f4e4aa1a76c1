"use server";

import { revalidatePath } from "next/cache";
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
    revalidatePath(`/admin/factures/${invoiceId}`);
    return { status: "success", message: "Facture annulée : son numéro est conservé." };
  });
}

export async function counterPaymentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff();
  return handleForm(CounterSchema, formDataToObject(formData), async ({ invoiceId, method }) => {
    const { receiptNumber } = await recordCounterPayment({ actor, invoiceId, method });
    revalidatePath(`/admin/factures/${invoiceId}`);
    return { status: "success", message: `Paiement enregistré : reçu N° ${receiptNumber}.` };
  });
}
