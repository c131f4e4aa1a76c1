/** Everything the invoice PDF shows, prepared by the billing domain (no database access here). */
export type InvoicePdfData = {
  authority: {
    name: string;
    address1: string;
    address2: string | null;
    postalCode: string;
    city: string;
    phone: string;
    email: string;
    regieName: string;
  };
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
  household: {
    name: string;
    reference: number;
    address1: string;
    address2: string | null;
    postalCode: string;
    city: string;
  };
  responsible: string;
  groups: {
    title: string;
    lines: { label: string; quantity: number; unitPriceCents: number; totalCents: number }[];
  }[];
};
