import type { EligibilityProduct } from "@/lib/catalogue/rules";
import { dateToDay, type Day } from "@/lib/dates";
import type { Campaign, CampaignRule, Prisma } from "@/lib/generated/prisma/client";

// The campaign reads that staff pages, the settings form, the allocation and
// the family's form share, so that they all see a campaign the same way.

/** A campaign's settings as staff enter them, its days as Day. */
export type CampaignSettings = {
  label: string;
  firstDay: Day;
  lastDay: Day;
  opensAt: Date;
  closesAt: Date;
  allocationDay: Day;
  rules: CampaignRule[];
  payWithinDays: number;
  offerHours: number;
};

type SettingsRow = Pick<Campaign, "label" | "firstDay" | "lastDay" | "opensAt" | "closesAt" | "allocationDay" | "rules" | "payWithinDays" | "offerHours">;

export function campaignSettings(row: SettingsRow): CampaignSettings {
  return {
    label: row.label,
    firstDay: dateToDay(row.firstDay),
    lastDay: dateToDay(row.lastDay),
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    allocationDay: dateToDay(row.allocationDay),
    rules: row.rules,
    payWithinDays: row.payWithinDays,
    offerHours: row.offerHours,
  };
}

/** What a campaign's product is read with to tell which children may ask for it, and on which days. */
export const CAMPAIGN_PRODUCT_SELECT = {
  id: true,
  name: true,
  minAgeYears: true,
  maxAgeYears: true,
  sites: { select: { id: true } },
  classes: { select: { id: true } },
} satisfies Prisma.ProductSelect;

export type CampaignProduct = EligibilityProduct & { id: string; name: string };

export function campaignProduct(p: Prisma.ProductGetPayload<{ select: typeof CAMPAIGN_PRODUCT_SELECT }>): CampaignProduct {
  return { id: p.id, name: p.name, minAgeYears: p.minAgeYears, maxAgeYears: p.maxAgeYears, siteIds: p.sites.map((s) => s.id), classIds: p.classes.map((c) => c.id) };
}
