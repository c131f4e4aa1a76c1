import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PaymentForm } from "@/components/payment/payment-form";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/dal";
import { getPayableInvoice } from "@/lib/billing/invoices";
import { AppError } from "@/lib/errors";
import { formatCents } from "@/lib/format";
import { startParentPaymentAction } from "../../actions";
import { isId } from "@/lib/validation/ids";

export const metadata: Metadata = { title: "Paiement en ligne" };

export default async function PayInvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("parent");
  const { id } = await params;
  if (!isId(id)) notFound();
  const invoice = await getPayableInvoice({ householdId: user.householdId, invoiceId: id }).catch((error) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return (
    <>
      <PageTitle>Paiement en ligne de la commune</PageTitle>
      {invoice.payable ? (
        <PaymentForm
          action={startParentPaymentAction}
          invoiceId={invoice.id}
          paymentIdentifier={invoice.paymentIdentifier}
          summary={`Identifiant : ${invoice.paymentIdentifier}, Avis De Paiement N° ${invoice.number} de ${formatCents(invoice.totalCents)} adressée ${invoice.addressedTo}${
            invoice.dueCents < invoice.totalCents ? `. Votre avoir a été déduit : reste à payer ${formatCents(invoice.dueCents)}` : ""
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
