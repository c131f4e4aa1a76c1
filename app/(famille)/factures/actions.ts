"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireParent } from "@/lib/auth/dal";
import { applyCreditToInvoice } from "@/lib/billing/credit";
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

/**
 * "Utiliser mon avoir": one click puts the family's credit on one of its
 * invoices. The household comes from the session, never from the form; a
 * second click finds the invoice paid (or no credit left) and says so.
 */
export async function applyCreditAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireParent();
  return handleForm(ParentPaymentSchema, formDataToObject(formData), async ({ invoiceId }) => {
    const { usedCents, paid } = await applyCreditToInvoice({ actor: user, householdId: user.householdId, invoiceId });
    revalidatePath("/accueil");
    // The row changes (or its button goes): the outcome is told at the top of the page.
    redirect(`/factures?avoir=${paid ? "regle" : "partiel"}&montant=${usedCents}`);
  });
}
