import "server-only";
import { getDb } from "@/lib/db/client";
import { invoiceLines } from "@/lib/billing/lines";
import type { TariffDefaults } from "@/lib/catalogue/rules";
import type { Regime } from "@/lib/generated/prisma/client";
import { loadTariffDefaults } from "@/lib/settings";
import { priceSelections, type PricedSelection, type Selection } from "./context";
import type { InvoiceLineDto } from "./queries";

export type BookingSummaryDto = {
  responsible: string;
  serviceName: string;
  qf: number | null;
  regime: Regime | null;
  lines: InvoiceLineDto[];
  totalCents: number;
  /** Set when some day is priced by the authority's rule for a missing QF or régime: what it means for the parent. */
  pricingNote: string | null;
};

/**
 * The parent-facing note for days priced by the default rule: without a
 * valid QF, or without a régime on file. (A declared régime the grid does
 * not list is the service's matter, not the parent's.)
 */
export function pricingNote(
  household: { regime: Regime | null },
  items: Pick<PricedSelection, "priceDefaulted">[],
  defaults: TariffDefaults,
): string | null {
  if (items.some((i) => i.priceDefaulted.qf)) {
    const applied = defaults.qf == null ? "tranche la plus haute" : `tarif d'un quotient familial de ${defaults.qf}`;
    return `Tarif appliqué sans quotient familial : ${applied}. Transmettez votre attestation CAF pour un tarif adapté.`;
  }
  if (household.regime == null && items.some((i) => i.priceDefaulted.regime)) {
    return "Tarif appliqué sans régime connu : régime par défaut. Transmettez votre attestation CAF ou MSA pour un tarif adapté.";
  }
  return null;
}

/** "Résumé réservation": the lines as the invoice will have them, priced on the server. Holds nothing. */
export async function summarizeSelections({
  householdId,
  responsible,
  selections,
  now = new Date(),
}: {
  householdId: string;
  responsible: string;
  selections: Selection[];
  now?: Date;
}): Promise<BookingSummaryDto> {
  const db = await getDb();
  const tariffDefaults = await loadTariffDefaults(db);
  const { household, items } = await priceSelections(db, { householdId, selections, now, tariffDefaults });
  const lines = invoiceLines(items);
  return {
    responsible,
    serviceName: [...new Set(items.map((i) => i.product.serviceName))].join(", "),
    qf: household.qf,
    regime: household.regime,
    lines: lines.map(({ label, quantity, unitPriceCents, totalCents }) => ({ label, quantity, unitPriceCents, totalCents })),
    totalCents: lines.reduce((sum, l) => sum + l.totalCents, 0),
    pricingNote: pricingNote(household, items, tariffDefaults),
  };
}

/** Ticked boxes travel as "personId|YYYY-MM-DD" values of one product. */
export function parseTicked(productId: string, values: string[]): Selection[] {
  return values.flatMap((v) => {
    const [personId, date] = v.split("|");
    return personId && date ? [{ personId, productId, date }] : [];
  });
}
