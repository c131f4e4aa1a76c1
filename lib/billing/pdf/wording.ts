import { formatCents, formatDate, formatDay, formatPaymentIdentifier } from "@/lib/format";
import { parisTime } from "@/lib/dates";
import type { CreditNotePdfData, InvoicePdfData, PdfAuthority } from "./types";

// The words of the invoice's payment slip and header, shared by the PDF, its
// accessible HTML version and the PDF benchmark, so the three say the same.

const NBSP = "\u00a0";

/** "213 401 578 00009", as INSEE prints a SIRET; "" when the authority gave none. */
export function formatSiret(siret: string): string {
  return /^\d{14}$/.test(siret) ? `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}` : siret;
}

/** The header's identity lines under the authority's address, each left out when its setting is empty. */
export function authorityIdentityLines(authority: PdfAuthority): string[] {
  return [
    [authority.phone, authority.email].filter(Boolean).join(" — "),
    authority.siret ? `SIRET : ${formatSiret(authority.siret)}` : "",
    authority.regieReference ? `${authority.regieName} — référence : ${authority.regieReference}` : "",
  ].filter(Boolean);
}

/**
 * The slip's title on an unpaid invoice: a notice to pay ("avis de
 * paiement"), not a "quittance", which in French is the receipt given once
 * paid.
 */
export const slipTitle = (invoice: Pick<InvoicePdfData["invoice"], "number" | "totalCents">) =>
  `Avis de paiement N° ${invoice.number} d'un montant de ${formatCents(invoice.totalCents)}`;

/** "À payer avant le 04/06/2026 à 14:32 : …" while places are held, else the payment term's day; null once paid or closed. */
export function dueLine(invoice: Pick<InvoicePdfData["invoice"], "dueDay" | "heldUntil">): string | null {
  if (invoice.heldUntil) {
    return `À payer avant le ${formatDate(invoice.heldUntil)} à ${parisTime(invoice.heldUntil)} : passé ce délai, les places retenues sont libérées.`;
  }
  return invoice.dueDay ? `À payer avant le ${formatDay(invoice.dueDay)}.` : null;
}

/**
 * How to pay at the counter. The payee is written with no-break spaces, so
 * "à l'ordre de Régie Périscolaire" is never split across two lines, where
 * a cheque writer would copy half a name.
 */
export const PAYMENT_MEANS = "En votre aimable règlement en espèces, carte bancaire, CESU ou chèque";
export const payeeLine = (authority: Pick<PdfAuthority, "regieName">) =>
  `à l'ordre de ${authority.regieName}`.replaceAll(" ", NBSP);

export const payOnlineLine = (invoice: Pick<InvoicePdfData["invoice"], "payPortalUrl">) => `Facture payable en ligne sur : ${invoice.payPortalUrl}`;
export const IDENTIFIER_LABEL = "Identifiant de Paiement en ligne : ";
export const groupedIdentifier = (invoice: Pick<InvoicePdfData["invoice"], "paymentIdentifier">) =>
  formatPaymentIdentifier(invoice.paymentIdentifier);
export const QR_LINE = "Ou scannez le QR code pour accéder au paiement";
export const THANKS = "Merci d'avance.";

/** A paid invoice's state: "Acquittée le 04/06/2026"; the PDF stamps it in capitals. */
export const paidLabel = (invoice: Pick<InvoicePdfData["invoice"], "paidAt">) =>
  `Acquittée${invoice.paidAt ? ` le ${formatDate(invoice.paidAt)}` : ""}`;
export const paidStamp = (invoice: Pick<InvoicePdfData["invoice"], "paidAt">) => paidLabel(invoice).replace("Acquittée", "ACQUITTÉE");

/** The credit note's "Facture corrigée". */
export const correctedInvoice = (invoice: CreditNotePdfData["invoice"]) =>
  invoice
    ? `Facture N° ${invoice.number} du ${formatDate(invoice.issuedAt)} (${formatCents(invoice.totalCents)})`
    : "Aucune (somme reçue sans facture à régler)";

export const creditNoteExplanation = (authority: Pick<PdfAuthority, "regieName">) =>
  `Ce montant est porté au crédit de votre compte famille (${authority.regieName}). Il peut être utilisé pour régler une prochaine facture ou vous être remboursé par le service.`;

/** The payment form's summary: "Avis de paiement N° 9577 de 8,00 € adressé à la famille DUPONT. Identifiant : K7Q2-…" */
export const paymentNoticeSummary = (invoice: { number: number; totalCents: number; householdName: string; paymentIdentifier: string }) =>
  `Avis de paiement N° ${invoice.number} de ${formatCents(invoice.totalCents)} adressé à la famille ${invoice.householdName}. ` +
  `Identifiant : ${formatPaymentIdentifier(invoice.paymentIdentifier)}`;
