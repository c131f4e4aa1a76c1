import type { Db, Tx } from "@/lib/db/client";
import { dateToDay, type Day } from "@/lib/dates";

export type CampaignDay = { id: string; label: string; allocated: boolean };

/**
 * The campaigns covering some products' days, by "productId|day". Until its
 * allocation a campaign's days are requested, not booked first come; after
 * it they are ordinary days, open whatever the product's `openMonthsAhead`.
 * One statement (the products come in the same one, relationJoins).
 */
export async function campaignDays(db: Db | Tx, productIds: string[], days: Day[]): Promise<Map<string, CampaignDay>> {
  const out = new Map<string, CampaignDay>();
  if (productIds.length === 0 || days.length === 0) return out;
  const sorted = [...days].sort();
  const campaigns = await db.campaign.findMany({
    where: {
      products: { some: { id: { in: productIds } } },
      firstDay: { lte: new Date(`${sorted[sorted.length - 1]}T00:00:00Z`) },
      lastDay: { gte: new Date(`${sorted[0]}T00:00:00Z`) },
    },
    select: { id: true, label: true, firstDay: true, lastDay: true, allocatedAt: true, products: { select: { id: true } } },
    orderBy: { createdAt: "asc" },
  });
  for (const c of campaigns) {
    const first = dateToDay(c.firstDay);
    const last = dateToDay(c.lastDay);
    for (const p of c.products) {
      if (!productIds.includes(p.id)) continue;
      for (const day of days) {
        if (day < first || day > last) continue;
        const key = `${p.id}|${day}`;
        const known = out.get(key);
        // A day still waiting for one campaign's allocation is "sur demande", whatever another says.
        if (!known || (known.allocated && !c.allocatedAt)) out.set(key, { id: c.id, label: c.label, allocated: c.allocatedAt !== null });
      }
    }
  }
  return out;
}
