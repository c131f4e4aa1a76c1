import "server-only";
import type { TaxCertificatePdfData } from "@/lib/billing/pdf/certificate-types";
import { pdfParties } from "@/lib/billing/pdf-parties";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getSettings } from "@/lib/settings";
import { storedChildren } from "./tax";

/** The household's tax certificates, newest year first, for Factures › Attestations. */
export async function listTaxCertificates(householdId: string) {
  const db = await getDb();
  const rows = await db.taxCertificate.findMany({
    where: { householdId },
    select: { year: true, totalCents: true, issuedAt: true },
    orderBy: { year: "desc" },
  });
  return rows;
}

/**
 * Everything the certificate PDF and its accessible page show, from the
 * stored figures (so both always say what was issued). `householdId` scopes a
 * parent's request; staff pass the household they look at.
 */
export async function getTaxCertificatePdfData({ householdId, year }: { householdId: string; year: number }): Promise<TaxCertificatePdfData> {
  const db = await getDb();
  const certificate = await db.taxCertificate.findUnique({
    where: { householdId_year: { householdId, year } },
    include: { household: { include: { members: { where: { quality: "RESPONSABLE" }, take: 1 } } } },
  });
  if (!certificate) throw new AppError("NOT_FOUND", "Attestation introuvable.");
  return {
    ...pdfParties(await getSettings(), certificate.household),
    year: certificate.year,
    issuedAt: certificate.issuedAt,
    children: storedChildren(certificate.children).map((c) => ({ firstName: c.firstName, lastName: c.lastName, birthDate: c.birthDate, amountCents: c.amountCents })),
    totalCents: certificate.totalCents,
  };
}
