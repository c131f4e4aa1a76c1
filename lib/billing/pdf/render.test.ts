import { describe, expect, it } from "vitest";
import { renderCreditNotePdf, renderInvoicePdf } from "./render";
import { SAMPLE_CREDIT_NOTE, SAMPLE_INVOICE } from "./sample";

describe("invoice PDF", () => {
  it("renders a one-page A4 PDF with the payment slip", async () => {
    const pdf = await renderInvoicePdf(SAMPLE_INVOICE);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(5_000);
    expect(pdf.toString("latin1")).toContain("/Count 1");
  });

  it("renders the paid mark instead of the slip", async () => {
    const pdf = await renderInvoicePdf({ ...SAMPLE_INVOICE, invoice: { ...SAMPLE_INVOICE.invoice, paid: true, paidAt: new Date() } });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });
});

describe("credit note PDF", () => {
  it("renders a one-page A4 PDF", async () => {
    const pdf = await renderCreditNotePdf(SAMPLE_CREDIT_NOTE);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.toString("latin1")).toContain("/Count 1");
  });
});
