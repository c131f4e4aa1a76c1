import { Font, renderToBuffer } from "@react-pdf/renderer";
import type { Font as FontkitFont } from "fontkit";
import { createElement } from "react";
import { CreditNoteDocument } from "./credit-note-document";
import { INTER_WEIGHTS } from "./fonts";
import { InvoiceDocument } from "./invoice-document";
import { qrPath } from "./qr";
import { shapeByWord } from "./shaping";
import type { CreditNotePdfData, InvoicePdfData } from "./types";

let fontsReady: Promise<void> | undefined;

/** Loads the registered Inter weights once and puts the word cache in front of their shaping. */
function interReady(): Promise<void> {
  fontsReady ??= Promise.all(
    INTER_WEIGHTS.map(async (fontWeight) => {
      await Font.load({ fontFamily: "Inter", fontWeight });
      shapeByWord(Font.getFont({ fontFamily: "Inter", fontWeight }).data as FontkitFont);
    }),
  ).then(
    () => undefined,
    (error: unknown) => {
      fontsReady = undefined;
      throw error;
    },
  );
  return fontsReady;
}

/**
 * Every PDF of the portal goes through here, so the fonts are loaded and their
 * shaping wrapped once whichever document is drawn first.
 *
 * react-pdf renders in microtasks only, and what it frees is reclaimed by
 * finalizers, which run on a later turn of the event loop: a batch rendering
 * documents back to back would grow its heap by about 300 KB a document until
 * it stops. One turn after each document lets them run.
 */
export async function renderPdf(document: Parameters<typeof renderToBuffer>[0]): Promise<Buffer> {
  await interReady();
  const pdf = await renderToBuffer(document);
  await new Promise<void>((resolve) => setImmediate(resolve));
  return pdf;
}

export async function renderInvoicePdf(data: InvoicePdfData): Promise<Buffer> {
  return renderPdf(createElement(InvoiceDocument, { data, qr: qrPath(data.invoice.payUrl) }) as never);
}

export async function renderCreditNotePdf(data: CreditNotePdfData): Promise<Buffer> {
  return renderPdf(createElement(CreditNoteDocument, { data }) as never);
}
