import "server-only";
import { estimateInvoicePdfBytes } from "@/lib/billing/pdf/size";
import type { InvoicePdfData } from "@/lib/billing/pdf/types";
import { expireStaleHolds } from "@/lib/bookings/cancel";
import { getDb, type Db } from "@/lib/db/client";
import { rawJson, rawTimestamp } from "@/lib/db/raw-json";
import { env } from "@/lib/env";
import { addDays, parisDay } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { invoiceOutstanding, summarizeAccount } from "./ledger";
import { canonicalPaymentIdentifierSql, readPaymentIdentifier, storedSpellings } from "./numbers";
import { pdfParties } from "./pdf-parties";
import { Prisma, type InvoiceStatus } from "@/lib/generated/prisma/client";
import { searchRows } from "@/lib/review/search";
import { getSettings } from "@/lib/settings";

export type InvoiceRowDto = {
  id: string;
  number: number;
  issuedAt: Date;
  name: string;
  /** What the invoice is for, in a phrase: "Cantine — Repas cantine : 4 jours (Emma, Lucas)" */
  purpose: string;
  totalCents: number;
  status: InvoiceStatus;
  /** While pending: when its places stop being held (the earliest running hold) */
  heldUntil: Date | null;
  payable: boolean;
  /** About how long its PDF is (drawn on demand, so never measured before it is asked for) */
  pdfBytes: number;
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

/** One invoice line as the purpose needs it; service and product are null for a line not tied to a prestation. */
export type PurposeLine = { service: string | null; product: string | null; child: string | null; quantity: number; label: string };

/**
 * What an invoice is for, short enough for a phone card: one part per
 * prestation, its days summed over the children, the children named once
 * in the order the invoice lists them ("Cantine — Repas cantine : 4 jours
 * (Emma, Lucas)"). A line with no prestation keeps its own label. The
 * per-line labels carry the days themselves and stay on the PDF.
 */
export function invoicePurpose(lines: PurposeLine[]): string {
  const parts = new Map<string, { title: string; days: number; children: string[]; counted: boolean }>();
  for (const line of lines) {
    const counted = line.service !== null && line.product !== null;
    const key = counted ? `p|${line.service}|${line.product}` : `l|${line.label}`;
    const part = parts.get(key) ?? { title: counted ? `${line.service} — ${line.product}` : line.label, days: 0, children: [], counted };
    part.days += line.quantity;
    if (line.child && !part.children.includes(line.child)) part.children.push(line.child);
    parts.set(key, part);
  }
  return [...parts.values()]
    .map((p) =>
      p.counted
        ? `${p.title} : ${p.days} jour${p.days > 1 ? "s" : ""}${p.children.length ? ` (${p.children.join(", ")})` : ""}`
        : p.title,
    )
    .join(" ; ");
}

/**
 * "Factures": every invoice of the household, due and paid, with the amount
 * waiting for payment and any credit. Stale holds are rare: only when the
 * read finds one does expireStaleHolds tidy them, and the page is read again
 * so that they show as expired.
 */
export async function listHouseholdInvoices({
  householdId,
  year,
  query = "",
  now = new Date(),
}: {
  householdId: string;
  year?: number;
  /** "Recherche": words found in the number, the name or the purpose, in any case and accents */
  query?: string;
  now?: Date;
}): Promise<HouseholdInvoicesDto> {
  const db = await getDb();
  let read = await readHouseholdInvoices(db, householdId, now);
  if (read.invoices.some((i) => i.stale) && (await expireStaleHolds(now, { householdId })) > 0) {
    read = await readHouseholdInvoices(db, householdId, now);
  }
  const account = summarizeAccount(read.sums);
  const years = [...new Set(read.invoices.map((i) => yearOf(i.issuedAt)))].sort((a, b) => b - a);
  const rows: InvoiceRowDto[] = read.invoices
    .filter((i) => !year || yearOf(i.issuedAt) === year)
    .map((i) => ({
      id: i.id,
      number: i.number,
      issuedAt: i.issuedAt,
      name: i.label ?? `Facture ${i.number}`,
      purpose: invoicePurpose(i.lines) || `Facture ${i.number}`,
      totalCents: i.totalCents,
      status: i.status,
      heldUntil: i.heldUntil,
      payable: i.status === "PENDING_PAYMENT" || i.status === "UNPAID",
      pdfBytes: estimateInvoicePdfBytes({ lines: i.lines.length, slip: i.status === "PENDING_PAYMENT" || i.status === "UNPAID" }),
    }));
  return {
    years,
    year: year ?? null,
    invoices: query ? searchRows(rows, query, (r) => [String(r.number), r.name, r.purpose]) : rows,
    dueCents: account.dueCents,
    creditCents: account.creditCents,
    creditNotes: read.creditNotes,
  };
}

type InvoicesRead = {
  invoices: {
    id: string;
    number: number;
    issuedAt: Date;
    totalCents: number;
    status: InvoiceStatus;
    label: string | null;
    lines: PurposeLine[];
    heldUntil: Date | null;
    stale: boolean;
  }[];
  sums: { invoiceId: string | null; sumCents: number }[];
  creditNotes: CreditNoteRowDto[];
};

/**
 * One statement, each part filtered by the household: its invoices (with
 * the first line's label, the lines' prestations and children for the
 * purpose, a pending one's running hold, and whether that hold ran out, as
 * expireStaleHolds decides it), its ledger summed per invoice, and its
 * credit notes.
 */
async function readHouseholdInvoices(db: Db, householdId: string, now: Date): Promise<InvoicesRead> {
  const [row] = await db.$queryRaw<{ [K in keyof InvoicesRead]: unknown }[]>`
    SELECT
      (SELECT COALESCE(json_agg(json_build_object(
                'id', i.id, 'number', i.number, 'issuedAt', i."issuedAt", 'totalCents', i."totalCents", 'status', i.status,
                'label', (SELECT l.label FROM "InvoiceLine" l WHERE l."invoiceId" = i.id ORDER BY l."sortOrder" LIMIT 1),
                'lines', (SELECT COALESCE(json_agg(json_build_object(
                                   'service', s.name, 'product', pr.name, 'child', c."firstName", 'quantity', l.quantity, 'label', l.label)
                                   ORDER BY l."sortOrder"), '[]')
                            FROM "InvoiceLine" l
                            LEFT JOIN "Product" pr ON pr.id = l."productId"
                            LEFT JOIN "Service" s ON s.id = pr."serviceId"
                            LEFT JOIN "Person" c ON c.id = l."personId" AND c."householdId" = i."householdId"
                           WHERE l."invoiceId" = i.id),
                'heldUntil', CASE WHEN i.status = 'PENDING_PAYMENT' THEN
                               (SELECT min(b."heldUntil") FROM "Booking" b
                                 WHERE b."invoiceId" = i.id AND b.status = 'HELD' AND b."heldUntil" > ${now}::timestamp(3)) END,
                'stale', i.status = 'PENDING_PAYMENT'
                         AND EXISTS (SELECT 1 FROM "Booking" b WHERE b."invoiceId" = i.id)
                         AND NOT EXISTS (SELECT 1 FROM "Booking" b
                                          WHERE b."invoiceId" = i.id AND b.status = 'HELD' AND b."heldUntil" > ${now}::timestamp(3)))
                ORDER BY i."issuedAt" DESC, i.number DESC), '[]')
         FROM "Invoice" i WHERE i."householdId" = ${householdId}) AS invoices,
      (SELECT COALESCE(json_agg(json_build_object('invoiceId', e."invoiceId", 'sumCents', e.sum)), '[]')
         FROM (SELECT "invoiceId", sum("amountCents") AS sum FROM "LedgerEntry" WHERE "householdId" = ${householdId} GROUP BY "invoiceId") e) AS sums,
      (SELECT COALESCE(json_agg(json_build_object(
                'id', c.id, 'number', c.number, 'issuedAt', c."issuedAt", 'amountCents', c."amountCents", 'reason', c.reason,
                'invoiceNumber', ci.number)
                ORDER BY c.number DESC), '[]')
         FROM "CreditNote" c LEFT JOIN "Invoice" ci ON ci.id = c."invoiceId"
        WHERE c."householdId" = ${householdId}) AS "creditNotes"`;
  type Dated<T> = Omit<T, "issuedAt"> & { issuedAt: string };
  return {
    invoices: rawJson<(Omit<Dated<InvoicesRead["invoices"][number]>, "heldUntil"> & { heldUntil: string | null })[]>(row.invoices).map((i) => ({
      ...i,
      issuedAt: rawTimestamp(i.issuedAt),
      heldUntil: i.heldUntil === null ? null : rawTimestamp(i.heldUntil),
    })),
    sums: rawJson(row.sums),
    creditNotes: rawJson<Dated<CreditNoteRowDto>[]>(row.creditNotes).map((c) => ({ ...c, issuedAt: rawTimestamp(c.issuedAt) })),
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
  /** What the payer needs to recognise the bill, nothing more: the family name ("DUPONT") */
  householdName: string;
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
      ? { id: (await findByPaymentIdentifier(db, scope.paymentIdentifier)) ?? "" }
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
    householdName: invoice.household.name,
    heldUntil,
    payable: !reason,
    reason,
  };
}

/**
 * The invoice an identifier typed from paper designates, however it was
 * spelt (see readPaymentIdentifier). Two stored identifiers of the older
 * alphabet can share a canonical form (I and L both read as 1): then only
 * the exact spelling designates one, never a guess between families.
 */
async function findByPaymentIdentifier(db: Db, input: string): Promise<string | null> {
  const read = readPaymentIdentifier(input);
  if (!read.ok) return null;
  const spellings = storedSpellings(read.canonical);
  const found = spellings
    ? await db.invoice.findMany({ where: { paymentIdentifier: { in: spellings } }, select: { id: true, paymentIdentifier: true }, take: 3 })
    : await db.$queryRaw<{ id: string; paymentIdentifier: string }[]>(
        Prisma.sql`SELECT id, "paymentIdentifier" FROM "Invoice"
          WHERE ${canonicalPaymentIdentifierSql(Prisma.sql`"paymentIdentifier"`)} = ${read.canonical} LIMIT 3`,
      );
  if (found.length === 1) return found[0].id;
  return found.find((i) => i.paymentIdentifier === read.typed)?.id ?? null;
}

export const publicPaymentUrl = (identifier?: string) =>
  identifier ? `${env().appUrl}/payer?identifiant=${encodeURIComponent(identifier)}` : `${env().appUrl}/payer`;

/**
 * Everything the PDF shows, and its accessible HTML version with it.
 * `householdId` scopes a parent's request; staff pass none. An open invoice
 * is due before its places stop being held, or else `paymentTermDays` after
 * it was issued.
 */
export async function getInvoicePdfData({
  invoiceId,
  householdId,
  now = new Date(),
}: {
  invoiceId: string;
  householdId?: string;
  now?: Date;
}): Promise<InvoicePdfData> {
  const db = await getDb();
  const invoice = await db.invoice.findFirst({
    where: { id: invoiceId, ...(householdId ? { householdId } : {}) },
    include: {
      household: { include: { members: { where: { quality: "RESPONSABLE" }, take: 1 } } },
      lines: { orderBy: { sortOrder: "asc" } },
      bookings: { where: { status: "HELD", heldUntil: { gt: now } }, select: { heldUntil: true } },
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
  const open = invoice.status === "PENDING_PAYMENT" || invoice.status === "UNPAID";
  const holds = invoice.bookings.map((b) => b.heldUntil!.getTime());
  const heldUntil = open && holds.length ? new Date(Math.min(...holds)) : null;
  // A pending invoice whose hold ran out is as good as expired, whether or not the cleanup has passed yet.
  const lapsed = invoice.status === "PENDING_PAYMENT" && !heldUntil;
  return {
    ...pdfParties(settings, invoice.household),
    invoice: {
      number: invoice.number,
      issuedAt: invoice.issuedAt,
      totalCents: invoice.totalCents,
      status: lapsed ? "EXPIRED" : invoice.status,
      paid: invoice.status === "PAID",
      paidAt: invoice.paidAt,
      cancelled: invoice.status === "CANCELLED" || invoice.status === "EXPIRED" || lapsed,
      dueDay: !open || lapsed ? null : heldUntil ? parisDay(heldUntil) : addDays(parisDay(invoice.issuedAt), settings.paymentTermDays),
      heldUntil,
      payable: open && !lapsed,
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
