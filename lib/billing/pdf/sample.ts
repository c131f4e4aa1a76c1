import type { CreditNotePdfData, InvoicePdfData } from "./types";

/** Realistic data for previews, tests and the PDF benchmark. */
export const SAMPLE_INVOICE: InvoicePdfData = {
  authority: {
    name: "Communauté de communes du Val Fleuri",
    address1: "ZAE Les Garrigues",
    address2: null,
    postalCode: "34480",
    city: "Magalas",
    phone: "04 67 00 07 51",
    email: "jeunesse@val-fleuri.example",
    regieName: "Régie Périscolaire",
  },
  invoice: {
    number: 9577,
    issuedAt: new Date("2026-05-04T08:35:00Z"),
    totalCents: 800,
    paid: false,
    paidAt: null,
    cancelled: false,
    paymentIdentifier: "K7Q2M9XW4HT3NB8R",
    payUrl: "https://famille.example/payer?identifiant=K7Q2M9XW4HT3NB8R",
    payPortalUrl: "https://famille.example/payer",
    qf: 351,
    regime: "RG",
  },
  household: { name: "DUPONT", reference: 1, address1: "12 chemin des Vignes", address2: null, postalCode: "34480", city: "Magalas" },
  responsible: "Mme Marie DUPONT",
  groups: [
    {
      title: "Emma DUPONT",
      lines: [{ label: "Cantine Repas cantine 9, 15 mai 2026", quantity: 2, unitPriceCents: 400, totalCents: 800 }],
    },
  ],
};

export const SAMPLE_CREDIT_NOTE: CreditNotePdfData = {
  authority: SAMPLE_INVOICE.authority,
  household: SAMPLE_INVOICE.household,
  responsible: SAMPLE_INVOICE.responsible,
  creditNote: { number: 12, issuedAt: new Date("2026-05-20T09:10:00Z"), amountCents: 400, reason: "Repas du 15 mai non servi (sortie scolaire)" },
  invoice: { number: 9577, issuedAt: SAMPLE_INVOICE.invoice.issuedAt, totalCents: 800 },
};
