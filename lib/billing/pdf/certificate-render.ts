import { createElement } from "react";
import { AttendanceDocument } from "./attendance-document";
import type { AttendancePdfData, TaxCertificatePdfData } from "./certificate-types";
import { renderPdf } from "./render";
import { TaxCertificateDocument } from "./tax-certificate-document";

export async function renderTaxCertificatePdf(data: TaxCertificatePdfData): Promise<Buffer> {
  return renderPdf(createElement(TaxCertificateDocument, { data }) as never);
}

export async function renderAttendancePdf(data: AttendancePdfData): Promise<Buffer> {
  return renderPdf(createElement(AttendanceDocument, { data }) as never);
}
