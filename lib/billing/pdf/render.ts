import { renderToBuffer } from "@react-pdf/renderer";
import QRCode from "qrcode";
import { createElement } from "react";
import { CreditNoteDocument } from "./credit-note-document";
import { InvoiceDocument } from "./invoice-document";
import type { CreditNotePdfData, InvoicePdfData } from "./types";

export async function renderInvoicePdf(data: InvoicePdfData): Promise<Buffer> {
  const qrDataUrl = await QRCode.toDataURL(data.invoice.payUrl, { margin: 1, width: 220, errorCorrectionLevel: "M" });
  return renderToBuffer(createElement(InvoiceDocument, { data, qrDataUrl }) as never);
}

export async function renderCreditNotePdf(data: CreditNotePdfData): Promise<Buffer> {
  return renderToBuffer(createElement(CreditNoteDocument, { data }) as never);
}
