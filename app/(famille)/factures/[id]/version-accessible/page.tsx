import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireRole } from "@/lib/auth/dal";
import { getInvoicePdfData } from "@/lib/billing/invoices";
import { AccessibleInvoice } from "@/components/billing/accessible-documents";
import { AppError } from "@/lib/errors";
import { isId } from "@/lib/validation/ids";

type Props = { params: Promise<{ id: string }> };

// Read once per request for the title and the page, in the session's household: another household's id is a 404 that names nothing.
const loadInvoice = cache(async (id: string) => {
  const user = await requireRole("parent");
  if (!isId(id)) notFound();
  return getInvoicePdfData({ invoiceId: id, householdId: user.householdId }).catch((error) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await loadInvoice((await params).id);
  return { title: `Facture N° ${data.invoice.number} — version accessible` };
}

/** The family's invoice as an accessible HTML page, beside its PDF. */
export default async function AccessibleInvoicePage({ params }: Props) {
  const { id } = await params;
  const data = await loadInvoice(id);
  return (
    <AccessibleInvoice
      data={data}
      actions={{ pdfHref: `/factures/${id}/pdf`, payHref: `/factures/${id}/payer`, backHref: "/factures", backLabel: "Retour aux factures" }}
    />
  );
}
