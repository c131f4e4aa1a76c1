import { renderToBuffer } from "@react-pdf/renderer";
import QRCode from "qrcode";
import { createElement } from "react";
import { InvoiceDocument } from "./invoice-document";
import type { InvoicePdfData } from "./types";

export async function renderInvoicePdf(data: InvoicePdfData): Promise<Buffer> {
  const qrDataUrl = await QRCode.toDataURL(data.invoice.payUrl, { margin: 1, width: 220, errorCorrectionLevel: "M" });
  return renderToBuffer(createElement(InvoiceDocument, { data, qrDataUrl }) as never);
}
