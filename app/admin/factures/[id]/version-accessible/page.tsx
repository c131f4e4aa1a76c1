import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireRole } from "@/lib/auth/dal";
import { getInvoicePdfData } from "@/lib/billing/invoices";
import { AccessibleInvoice } from "@/components/billing/accessible-documents";
import { AppError } from "@/lib/errors";
import { isId } from "@/lib/validation/ids";

type Props = { params: Promise<{ id: string }> };

const loadInvoice = cache(async (id: string) => {
  await requireRole("staff");
  if (!isId(id)) notFound();
  return getInvoicePdfData({ invoiceId: id }).catch((error) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await loadInvoice((await params).id);
  return { title: `Facture N° ${data.invoice.number} — version accessible` };
}

/** Any household's invoice as the family reads it in HTML, for staff (staff do not pay it: no "Payer en ligne"). */
export default async function StaffAccessibleInvoicePage({ params }: Props) {
  const { id } = await params;
  const data = await loadInvoice(id);
  return (
    <AccessibleInvoice
      data={data}
      actions={{ pdfHref: `/factures/${id}/pdf`, backHref: `/admin/factures/${id}`, backLabel: `Retour à la facture N° ${data.invoice.number}` }}
    />
  );
}
