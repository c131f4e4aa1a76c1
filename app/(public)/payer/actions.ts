"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientAddress } from "@/lib/auth/client-address";
import { getPayableInvoice } from "@/lib/billing/invoices";
import { type FormState, formDataToObject, handleForm } from "@/lib/forms";
import { startPayfipPayment } from "@/lib/payments";
import { PublicPaymentSchema } from "@/lib/payments/schemas";
import { hitRateLimit } from "@/lib/rate-limit";

/** Paying without signing in: the printed identifier is the only key to the invoice. */
export async function startPublicPaymentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  let target = "";
  const input = formDataToObject(formData);
  const state = await handleForm(PublicPaymentSchema, input, async ({ identifiant, email }) => {
    await hitRateLimit({
      key: `pay-start:${clientAddress(await headers())}`,
      max: 20,
      windowMinutes: 15,
      message: "Trop de tentatives depuis cette connexion. Réessayez dans un quart d'heure.",
    });
    const invoice = await getPayableInvoice({ paymentIdentifier: identifiant });
    const { redirectUrl } = await startPayfipPayment({
      invoiceId: invoice.id,
      scope: { paymentIdentifier: invoice.paymentIdentifier },
      email,
    });
    target = redirectUrl;
  });
  if (target) redirect(target);
  return { ...state, values: { email: typeof input.email === "string" ? input.email : "" } };
}
