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
    siret: "21340157800009",
    regieName: "Régie Périscolaire",
    regieReference: "R-34-0421",
  },
  invoice: {
    number: 9577,
    issuedAt: new Date("2026-05-04T08:35:00Z"),
    totalCents: 800,
    status: "UNPAID",
    paid: false,
    paidAt: null,
    cancelled: false,
    dueDay: "2026-06-03",
    heldUntil: null,
    payable: true,
    paymentIdentifier: "K7Q2M9XW4HT3NB8R",
    payUrl: "https://famille.example/payer?identifiant=K7Q2M9XW4HT3NB8R",
    payPortalUrl: "https://famille.example/payer",
    qf: 351,
    regime: "RG",
  },
  household: { id: "sample", name: "DUPONT", reference: 1, address1: "12 chemin des Vignes", address2: null, postalCode: "34480", city: "Magalas" },
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

const SAMPLE_PRESTATIONS = [
  { label: "Cantine Repas cantine", unitPriceCents: 400, days: [4, 5, 7, 11, 12, 18, 19, 21, 26, 28] },
  { label: "Périscolaire Accueil du matin", unitPriceCents: 150, days: [5, 12, 19, 26] },
  { label: "Périscolaire Accueil du soir", unitPriceCents: 220, days: [4, 7, 11, 14, 18, 21, 25, 28] },
  { label: "Centre de loisirs Mercredi journée", unitPriceCents: 1200, days: [6, 20] },
  { label: "Centre de loisirs Mercredi demi-journée", unitPriceCents: 700, days: [13, 27] },
];
const SAMPLE_CHILDREN = ["Emma", "Lucas", "Léa"];
const SAMPLE_MONTHS = ["mai 2026", "juin 2026"];

/**
 * An invoice of `count` lines labelled as `invoiceLines` labels them (child,
 * prestation, days, month), spread over three children as a busy household's
 * end-of-term invoice would be: for the page-count test and the benchmark.
 */
export function sampleInvoiceWithLines(count: number): InvoicePdfData {
  const groups = SAMPLE_CHILDREN.map((firstName) => ({ title: `${firstName} DUPONT`, lines: [] as InvoicePdfData["groups"][number]["lines"] }));
  for (let i = 0; i < count; i++) {
    const child = i % SAMPLE_CHILDREN.length;
    const prestation = SAMPLE_PRESTATIONS[Math.floor(i / SAMPLE_CHILDREN.length) % SAMPLE_PRESTATIONS.length];
    const month = SAMPLE_MONTHS[Math.floor(i / (SAMPLE_CHILDREN.length * SAMPLE_PRESTATIONS.length)) % SAMPLE_MONTHS.length];
    groups[child].lines.push({
      label: `${SAMPLE_CHILDREN[child]} ${prestation.label} ${prestation.days.join(", ")} ${month}`,
      quantity: prestation.days.length,
      unitPriceCents: prestation.unitPriceCents,
      totalCents: prestation.days.length * prestation.unitPriceCents,
    });
  }
  const used = groups.filter((g) => g.lines.length > 0);
  const totalCents = used.flatMap((g) => g.lines).reduce((sum, l) => sum + l.totalCents, 0);
  return { ...SAMPLE_INVOICE, invoice: { ...SAMPLE_INVOICE.invoice, totalCents }, groups: used };
}
