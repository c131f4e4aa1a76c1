import { describe, expect, it } from "vitest";
import { formatCents } from "@/lib/format";
import { SAMPLE_INVOICE } from "./sample";
import { authorityIdentityLines, dueLine, formatSiret, paidLabel, paidStamp, payeeLine, paymentNoticeSummary, slipTitle } from "./wording";

describe("the invoice's words, shared by the PDF and its HTML version", () => {
  it("calls the unpaid slip a notice to pay, never a receipt", () => {
    expect(slipTitle(SAMPLE_INVOICE.invoice)).toBe(`Avis de paiement N° 9577 d'un montant de ${formatCents(800)}`);
  });

  it("dates the payment: the hold's end with its time, or the payment term's day, or nothing once settled", () => {
    const heldUntil = new Date("2026-05-04T12:47:00Z");
    expect(dueLine({ dueDay: "2026-05-04", heldUntil })).toBe(
      "À payer avant le 04/05/2026 à 14:47 : passé ce délai, les places retenues sont libérées.",
    );
    expect(dueLine({ dueDay: "2026-06-03", heldUntil: null })).toBe("À payer avant le 03/06/2026.");
    expect(dueLine({ dueDay: null, heldUntil: null })).toBeNull();
  });

  it("stamps a paid invoice with its day", () => {
    const paidAt = new Date("2026-05-06T22:30:00Z");
    expect(paidLabel({ paidAt })).toBe("Acquittée le 07/05/2026");
    expect(paidStamp({ paidAt })).toBe("ACQUITTÉE le 07/05/2026");
  });

  it("ties the payee's words with no-break spaces", () => {
    expect(payeeLine({ regieName: "Régie Périscolaire" })).toBe("à\u00a0l'ordre\u00a0de\u00a0Régie\u00a0Périscolaire");
  });

  it("prints the SIRET in INSEE's groups and leaves out identity lines that are not given", () => {
    expect(formatSiret("21340157800009")).toBe("213 401 578 00009");
    expect(authorityIdentityLines(SAMPLE_INVOICE.authority)).toEqual([
      "04 67 00 07 51 — jeunesse@val-fleuri.example",
      "SIRET : 213 401 578 00009",
      "Régie Périscolaire — référence : R-34-0421",
    ]);
    expect(authorityIdentityLines({ ...SAMPLE_INVOICE.authority, phone: "", siret: "", regieReference: "" })).toEqual(["jeunesse@val-fleuri.example"]);
  });

  it("sums up the payment form's invoice as the family will recognise it", () => {
    expect(paymentNoticeSummary({ number: 9577, totalCents: 800, householdName: "DUPONT", paymentIdentifier: "K7Q2M9XW4HT3NB8R" })).toBe(
      `Avis de paiement N° 9577 de ${formatCents(800)} adressé à la famille DUPONT. Identifiant : K7Q2-M9XW-4HT3-NB8R`,
    );
  });
});
