import { formatFileSize } from "@/lib/format";

// A PDF is drawn when it is asked for, so its size is known only then. Most
// of it is the subset of Inter it embeds (about 18 Ko for an invoice's
// letters and figures); the payment slip adds its text and QR code, and each
// line adds a little. Fitted on invoices of 1 to 100 lines rendered with the
// app's fonts (size.test.ts renders them again and keeps the estimate within
// 20 % of the real length).
const INVOICE_BASE_BYTES = 19_000;
const SLIP_BYTES = 4_700;
const LINE_BYTES = 110;
const CREDIT_NOTE_BYTES = 18_500;

/** About how long an invoice's PDF is: its lines, and whether it carries the payment slip (an invoice still to pay). */
export function estimateInvoicePdfBytes({ lines, slip }: { lines: number; slip: boolean }): number {
  return INVOICE_BASE_BYTES + (slip ? SLIP_BYTES : 0) + LINE_BYTES * lines;
}

/** A credit note's PDF: one page of fixed parts, whatever its reason says. */
export const estimateCreditNotePdfBytes = (): number => CREDIT_NOTE_BYTES;

/** "PDF, environ 24 Ko": what a download link says of the file it gives. */
export const pdfSizeLabel = (bytes: number) => `PDF, environ ${formatFileSize(bytes)}`;
