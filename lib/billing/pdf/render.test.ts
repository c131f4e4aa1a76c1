import { execFileSync } from "node:child_process";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { renderCreditNotePdf, renderInvoicePdf } from "./render";
import { SAMPLE_CREDIT_NOTE, SAMPLE_INVOICE, sampleInvoiceWithLines } from "./sample";

/** Page objects in the file (pdfkit writes dictionaries uncompressed; "/Type /Pages" is the tree, not a page). */
const pageCount = (pdf: Buffer) => pdf.toString("latin1").match(/\/Type \/Page\b/g)?.length ?? 0;

/** The PDF as poppler lays its text out, line by line (no-break spaces read as spaces). */
const pdfLayout = (pdf: Buffer) => execFileSync("pdftotext", ["-layout", "-", "-"], { input: pdf }).toString("utf8").replaceAll("\u00a0", " ");

/** Each text run of the PDF with its baseline height on the page, in reading order. */
async function textRuns(pdf: Buffer) {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const runs: { page: number; text: string; y: number }[] = [];
  for (let page = 1; page <= doc.numPages; page++) {
    const content = await (await doc.getPage(page)).getTextContent();
    for (const item of content.items) if ("str" in item && item.str.trim()) runs.push({ page, text: item.str, y: item.transform[5] });
  }
  await doc.destroy();
  return runs;
}

describe("invoice PDF", () => {
  it("renders a one-page A4 PDF with the payment slip", async () => {
    const pdf = await renderInvoicePdf(SAMPLE_INVOICE);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(5_000);
    expect(pdf.toString("latin1")).toContain("/Count 1");
    expect(pageCount(pdf)).toBe(1);
  });

  it("renders the paid mark instead of the slip", async () => {
    const pdf = await renderInvoicePdf({ ...SAMPLE_INVOICE, invoice: { ...SAMPLE_INVOICE.invoice, paid: true, paidAt: new Date() } });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("keeps 25 lines, the total and the payment slip on one page", async () => {
    const data = sampleInvoiceWithLines(25);
    expect(data.groups.flatMap((g) => g.lines)).toHaveLength(25);
    const pdf = await renderInvoicePdf(data);
    expect(pageCount(pdf)).toBe(1);
    const text = (await textRuns(pdf)).map((r) => r.text).join(" ").replace(/\s+/g, " ");
    expect(text).toContain("TOTAL : 519,60 €");
    expect(text).toContain("Merci d'avance.");
  });

  it("writes the payment slip as the seed's manual shows it, as a notice to pay, single-spaced at the body size", async () => {
    const runs = await textRuns(await renderInvoicePdf(SAMPLE_INVOICE));
    const text = runs.map((r) => r.text).join(" ").replace(/\s+/g, " ");
    expect(text).toContain("Avis de paiement N° 9577 d'un montant de 8,00 €");
    expect(text).not.toContain("Quittance");
    expect(text).toContain("À payer avant le 03/06/2026.");
    expect(text).toContain("En votre aimable règlement en espèces, carte bancaire, CESU ou chèque à l'ordre de Régie Périscolaire");
    expect(text).toContain("Facture payable en ligne sur : https://famille.example/payer");
    expect(text).toContain("Identifiant de Paiement en ligne : K7Q2-M9XW-4HT3-NB8R");
    expect(text).toContain("Ou scannez le QR code pour accéder au paiement");
    // Line height 1.3 × 9.5 pt is 12.4 pt between baselines; the 18 pt default made it 25.2.
    const y = (start: string) => runs.find((r) => r.text.startsWith(start))!.y;
    const gap = y("Ou scannez le QR code") - y("Merci d");
    expect(gap).toBeGreaterThan(11);
    expect(gap).toBeLessThan(14);
  });

  it("keeps the payee's name on one line, however long the régie's name", async () => {
    for (const regieName of ["Régie Périscolaire", "Régie de recettes de la Communauté de communes du Val Fleuri"]) {
      const layout = pdfLayout(await renderInvoicePdf({ ...SAMPLE_INVOICE, authority: { ...SAMPLE_INVOICE.authority, regieName } }));
      expect(layout, regieName).toContain(`à l'ordre de ${regieName}`);
    }
  });

  it("gives the hold's end, day and time, as the due date of an invoice that holds places", async () => {
    const heldUntil = new Date("2026-05-04T12:47:00Z");
    const text = (await textRuns(await renderInvoicePdf({ ...SAMPLE_INVOICE, invoice: { ...SAMPLE_INVOICE.invoice, status: "PENDING_PAYMENT", dueDay: "2026-05-04", heldUntil } })))
      .map((r) => r.text)
      .join(" ")
      .replace(/\s+/g, " ");
    expect(text).toContain("À payer avant le 04/05/2026 à 14:47 : passé ce délai, les places retenues sont libérées.");
  });

  it("puts the authority's SIRET and the régie's reference in the header, and leaves out what is not given", async () => {
    const header = pdfLayout(await renderInvoicePdf(SAMPLE_INVOICE));
    expect(header).toContain("SIRET : 213 401 578 00009");
    expect(header).toContain("Régie Périscolaire — référence : R-34-0421");
    const bare = pdfLayout(
      await renderInvoicePdf({ ...SAMPLE_INVOICE, authority: { ...SAMPLE_INVOICE.authority, siret: "", regieReference: "", phone: "" } }),
    );
    expect(bare).not.toContain("SIRET");
    expect(bare).not.toContain("référence");
    expect(bare).toMatch(/^\s*jeunesse@val-fleuri\.example$/m);
  });

  it("stamps a paid invoice ACQUITTÉE with its day and prints no slip", async () => {
    const paid = { ...SAMPLE_INVOICE.invoice, status: "PAID" as const, paid: true, paidAt: new Date("2026-05-06T22:30:00Z"), dueDay: null, payable: false };
    const text = pdfLayout(await renderInvoicePdf({ ...SAMPLE_INVOICE, invoice: paid }));
    expect(text).toContain("ACQUITTÉE le 07/05/2026");
    expect(text).not.toContain("Avis de paiement");
    expect(text).not.toContain("À payer");
  });
});

describe("credit note PDF", () => {
  it("renders a one-page A4 PDF", async () => {
    const pdf = await renderCreditNotePdf(SAMPLE_CREDIT_NOTE);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.toString("latin1")).toContain("/Count 1");
    expect(pageCount(pdf)).toBe(1);
    const text = pdfLayout(pdf);
    expect(text).toContain("Avoir N° 12");
    expect(text).toContain("SIRET : 213 401 578 00009");
  });
});
