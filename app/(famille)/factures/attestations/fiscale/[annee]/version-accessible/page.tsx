import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireRole } from "@/lib/auth/dal";
import { getTaxCertificatePdfData } from "@/lib/certificates/documents";
import { AppError } from "@/lib/errors";
import { taxCertificateTitle } from "@/lib/billing/pdf/certificate-wording";
import { AccessibleTaxCertificate } from "./accessible-tax-certificate";

type Props = { params: Promise<{ annee: string }> };

// Read once per request for the title and the page, in the session's household: a year without a certificate is a 404.
const loadCertificate = cache(async (annee: string) => {
  const user = await requireRole("parent");
  if (!/^\d{4}$/.test(annee)) notFound();
  return getTaxCertificatePdfData({ householdId: user.householdId, year: Number(annee) }).catch((error) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await loadCertificate((await params).annee);
  return { title: `${taxCertificateTitle(data.year)} — version accessible` };
}

/** The family's tax certificate as an accessible HTML page, beside its PDF. */
export default async function AccessibleTaxCertificatePage({ params }: Props) {
  const { annee } = await params;
  const data = await loadCertificate(annee);
  return <AccessibleTaxCertificate data={data} pdfHref={`/factures/attestations/fiscale/${annee}/pdf`} />;
}
