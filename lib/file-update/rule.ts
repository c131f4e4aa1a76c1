import type { Db, Tx } from "@/lib/db/client";
import { dateToDay, type Day } from "@/lib/dates";
import { formatDay } from "@/lib/format";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * What the yearly update asks of one household's bookings: the products of
 * services with `requiresFileUpdate`, and the open campaigns (oldest school
 * year first) with whether this household confirmed each.
 */
export type FileUpdateRule = {
  productIds: Set<string>;
  campaigns: { id: string; schoolYearStart: Day; confirmed: boolean }[];
};

export const NO_FILE_UPDATE_RULE: FileUpdateRule = { productIds: new Set(), campaigns: [] };

type CampaignRow = { id: string; schoolYearStart: Day; confirmed: boolean };

/** The open campaigns, oldest school year first, with whether this household confirmed each. */
export async function openFileUpdateCampaigns(db: Db | Tx, householdId: string): Promise<CampaignRow[]> {
  const campaigns = await db.fileUpdateCampaign.findMany({
    where: { closedAt: null },
    orderBy: [{ schoolYearStart: "asc" }, { createdAt: "asc" }],
    select: { id: true, schoolYearStart: true, confirmations: { where: { householdId }, select: { id: true } } },
  });
  return campaigns.map((c) => ({ id: c.id, schoolYearStart: dateToDay(c.schoolYearStart), confirmed: c.confirmations.length > 0 }));
}

/**
 * The rule for some products, for a path that has not read their services.
 * No campaign is read when none of the products requires the update.
 */
export async function fileUpdateRequiredDays(db: Db | Tx, householdId: string, productIds: string[]): Promise<FileUpdateRule> {
  if (productIds.length === 0) return NO_FILE_UPDATE_RULE;
  const requiring = await db.product.findMany({
    where: { id: { in: productIds }, service: { requiresFileUpdate: true } },
    select: { id: true },
  });
  if (requiring.length === 0) return NO_FILE_UPDATE_RULE;
  return { productIds: new Set(requiring.map((p) => p.id)), campaigns: await openFileUpdateCampaigns(db, householdId) };
}

/**
 * The same rule inside a page's single statement (the grid and the calendar
 * are one query each): with `s` the product's Service, the open campaigns
 * as JSON when the service requires the update, else NULL.
 */
export function fileUpdateCampaignsSql(householdId: string) {
  return Prisma.sql`CASE WHEN s."requiresFileUpdate" THEN (
      SELECT COALESCE(json_agg(json_build_object(
               'id', fc.id, 'schoolYearStart', fc."schoolYearStart",
               'confirmed', EXISTS (SELECT 1 FROM "FileUpdateConfirmation" fx WHERE fx."campaignId" = fc.id AND fx."householdId" = ${householdId}))
             ORDER BY fc."schoolYearStart", fc."createdAt"), '[]')
        FROM "FileUpdateCampaign" fc WHERE fc."closedAt" IS NULL) END`;
}

/** The rule from rows that carry `fileUpdateCampaignsSql` as `fileUpdateCampaigns`. */
export function fileUpdateRuleFromRows(rows: { id: string; fileUpdateCampaigns: CampaignRow[] | null }[]): FileUpdateRule {
  const requiring = rows.filter((r) => r.fileUpdateCampaigns !== null);
  if (requiring.length === 0) return NO_FILE_UPDATE_RULE;
  return { productIds: new Set(requiring.map((r) => r.id)), campaigns: requiring[0].fileUpdateCampaigns ?? [] };
}

/**
 * Why a day may not be booked until the family confirms its file, in French;
 * undefined when it may. The campaign that governs a day is the latest open
 * one whose school year has begun by then: confirming last year's file does
 * not open next year's days.
 */
export function fileUpdateRefusal(rule: FileUpdateRule, productId: string, day: Day): string | undefined {
  if (!rule.productIds.has(productId)) return undefined;
  const governing = rule.campaigns.filter((c) => c.schoolYearStart <= day).at(-1);
  if (!governing || governing.confirmed) return undefined;
  return `Mettez à jour votre dossier famille avant de réserver à partir du ${formatDay(governing.schoolYearStart)} (Mon espace › Mise à jour du dossier).`;
}
