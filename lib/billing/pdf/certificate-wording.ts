import { formatCents, formatDate, formatDay } from "@/lib/format";
import type { AttendancePdfData, TaxCertificatePdfData } from "./certificate-types";
import type { PdfAuthority } from "./types";

// The certificates' words, shared by the PDFs and their accessible HTML versions.

export const taxCertificateTitle = (year: number) => `Attestation fiscale — frais de garde ${year}`;

export const CGI_MENTION = "article 200 quater B du code général des impôts";

/** The statement above the children's amounts. */
export const taxCertificateStatement = (data: Pick<TaxCertificatePdfData, "authority" | "household" | "responsible" | "year">) =>
  `${data.authority.name} (${data.authority.regieName}) atteste que ${data.responsible}, famille ${data.household.name}, a versé en ${data.year} ` +
  `les sommes ci-dessous pour la garde hors du domicile de ses enfants âgés de moins de 6 ans au 1er janvier ${data.year}, ` +
  `au titre de l'${CGI_MENTION}.`;

export const TAX_CERTIFICATE_NOTE =
  "Montants effectivement payés dans l'année pour les prestations de garde éligibles, déduction faite des avoirs. " +
  "Les repas et les pénalités n'en font pas partie. Les enfants de 6 ans ou plus au 1er janvier ne sont pas concernés.";

export const bornOn = (day: string) => `né(e) le ${formatDay(day)}`;

/** "Fait à Avant-Monts, le 05/01/2027". */
export const madeAtLine = (authority: Pick<PdfAuthority, "city">, at: Date) => `Fait à ${authority.city}, le ${formatDate(at)}`;

export const totalLine = (totalCents: number) => `Total : ${formatCents(totalCents)}`;

export const attendanceTitle = "Attestation de présence";

export const attendanceStatement = (data: Pick<AttendancePdfData, "authority" | "child" | "from" | "to">) =>
  `${data.authority.name} atteste que ${data.child.firstName} ${data.child.lastName}` +
  `${data.child.birthDate ? `, ${bornOn(data.child.birthDate)},` : ""} a été présent(e) aux jours suivants ` +
  `entre le ${formatDay(data.from)} et le ${formatDay(data.to)}.`;

export const dayCount = (n: number) => `${n} jour${n > 1 ? "s" : ""}`;

export const NO_ATTENDANCE = "Aucune présence enregistrée sur cette période.";
