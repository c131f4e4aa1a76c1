import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { dateToDay, parisInstant, type Day } from "@/lib/dates";

/**
 * The childcare tax certificate (frais de garde des enfants de moins de
 * 6 ans, article 200 quater B du CGI): per child under 6 on 1 January,
 * what was actually paid in the year for eligible products, less what
 * credit notes of the year gave back for them.
 */

export type TaxChild = {
  personId: string;
  firstName: string;
  lastName: string;
  birthDate: Day;
  paidCents: number;
  creditedCents: number;
  amountCents: number;
};

export type TaxFigures = { children: TaxChild[]; totalCents: number };

type Line = { personId: string | null; productId: string | null; totalCents: number };

/** What the computation needs of one household and one year, read from the database by loadTaxInputs. */
export type TaxInput = {
  year: number;
  /** The household's children (quality ENFANT), whatever their age */
  children: { personId: string; firstName: string; lastName: string; birthDate: Day | null }[];
  eligibleProductIds: ReadonlySet<string>;
  /** Invoices with money applied to them in the year: their lines and that money (payments and transfers of credit) */
  invoices: { lines: Line[]; paidInYearCents: number }[];
  /** Credit notes issued in the year: their own lines, or (issued before lines existed) their invoice's lines to spread them over */
  creditNotes: { amountCents: number; lines: Line[] | null; invoiceLines: Line[] }[];
};

/** A child counts when under 6 on 1 January of the year: born after (Y-6)-01-01 (one born that day is 6 on 1 January). */
export function isUnderSixOnJanuaryFirst(birthDate: Day | null, year: number): boolean {
  return birthDate !== null && birthDate > `${year - 6}-01-01`;
}

/** [1 January 00:00, next 1 January 00:00), Paris time. */
export function taxYearBounds(year: number): { from: Date; to: Date } {
  return { from: parisInstant(`${year}-01-01`), to: parisInstant(`${year + 1}-01-01`) };
}

// Shares of an invoice are fractions of cents until the child's sum is rounded; the epsilon absorbs float noise at .5.
const roundHalfUp = (x: number) => Math.floor(x + 0.5 + 1e-7);

const sum = (lines: Line[], keep: (l: Line) => boolean) => lines.reduce((s, l) => s + (keep(l) ? l.totalCents : 0), 0);

/** The pure computation: per child, paid = Σ fraction paid in the year × eligible lines, credited = eligible credit-note lines of the year. */
export function computeTaxFigures(input: TaxInput): TaxFigures {
  const children = input.children
    .filter((c) => isUnderSixOnJanuaryFirst(c.birthDate, input.year))
    .map((child) => {
      const eligible = (l: Line) => l.personId === child.personId && l.productId !== null && input.eligibleProductIds.has(l.productId);
      let paid = 0;
      for (const invoice of input.invoices) {
        const total = sum(invoice.lines, () => true);
        if (total <= 0) continue;
        paid += (sum(invoice.lines, eligible) * Math.min(total, invoice.paidInYearCents)) / total;
      }
      let credited = 0;
      for (const note of input.creditNotes) {
        if (note.lines) {
          credited += sum(note.lines, eligible);
        } else {
          const total = sum(note.invoiceLines, () => true);
          if (total > 0) credited += (sum(note.invoiceLines, eligible) * note.amountCents) / total;
        }
      }
      const paidCents = roundHalfUp(paid);
      const creditedCents = roundHalfUp(credited);
      return {
        personId: child.personId,
        firstName: child.firstName,
        lastName: child.lastName,
        birthDate: child.birthDate!,
        paidCents,
        creditedCents,
        amountCents: Math.max(0, paidCents - creditedCents),
      };
    })
    .filter((c) => c.amountCents > 0)
    .sort((a, b) => a.birthDate.localeCompare(b.birthDate) || a.firstName.localeCompare(b.firstName));
  return { children, totalCents: children.reduce((s, c) => s + c.amountCents, 0) };
}

/**
 * Reads what the computation needs for several households at once (a
 * batch asks for hundreds): a fixed number of queries, whatever their
 * number.
 */
export async function loadTaxInputs(db: Db | Tx, householdIds: string[], year: number): Promise<Map<string, TaxInput>> {
  const { from, to } = taxYearBounds(year);
  const ids = [...new Set(householdIds)];
  const [persons, eligible, paid, notes] = await Promise.all([
    db.person.findMany({
      where: { householdId: { in: ids }, quality: "ENFANT" },
      select: { id: true, householdId: true, firstName: true, lastName: true, birthDate: true },
      orderBy: { id: "asc" },
    }),
    db.product.findMany({ where: { taxCertificateEligible: true }, select: { id: true } }),
    db.ledgerEntry.groupBy({
      by: ["invoiceId", "householdId"],
      where: { householdId: { in: ids }, invoiceId: { not: null }, kind: { in: ["PAYMENT", "TRANSFER"] }, createdAt: { gte: from, lt: to } },
      _sum: { amountCents: true },
    }),
    db.creditNote.findMany({
      where: { householdId: { in: ids }, issuedAt: { gte: from, lt: to } },
      select: { householdId: true, invoiceId: true, amountCents: true, lines: { select: { personId: true, productId: true, amountCents: true } } },
    }),
  ]);
  const invoiceIds = new Set<string>(paid.map((p) => p.invoiceId!));
  for (const n of notes) if (n.lines.length === 0 && n.invoiceId) invoiceIds.add(n.invoiceId);
  const lines = await db.invoiceLine.findMany({
    where: { invoiceId: { in: [...invoiceIds] } },
    select: { invoiceId: true, personId: true, productId: true, totalCents: true },
  });
  const linesOf = new Map<string, Line[]>();
  for (const l of lines) linesOf.set(l.invoiceId, [...(linesOf.get(l.invoiceId) ?? []), l]);

  const eligibleProductIds = new Set(eligible.map((p) => p.id));
  const out = new Map<string, TaxInput>(ids.map((id) => [id, { year, children: [], eligibleProductIds, invoices: [], creditNotes: [] }]));
  for (const p of persons) {
    out.get(p.householdId)!.children.push({
      personId: p.id,
      firstName: p.firstName,
      lastName: p.lastName,
      birthDate: p.birthDate ? dateToDay(p.birthDate) : null,
    });
  }
  for (const p of paid) {
    out.get(p.householdId)!.invoices.push({ lines: linesOf.get(p.invoiceId!) ?? [], paidInYearCents: -(p._sum.amountCents ?? 0) });
  }
  for (const n of notes) {
    out.get(n.householdId)!.creditNotes.push({
      amountCents: n.amountCents,
      lines: n.lines.length ? n.lines.map((l) => ({ personId: l.personId, productId: l.productId, totalCents: l.amountCents })) : null,
      invoiceLines: n.lines.length === 0 && n.invoiceId ? (linesOf.get(n.invoiceId) ?? []) : [],
    });
  }
  return out;
}

/** The figures of one household's certificate for a year, as they stand in the database. */
export async function computeTaxCertificate(db: Db | Tx, householdId: string, year: number): Promise<TaxFigures> {
  return computeTaxFigures((await loadTaxInputs(db, [householdId], year)).get(householdId)!);
}

/** The households that received money on an invoice in the year: the only ones that can have something to certify. */
export async function taxCertificateCandidates(db: Db | Tx, year: number): Promise<string[]> {
  const { from, to } = taxYearBounds(year);
  const rows = await db.ledgerEntry.findMany({
    where: { invoiceId: { not: null }, kind: { in: ["PAYMENT", "TRANSFER"] }, createdAt: { gte: from, lt: to } },
    distinct: ["householdId"],
    select: { householdId: true },
    orderBy: { householdId: "asc" },
  });
  return rows.map((r) => r.householdId);
}

/** A stored certificate's children, read back from its JSON. */
export function storedChildren(json: unknown): TaxChild[] {
  return Array.isArray(json) ? (json as TaxChild[]) : [];
}
