export type PdfAuthority = {
  name: string;
  address1: string;
  address2: string | null;
  postalCode: string;
  city: string;
  phone: string;
  email: string;
  regieName: string;
};

export type PdfHousehold = {
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
    paid: boolean;
    paidAt: Date | null;
    cancelled: boolean;
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
