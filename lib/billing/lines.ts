import { monthOfDay, parseDay } from "@/lib/dates";
import { monthLabel } from "@/lib/format";
import type { PricedSelection } from "@/lib/bookings/context";

export type InvoiceLineDraft = {
  personId: string;
  productId: string;
  label: string;
  quantity: number;
  unitPriceCents: number;
  totalCents: number;
  sortOrder: number;
};

/** What a line needs of a priced day: a held day, or a day still billed when an invoice shrinks. */
export type LineItem = Pick<PricedSelection, "personId" | "productId" | "date" | "unitPriceCents"> & {
  child: Pick<PricedSelection["child"], "firstName">;
  product: Pick<PricedSelection["product"], "serviceName" | "name">;
};

/**
 * One line per child, prestation, month and unit price, labelled as in the
 * seed: "Emma Cantine Repas cantine 9, 15 juin 2026".
 */
export function invoiceLines(items: LineItem[]): InvoiceLineDraft[] {
  const groups = new Map<string, LineItem[]>();
  for (const item of items) {
    const key = [item.child.firstName, item.personId, item.product.serviceName, item.productId, monthOfDay(item.date), item.unitPriceCents].join("|");
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, group], index) => {
      const first = group[0];
      const days = group
        .map((g) => g.date)
        .sort()
        .map((d) => parseDay(d).date)
        .join(", ");
      return {
        personId: first.personId,
        productId: first.productId,
        label: `${first.child.firstName} ${first.product.serviceName} ${first.product.name} ${days} ${monthLabel(monthOfDay(first.date))}`,
        quantity: group.length,
        unitPriceCents: first.unitPriceCents,
        totalCents: group.length * first.unitPriceCents,
        sortOrder: index,
      };
    });
}
