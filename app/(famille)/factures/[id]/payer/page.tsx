import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { PaymentForm } from "@/components/payment/payment-form";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/dal";
import { getPayableInvoice } from "@/lib/billing/invoices";
import { AppError } from "@/lib/errors";
import { paymentNoticeSummary } from "@/lib/billing/pdf/wording";
import { formatCents } from "@/lib/format";
import { getSettings } from "@/lib/settings";
import { startParentPaymentAction } from "../../actions";
import { isId } from "@/lib/validation/ids";

type Props = { params: Promise<{ id: string }> };

// The title names the invoice: one read per request, shared by the title and the page.
const loadInvoice = cache(async (id: string) => {
  const user = await requireRole("parent");
  if (!isId(id)) notFound();
  return getPayableInvoice({ householdId: user.householdId, invoiceId: id }).catch((error) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const invoice = await loadInvoice((await params).id);
  return { title: `Paiement de la facture N° ${invoice.number}` };
}

export default async function PayInvoicePage({ params }: Props) {
  const invoice = await loadInvoice((await params).id);
  const settings = await getSettings();
  return (
    <>
      <PageTitle>Paiement en ligne — {settings.name}</PageTitle>
      {invoice.payable ? (
        <PaymentForm
          action={startParentPaymentAction}
          invoiceId={invoice.id}
          paymentIdentifier={invoice.paymentIdentifier}
          summary={`${paymentNoticeSummary(invoice)}.${
            invoice.dueCents < invoice.totalCents ? ` Votre avoir a été déduit : reste à payer ${formatCents(invoice.dueCents)}.` : ""
          }`}
          askEmail={false}
          backHref="/factures"
        />
      ) : (
        <div className="space-y-4">
          <Alert tone="info">{invoice.reason}</Alert>
          <ButtonLink href="/factures" variant="secondary">
            Retour aux factures
          </ButtonLink>
        </div>
      )}
    </>
  );
}
