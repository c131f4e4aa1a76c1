"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions";
import { applyCreditToInvoice } from "@/lib/billing/credit";
import { startPayfipPayment } from "@/lib/payments";
import { ParentPaymentSchema } from "@/lib/payments/schemas";

export const startParentPaymentAction = defineAction({ role: "parent", schema: ParentPaymentSchema }, async ({ input: { invoiceId }, user }) => {
  const { redirectUrl } = await startPayfipPayment({ invoiceId, scope: { householdId: user.householdId }, email: user.email });
  redirect(redirectUrl);
});

/**
 * "Utiliser mon avoir": one click puts the family's credit on one of its
 * invoices. The household comes from the session, never from the form; a
 * second click finds the invoice paid (or no credit left) and says so.
 */
export const applyCreditAction = defineAction({ role: "parent", schema: ParentPaymentSchema }, async ({ input: { invoiceId }, user }) => {
  const { usedCents, paid } = await applyCreditToInvoice({ actor: user, householdId: user.householdId, invoiceId });
  revalidatePath("/accueil");
  // The row changes (or its button goes): the outcome is told at the top of the page.
  redirect(`/factures?avoir=${paid ? "regle" : "partiel"}&montant=${usedCents}`);
});
