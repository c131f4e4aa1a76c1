import type { Day } from "@/lib/dates";
import type { PdfAuthority, PdfHousehold } from "./types";

/** Everything the tax certificate shows, read from the stored certificate (its figures as issued). */
export type TaxCertificatePdfData = {
  authority: PdfAuthority;
  household: PdfHousehold;
  responsible: string;
  year: number;
  issuedAt: Date;
  children: { firstName: string; lastName: string; birthDate: Day; amountCents: number }[];
  totalCents: number;
};

/** Everything the attendance certificate shows: the days a child was there, per product, in a period. */
export type AttendancePdfData = {
  authority: PdfAuthority;
  household: PdfHousehold;
  responsible: string;
  child: { firstName: string; lastName: string; birthDate: Day | null };
  from: Day;
  to: Day;
  /** When it was made (place and date at the bottom) */
  madeAt: Date;
  products: { title: string; days: Day[] }[];
};
