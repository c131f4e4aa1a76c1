"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions";
import { clientAddress } from "@/lib/auth/client-address";
import { getPayableInvoice } from "@/lib/billing/invoices";
import { startPayfipPayment } from "@/lib/payments";
import { PublicPaymentSchema } from "@/lib/payments/schemas";
import { hitRateLimit } from "@/lib/rate-limit";

/** Paying without signing in: the printed identifier is the only key to the invoice. */
export const startPublicPaymentAction = defineAction(
  {
    role: "public",
    schema: PublicPaymentSchema,
    // After a refusal the form shows the email as it was typed.
    finish: (state, formData) => {
      const email = formData.get("email");
      return { ...state, values: { email: typeof email === "string" ? email : "" } };
    },
  },
  async ({ input: { identifiant, email } }) => {
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
    redirect(redirectUrl);
  },
);
