import { Font, renderToBuffer } from "@react-pdf/renderer";
import type { Font as FontkitFont } from "fontkit";
import { createElement } from "react";
import { AttendanceDocument } from "./attendance-document";
import type { AttendancePdfData, TaxCertificatePdfData } from "./certificate-types";
import { INTER_WEIGHTS } from "./fonts";
import { shapeByWord } from "./shaping";
import { TaxCertificateDocument } from "./tax-certificate-document";

const cached = new WeakSet<object>();
let fontsReady: Promise<void> | undefined;

/** As render.ts: the Inter weights loaded once, their shaping cached by word (once per font, whoever loads it first here). */
function interReady(): Promise<void> {
  fontsReady ??= Promise.all(
    INTER_WEIGHTS.map(async (fontWeight) => {
      await Font.load({ fontFamily: "Inter", fontWeight });
      const font = Font.getFont({ fontFamily: "Inter", fontWeight }).data as FontkitFont;
      if (!cached.has(font)) {
        cached.add(font);
        shapeByWord(font);
      }
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

/** One turn of the event loop after each document, so react-pdf's finalizers run between documents of a batch (see render.ts). */
async function rendered(document: Parameters<typeof renderToBuffer>[0]): Promise<Buffer> {
  const pdf = await renderToBuffer(document);
  await new Promise<void>((resolve) => setImmediate(resolve));
  return pdf;
}

export async function renderTaxCertificatePdf(data: TaxCertificatePdfData): Promise<Buffer> {
  await interReady();
  return rendered(createElement(TaxCertificateDocument, { data }) as never);
}

export async function renderAttendancePdf(data: AttendancePdfData): Promise<Buffer> {
  await interReady();
  return rendered(createElement(AttendanceDocument, { data }) as never);
}
