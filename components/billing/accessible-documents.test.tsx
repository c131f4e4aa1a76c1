import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AccessibleCreditNote, AccessibleInvoice, PdfLink } from "./accessible-documents";
import { SAMPLE_CREDIT_NOTE, SAMPLE_INVOICE } from "@/lib/billing/pdf/sample";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/\s+/g, " ");
const actions = { pdfHref: "/factures/f1/pdf", payHref: "/factures/f1/payer", backHref: "/factures", backLabel: "Retour aux factures" };

describe("the accessible HTML versions", () => {
  it("give the invoice's lines as a table with a caption and headers, and the slip's information while it is to pay", () => {
    const html = renderToStaticMarkup(<AccessibleInvoice data={SAMPLE_INVOICE} actions={actions} />);
    expect(html).toMatch(/<caption[^>]*>Lignes de la facture N° 9577 — total 8,00.€<\/caption>/);
    expect(html).toContain('<th scope="col"');
    expect(html).toMatch(/<th scope="rowgroup" colSpan="4"[^>]*>Emma DUPONT<\/th>/);
    expect(html).toMatch(/<th scope="row"[^>]*>Cantine Repas cantine 9, 15 mai 2026<\/th>/);
    const words = text(html);
    for (const expected of [
      "SIRET : 213 401 578 00009",
      "Régie Périscolaire — référence : R-34-0421",
      "Famille DUPONT (n° 1)",
      "Avis de paiement N° 9577 d'un montant de 8,00",
      "À payer avant le 03/06/2026.",
      "Identifiant de Paiement en ligne : K7Q2-M9XW-4HT3-NB8R",
    ]) {
      expect(words).toContain(expected);
    }
    expect(html).toContain('href="/factures/f1/payer"');
    expect(html).toContain('aria-label="Télécharger la facture N° 9577 (PDF, environ 23 Ko)"');
  });

  it("say 'Acquittée le …' on a paid invoice, with no slip and no 'Payer en ligne'", () => {
    const paid = { ...SAMPLE_INVOICE.invoice, status: "PAID" as const, paid: true, paidAt: new Date("2026-05-06T22:30:00Z"), dueDay: null, payable: false };
    const html = renderToStaticMarkup(<AccessibleInvoice data={{ ...SAMPLE_INVOICE, invoice: paid }} actions={actions} />);
    expect(text(html)).toContain("Acquittée le 07/05/2026");
    expect(html).not.toContain("Avis de paiement");
    expect(html).not.toContain("/payer");
  });

  it("give the credit note's invoice, reason and amount", () => {
    const html = renderToStaticMarkup(
      <AccessibleCreditNote data={SAMPLE_CREDIT_NOTE} actions={{ pdfHref: "/factures/avoirs/c1/pdf", backHref: "/factures", backLabel: "Retour aux factures" }} />,
    );
    const words = text(html);
    expect(words).toContain("Avoir N° 12");
    expect(words).toContain("Facture N° 9577 du 04/05/2026");
    expect(words).toContain("Repas du 15 mai non servi (sortie scolaire)");
    expect(html).toContain("aria-label=\"Télécharger l&#x27;avoir N° 12 (PDF, environ 18 Ko)\"");
  });

  it("show the PDF's size on the link as well", () => {
    expect(text(renderToStaticMarkup(<PdfLink href="/x.pdf" what="la facture N° 1" bytes={41_000} />)).trim()).toBe("PDF 40 Ko");
  });
});
