import { getDb } from "@/lib/db/client";
import { invoiceLines } from "@/lib/billing/lines";
import type { Regime } from "@/lib/generated/prisma/client";
import { priceSelections, type Selection } from "./context";
import type { InvoiceLineDto } from "./queries";

export type BookingSummaryDto = {
  responsible: string;
  serviceName: string;
  qf: number | null;
  regime: Regime | null;
  lines: InvoiceLineDto[];
  totalCents: number;
};

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
  const { household, items } = await priceSelections(db, { householdId, selections, now });
  const lines = invoiceLines(items);
  return {
    responsible,
    serviceName: [...new Set(items.map((i) => i.product.serviceName))].join(", "),
    qf: household.qf,
    regime: household.regime,
    lines: lines.map(({ label, quantity, unitPriceCents, totalCents }) => ({ label, quantity, unitPriceCents, totalCents })),
    totalCents: lines.reduce((sum, l) => sum + l.totalCents, 0),
  };
}

/** Ticked boxes travel as "personId|YYYY-MM-DD" values of one product. */
export function parseTicked(productId: string, values: string[]): Selection[] {
  return values.flatMap((v) => {
    const [personId, date] = v.split("|");
    return personId && date ? [{ personId, productId, date }] : [];
  });
}
