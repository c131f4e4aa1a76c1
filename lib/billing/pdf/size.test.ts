import { describe, expect, it } from "vitest";
import { renderCreditNotePdf, renderInvoicePdf } from "./render";
import { SAMPLE_CREDIT_NOTE, SAMPLE_INVOICE, sampleInvoiceWithLines } from "./sample";
import { estimateCreditNotePdfBytes, estimateInvoicePdfBytes, pdfSizeLabel } from "./size";

const within20 = (estimate: number, real: number) => Math.abs(estimate - real) / real;

describe("the PDF size a download link announces", () => {
  it("stays within 20 % of the rendered invoice, from one line to several pages, with and without the payment slip", async () => {
    for (const lines of [1, 4, 12, 25, 45, 90]) {
      const data = sampleInvoiceWithLines(lines);
      const open = await renderInvoicePdf(data);
      expect(within20(estimateInvoicePdfBytes({ lines, slip: true }), open.length), `${lines} lines, to pay`).toBeLessThanOrEqual(0.2);
      const paid = await renderInvoicePdf({ ...data, invoice: { ...data.invoice, status: "PAID", paid: true, paidAt: new Date(), dueDay: null, payable: false } });
      expect(within20(estimateInvoicePdfBytes({ lines, slip: false }), paid.length), `${lines} lines, paid`).toBeLessThanOrEqual(0.2);
    }
  }, 60_000);

  it("stays within 20 % for names and reasons with letters the samples lack", async () => {
    const family = { ...SAMPLE_INVOICE.household, name: "ÇELİK-ŁUKASZEWSKA", address1: "Résidence « Les Œillets », bâtiment Ý" };
    const invoice = await renderInvoicePdf({ ...SAMPLE_INVOICE, household: family, responsible: "Mme Zoë ÇELİK-ŁUKASZEWSKA" });
    expect(within20(estimateInvoicePdfBytes({ lines: 1, slip: true }), invoice.length)).toBeLessThanOrEqual(0.2);
    const note = await renderCreditNotePdf({ ...SAMPLE_CREDIT_NOTE, household: family, creditNote: { ...SAMPLE_CREDIT_NOTE.creditNote, reason: "Sortie annulée (grève) — 3 repas remboursés à Zoë & Björn" } });
    expect(within20(estimateCreditNotePdfBytes(), note.length)).toBeLessThanOrEqual(0.2);
    expect(within20(estimateCreditNotePdfBytes(), (await renderCreditNotePdf(SAMPLE_CREDIT_NOTE)).length)).toBeLessThanOrEqual(0.2);
  }, 60_000);

  it("says it in Ko, as the portal writes file sizes", () => {
    expect(pdfSizeLabel(estimateInvoicePdfBytes({ lines: 1, slip: true }))).toBe("PDF, environ 23 Ko");
    expect(pdfSizeLabel(estimateCreditNotePdfBytes())).toBe("PDF, environ 18 Ko");
  });
});
