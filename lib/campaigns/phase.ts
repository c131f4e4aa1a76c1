import type { Campaign } from "@/lib/generated/prisma/client";

/**
 * Where a campaign stands, from its dates alone: parents may request while
 * it is OPEN (and change their request until it closes); staff run the
 * allocation once it is CLOSED; ALLOCATED once they did. Until then its days
 * are not booked first come, first served.
 */
export type CampaignPhase = "UPCOMING" | "OPEN" | "CLOSED" | "ALLOCATED";

export function campaignPhase(campaign: Pick<Campaign, "opensAt" | "closesAt" | "allocatedAt">, now: Date): CampaignPhase {
  if (campaign.allocatedAt) return "ALLOCATED";
  if (now < campaign.opensAt) return "UPCOMING";
  if (now < campaign.closesAt) return "OPEN";
  return "CLOSED";
}
