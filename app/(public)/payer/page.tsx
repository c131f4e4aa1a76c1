import type { Metadata } from "next";
import { headers } from "next/headers";
import { PaymentForm } from "@/components/payment/payment-form";
import { Alert } from "@/components/ui/alert";
import { ErrorSummary } from "@/components/ui/error-summary";
import { clientAddress } from "@/lib/auth/client-address";
import { getPayableInvoice, type PayableInvoiceDto } from "@/lib/billing/invoices";
import { AppError } from "@/lib/errors";
import { readPaymentIdentifier } from "@/lib/billing/numbers";
import { paymentNoticeSummary } from "@/lib/billing/pdf/wording";
import type { FormState } from "@/lib/forms";
import { hitRateLimit } from "@/lib/rate-limit";
import { getSettings } from "@/lib/settings";
import { startPublicPaymentAction } from "./actions";

export const metadata: Metadata = { title: "Paiement en ligne" };

const NOT_FOUND = "Aucune facture à payer ne correspond à cet identifiant : vérifiez-le sur votre facture.";

/**
 * "Paiement en ligne — <the authority>": the identifier printed on the invoice
 * (or its QR code) opens the payment form. Lookups are throttled per address
 * and the page shows only what the payer needs to recognise the bill.
 */
export default async function PublicPaymentPage({ searchParams }: { searchParams: Promise<{ identifiant?: string | string[] }> }) {
  // A query string can repeat a parameter: the first one counts.
  const given = (await searchParams).identifiant;
  const identifiant = Array.isArray(given) ? given[0] : given;
  let invoice: PayableInvoiceDto | undefined;
  let error: FormState | undefined;
  // What the identifier itself gets wrong is the field's; a throttled lookup is not.
  const fieldError = (message: string): FormState => ({
    status: "error",
    message: "L'identifiant de paiement en ligne ne permet pas de retrouver la facture :",
    fieldErrors: { identifiant: message },
  });
  if (identifiant) {
    const read = readPaymentIdentifier(identifiant);
    if (!read.ok) {
      error = fieldError(read.message);
    } else {
      try {
        await hitRateLimit({
          key: `pay-lookup:${clientAddress(await headers())}`,
          max: 30,
          windowMinutes: 15,
          message: "Trop de recherches depuis cette connexion. Réessayez dans un quart d'heure.",
        });
        invoice = await getPayableInvoice({ paymentIdentifier: identifiant });
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        error = e.code === "NOT_FOUND" ? fieldError(NOT_FOUND) : { status: "error", message: e.message };
      }
    }
  }
  const settings = await getSettings();
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-2xl font-bold text-slate-900">Paiement en ligne — {settings.name}</h1>
      {error ? <ErrorSummary state={error} fieldIds={{ identifiant: "identifiant" }} /> : null}
      <form method="get" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <label htmlFor="identifiant" className="block font-semibold">
          Identifiant de paiement en ligne
        </label>
        <p id="identifiant-hint" className="text-sm text-slate-700">
          Il figure sur l&apos;avis de paiement de votre facture (« Identifiant de Paiement en ligne »), ou scannez le QR code.
        </p>
        <input
          id="identifiant"
          name="identifiant"
          defaultValue={identifiant}
          aria-describedby={error?.fieldErrors ? "identifiant-hint identifiant-error" : "identifiant-hint"}
          aria-invalid={error?.fieldErrors ? true : undefined}
          autoComplete="off"
          spellCheck={false}
          className="block min-h-11 w-full rounded-md border border-slate-500 px-3 font-mono uppercase aria-[invalid=true]:border-danger-700"
        />
        {error?.fieldErrors ? (
          <p id="identifiant-error" className="text-sm font-medium text-danger-700">
            {error.fieldErrors.identifiant}
          </p>
        ) : null}
        <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 font-semibold text-white">
          Rechercher la facture
        </button>
      </form>
      {invoice ? (
        invoice.payable ? (
          <PaymentForm
            action={startPublicPaymentAction}
            invoiceId={invoice.id}
            paymentIdentifier={invoice.paymentIdentifier}
            summary={`${paymentNoticeSummary(invoice)}.`}
            askEmail
            backHref="/payer"
          />
        ) : (
          <Alert tone="info">{invoice.reason}</Alert>
        )
      ) : null}
    </div>
  );
}
