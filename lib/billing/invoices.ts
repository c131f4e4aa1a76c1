import "server-only";
import type { InvoicePdfData } from "@/lib/billing/pdf/types";
import { expireStaleHolds } from "@/lib/bookings/cancel";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { parisDay } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { accountSummary, invoiceOutstanding } from "./ledger";
import { pdfParties } from "./pdf-parties";
import type { InvoiceStatus } from "@/lib/generated/prisma/client";
import { getSettings } from "@/lib/settings";

export type InvoiceRowDto = {
  id: string;
  number: number;
  issuedAt: Date;
  name: string;
  totalCents: number;
  status: InvoiceStatus;
  payable: boolean;
};

export type HouseholdInvoicesDto = {
  years: number[];
  year: number | null;
  invoices: InvoiceRowDto[];
  dueCents: number;
  creditCents: number;
  creditNotes: CreditNoteRowDto[];
};

export type CreditNoteRowDto = { id: string; number: number; issuedAt: Date; amountCents: number; reason: string; invoiceNumber: number | null };

const yearOf = (d: Date) => Number(parisDay(d).slice(0, 4));

/** "Factures": every invoice of the household, due and paid, with the amount waiting for payment and any credit. */
export async function listHouseholdInvoices({
  householdId,
  year,
  now = new Date(),
}: {
  householdId: string;
  year?: number;
  now?: Date;
}): Promise<HouseholdInvoicesDto> {
  await expireStaleHolds(now, { householdId });
  const db = await getDb();
  const all = await db.invoice.findMany({
    where: { householdId },
    orderBy: [{ issuedAt: "desc" }, { number: "desc" }],
    include: { lines: { select: { label: true }, orderBy: { sortOrder: "asc" }, take: 1 } },
  });
  const account = await accountSummary(db, householdId);
  const notes = await db.creditNote.findMany({
    where: { householdId },
    orderBy: { number: "desc" },
    include: { invoice: { select: { number: true } } },
  });
  const years = [...new Set(all.map((i) => yearOf(i.issuedAt)))].sort((a, b) => b - a);
  const rows = all
    .filter((i) => !year || yearOf(i.issuedAt) === year)
    .map((i) => ({
      id: i.id,
      number: i.number,
      issuedAt: i.issuedAt,
      name: i.lines[0]?.label ?? `Facture ${i.number}`,
      totalCents: i.totalCents,
      status: i.status,
      payable: i.status === "PENDING_PAYMENT" || i.status === "UNPAID",
    }));
  return {
    years,
    year: year ?? null,
    invoices: rows,
    dueCents: account.dueCents,
    creditCents: account.creditCents,
    creditNotes: notes.map((c) => ({
      id: c.id,
      number: c.number,
      issuedAt: c.issuedAt,
      amountCents: c.amountCents,
      reason: c.reason,
      invoiceNumber: c.invoice?.number ?? null,
    })),
  };
}

export type PayableInvoiceDto = {
  id: string;
  number: number;
  totalCents: number;
  /** What is still due (less any credit the family put on it) */
  dueCents: number;
  status: InvoiceStatus;
  paymentIdentifier: string;
  /** What the payer needs to recognise the bill, nothing more: the family name */
  addressedTo: string;
  heldUntil: Date | null;
  payable: boolean;
  reason?: string;
};

type InvoiceScope = { householdId: string; invoiceId: string } | { paymentIdentifier: string };

/** The invoice behind the payment form, looked up in the household or by its printed identifier. */
export async function getPayableInvoice(scope: InvoiceScope, now = new Date()): Promise<PayableInvoiceDto> {
  const db = await getDb();
  const where =
    "paymentIdentifier" in scope
      ? { paymentIdentifier: scope.paymentIdentifier.trim().toUpperCase() }
      : { id: scope.invoiceId, householdId: scope.householdId };
  const invoice = await db.invoice.findFirst({
    where,
    include: { household: { select: { name: true } }, bookings: { select: { status: true, heldUntil: true } } },
  });
  if (!invoice) throw new AppError("NOT_FOUND", "Facture introuvable.");
  const live = invoice.bookings.filter((b) => b.status === "HELD" && b.heldUntil && b.heldUntil > now);
  const heldUntil = live.length ? new Date(Math.min(...live.map((b) => b.heldUntil!.getTime()))) : null;
  let reason: string | undefined;
  if (invoice.status === "PAID") reason = "Cette facture est déjà réglée.";
  else if (invoice.status === "CANCELLED") reason = "Cette facture est annulée.";
  else if (invoice.status === "EXPIRED" || (invoice.status === "PENDING_PAYMENT" && !heldUntil)) {
    reason = "Le délai de paiement de cette réservation est dépassé : les places ont été libérées.";
  }
  return {
    id: invoice.id,
    number: invoice.number,
    totalCents: invoice.totalCents,
    dueCents: reason ? 0 : await invoiceOutstanding(db, invoice.id),
    status: invoice.status,
    paymentIdentifier: invoice.paymentIdentifier,
    addressedTo: `Famille ${invoice.household.name}`,
    heldUntil,
    payable: !reason,
    reason,
  };
}

export const publicPaymentUrl = (identifier?: string) =>
  identifier ? `${env().appUrl}/payer?identifiant=${encodeURIComponent(identifier)}` : `${env().appUrl}/payer`;

/** Everything the PDF shows. `householdId` scopes a parent's request; staff pass none. */
export async function getInvoicePdfData({ invoiceId, householdId }: { invoiceId: string; householdId?: string }): Promise<InvoicePdfData> {
  const db = await getDb();
  const invoice = await db.invoice.findFirst({
    where: { id: invoiceId, ...(householdId ? { householdId } : {}) },
    include: {
      household: { include: { members: { where: { quality: "RESPONSABLE" }, take: 1 } } },
      lines: { orderBy: { sortOrder: "asc" } },
    },
  });
  if (!invoice) throw new AppError("NOT_FOUND", "Facture introuvable.");
  const settings = await getSettings();
  const people = await db.person.findMany({
    where: { id: { in: invoice.lines.map((l) => l.personId).filter((id): id is string => !!id) }, householdId: invoice.householdId },
    select: { id: true, firstName: true, lastName: true },
  });
  const nameOf = (id: string | null) => {
    const p = people.find((x) => x.id === id);
    return p ? `${p.firstName} ${p.lastName}` : "Famille";
  };
  const groups = new Map<string, InvoicePdfData["groups"][number]>();
  for (const line of invoice.lines) {
    const title = nameOf(line.personId);
    if (!groups.has(title)) groups.set(title, { title, lines: [] });
    groups.get(title)!.lines.push({
      label: line.label,
      quantity: line.quantity,
      unitPriceCents: line.unitPriceCents,
      totalCents: line.totalCents,
    });
  }
  return {
    ...pdfParties(settings, invoice.household),
    invoice: {
      number: invoice.number,
      issuedAt: invoice.issuedAt,
      totalCents: invoice.totalCents,
      paid: invoice.status === "PAID",
      paidAt: invoice.paidAt,
      cancelled: invoice.status === "CANCELLED" || invoice.status === "EXPIRED",
      paymentIdentifier: invoice.paymentIdentifier,
      payUrl: publicPaymentUrl(invoice.paymentIdentifier),
      payPortalUrl: publicPaymentUrl(),
      qf: invoice.qf,
      regime: invoice.regime,
    },
    groups: [...groups.values()],
  };
}

export type PaymentReturnDto = {
  invoiceNumber: number;
  amountCents: number;
  status: "waiting" | "paid" | "credited" | "refused" | "abandoned" | "failed";
  retryHref: string | null;
  creditCents: number;
};

/** What the payer's return page shows for an idOp: the bill's number and amount and the outcome, nothing personal. */
export async function describePaymentReturn(
  idOp: string,
  outcome: { status: string; waiting: boolean; abandoned: boolean },
  viewerHouseholdId: string | null,
): Promise<PaymentReturnDto | null> {
  const db = await getDb();
  const payment = await db.payment.findUnique({ where: { idOp }, include: { invoice: true } });
  if (!payment) return null;
  const status: PaymentReturnDto["status"] =
    outcome.status === "PAID"
      ? payment.creditCents === payment.amountCents
        ? "credited"
        : "paid"
      : outcome.status === "REFUSED"
        ? "refused"
        : outcome.abandoned
          ? "abandoned"
          : outcome.waiting
            ? "waiting"
            : "failed";
  const retryable = ["refused", "abandoned", "failed"].includes(status) && ["PENDING_PAYMENT", "UNPAID"].includes(payment.invoice.status);
  return {
    invoiceNumber: payment.invoice.number,
    amountCents: payment.amountCents,
    status,
    creditCents: payment.creditCents,
    retryHref: retryable
      ? viewerHouseholdId === payment.householdId
        ? `/factures/${payment.invoiceId}/payer`
        : `/payer?identifiant=${payment.invoice.paymentIdentifier}`
      : null,
  };
}
