import type { Day } from "@/lib/dates";
import type { InvoiceStatus } from "@/lib/generated/prisma/client";
import type { AuthoritySettingsDto } from "@/lib/settings";

/** The authority as the settings describe it (SIRET and the régie's DGFiP reference empty when not given), and the régie that collects the money. */
export type PdfAuthority = Pick<
  AuthoritySettingsDto,
  "name" | "address1" | "address2" | "postalCode" | "city" | "phone" | "email" | "siret" | "regieName" | "regieReference"
>;

export type PdfHousehold = {
  /** For staff pages' links back to the family; never printed */
  id: string;
  name: string;
  reference: number;
  address1: string;
  address2: string | null;
  postalCode: string;
  city: string;
};

/** Everything the invoice PDF shows, prepared by the billing domain (no database access here). */
export type InvoicePdfData = {
  authority: PdfAuthority;
  invoice: {
    number: number;
    issuedAt: Date;
    totalCents: number;
    status: InvoiceStatus;
    paid: boolean;
    paidAt: Date | null;
    cancelled: boolean;
    /** While unpaid: the last day to pay, by the service's calendar (the hold's end, or the payment term) */
    dueDay: Day | null;
    /** While its places are held: when the hold ends (the earliest running hold); the payment is due before then */
    heldUntil: Date | null;
    /** Open to payment (online, at the counter) */
    payable: boolean;
    paymentIdentifier: string;
    /** The public payment page for this invoice, also encoded in the QR code */
    payUrl: string;
    /** Where the payer types the identifier ("Facture payable en ligne sur :") */
    payPortalUrl: string;
    qf: number | null;
    regime: string | null;
  };
  household: PdfHousehold;
  responsible: string;
  groups: {
    title: string;
    lines: { label: string; quantity: number; unitPriceCents: number; totalCents: number }[];
  }[];
};

/** Everything the credit note (avoir) PDF shows, prepared by the billing domain. */
export type CreditNotePdfData = {
  authority: PdfAuthority;
  household: PdfHousehold;
  responsible: string;
  creditNote: {
    number: number;
    issuedAt: Date;
    amountCents: number;
    reason: string;
  };
  /** The invoice it corrects, when there is one */
  invoice: { number: number; issuedAt: Date; totalCents: number } | null;
};
