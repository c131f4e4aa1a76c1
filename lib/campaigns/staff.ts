import "server-only";
import { csvText } from "@/lib/csv";
import { getDb } from "@/lib/db/client";
import { dateToDay, type Day } from "@/lib/dates";
import {
  ALLOCATION_DECIDER_LABELS,
  BOOKING_STATUS_LABELS,
  CAMPAIGN_OUTCOME_LABELS,
  CAMPAIGN_RULE_LABELS,
  WAITLIST_STATUS_LABELS,
  formatDateTime,
  formatDay,
  personName,
} from "@/lib/format";
import type { BookingStatus, CampaignOutcome, WaitlistStatus } from "@/lib/generated/prisma/client";
import { campaignPhase, type CampaignPhase } from "./phase";
import { campaignSeed } from "./run";
import { campaignSettings, type CampaignSettings } from "./select";

// What staff read of campaigns: the list, one campaign with its form's
// values, its requests, the places given and the waiting lists, and their CSV.

export type CampaignSummaryDto = { id: string; label: string; firstDay: Day; lastDay: Day; requests: number; phase: CampaignPhase };

export async function listCampaignsForStaff({ now = new Date() }: { now?: Date } = {}): Promise<CampaignSummaryDto[]> {
  const db = await getDb();
  const rows = await db.campaign.findMany({
    orderBy: [{ firstDay: "desc" }, { label: "asc" }],
    select: { id: true, label: true, firstDay: true, lastDay: true, opensAt: true, closesAt: true, allocatedAt: true, _count: { select: { requests: true } } },
  });
  return rows.map((c) => ({
    id: c.id,
    label: c.label,
    firstDay: dateToDay(c.firstDay),
    lastDay: dateToDay(c.lastDay),
    requests: c._count.requests,
    phase: campaignPhase(c, now),
  }));
}

export type ProductOptionDto = { id: string; label: string };

/** The products a campaign may cover, "<service> — <product>", active ones and those already chosen. */
export async function campaignProductOptions(keep: string[] = []): Promise<ProductOptionDto[]> {
  const db = await getDb();
  const products = await db.product.findMany({
    where: { OR: [{ active: true, service: { active: true } }, { id: { in: keep } }] },
    select: { id: true, name: true, service: { select: { name: true, sortOrder: true } }, sortOrder: true },
  });
  return products
    .sort((a, b) => a.service.sortOrder - b.service.sortOrder || a.service.name.localeCompare(b.service.name) || a.sortOrder - b.sortOrder || a.name.localeCompare(b.name))
    .map((p) => ({ id: p.id, label: `${p.service.name} — ${p.name}` }));
}

export type CampaignForStaffDto = CampaignSettings & {
  id: string;
  products: ProductOptionDto[];
  rulesText: string;
  allocatedAt: Date | null;
  phase: CampaignPhase;
  /** Shown from the close of the window: the request list no longer changes */
  seed: string | null;
  requests: number;
};

export async function getCampaignForStaff(id: string, { now = new Date() }: { now?: Date } = {}): Promise<CampaignForStaffDto | null> {
  const db = await getDb();
  const c = await db.campaign.findUnique({
    where: { id },
    include: { products: { select: { id: true, name: true, service: { select: { name: true } } } }, _count: { select: { requests: true } } },
  });
  if (!c) return null;
  const phase = campaignPhase(c, now);
  const seed = c.seed ?? (phase === "CLOSED" ? await campaignSeed(c.id, { db }) : null);
  return {
    id: c.id,
    ...campaignSettings(c),
    products: c.products.map((p) => ({ id: p.id, label: `${p.service.name} — ${p.name}` })).sort((a, b) => a.label.localeCompare(b.label)),
    rulesText: [...c.rules.map((r) => CAMPAIGN_RULE_LABELS[r]), "tirage au sort"].join(", puis "),
    allocatedAt: c.allocatedAt,
    phase,
    seed,
    requests: c._count.requests,
  };
}

export type CampaignRequestRowDto = {
  id: string;
  child: string;
  household: string;
  householdId: string;
  firstChoice: string;
  secondChoice: string | null;
  together: boolean;
  workingParents: "CONFIRMED" | "DECLARED" | null;
  days: { day: Day; outcome: CampaignOutcome }[];
};

/** Every child's request, by household then child. */
export async function campaignRequestsForStaff(campaignId: string): Promise<CampaignRequestRowDto[]> {
  const db = await getDb();
  const rows = await db.campaignRequest.findMany({
    where: { campaignId },
    select: {
      id: true,
      together: true,
      person: { select: { firstName: true, lastName: true } },
      household: { select: { id: true, name: true, workingParents: true, workingParentsConfirmedAt: true } },
      firstProduct: { select: { name: true } },
      secondProduct: { select: { name: true } },
      days: { select: { date: true, outcome: true }, orderBy: { date: "asc" } },
    },
  });
  return rows
    .map((r) => ({
      id: r.id,
      child: personName(r.person),
      household: r.household.name,
      householdId: r.household.id,
      firstChoice: r.firstProduct.name,
      secondChoice: r.secondProduct?.name ?? null,
      together: r.together,
      workingParents: r.household.workingParentsConfirmedAt ? ("CONFIRMED" as const) : r.household.workingParents ? ("DECLARED" as const) : null,
      days: r.days.map((d) => ({ day: dateToDay(d.date), outcome: d.outcome })),
    }))
    .sort((a, b) => a.household.localeCompare(b.household) || a.child.localeCompare(b.child));
}

export type AttributedRowDto = {
  id: string;
  day: Day;
  product: string;
  choice: number | null;
  child: string;
  household: string;
  householdId: string;
  decidedBy: string;
  status: BookingStatus | null;
  heldUntil: Date | null;
};

/** The days given, per day and centre, with the place's current state (paid, waiting for payment, let go). */
export async function campaignAttributedForStaff(campaignId: string): Promise<AttributedRowDto[]> {
  const db = await getDb();
  const rows = await db.campaignRequestDay.findMany({
    where: { request: { campaignId }, outcome: "ATTRIBUTED" },
    select: {
      id: true,
      date: true,
      choice: true,
      decidedBy: true,
      productId: true,
      request: { select: { person: { select: { firstName: true, lastName: true } }, household: { select: { id: true, name: true } } } },
      booking: { select: { status: true, heldUntil: true, slot: { select: { product: { select: { name: true } } } } } },
    },
  });
  return rows
    .map((r) => ({
      id: r.id,
      day: dateToDay(r.date),
      product: r.booking?.slot.product.name ?? "",
      choice: r.choice,
      child: personName(r.request.person),
      household: r.request.household.name,
      householdId: r.request.household.id,
      decidedBy: r.decidedBy ? (ALLOCATION_DECIDER_LABELS[r.decidedBy as keyof typeof ALLOCATION_DECIDER_LABELS] ?? r.decidedBy) : "",
      status: r.booking?.status ?? null,
      heldUntil: r.booking?.heldUntil ?? null,
    }))
    .sort((a, b) => a.day.localeCompare(b.day) || a.product.localeCompare(b.product) || a.household.localeCompare(b.household) || a.child.localeCompare(b.child));
}

export type WaitlistRowDto = {
  id: string;
  day: Day;
  product: string;
  rank: number;
  child: string;
  household: string;
  householdId: string;
  status: WaitlistStatus;
  offerExpiresAt: Date | null;
  decidedBy: string;
};

/** The waiting lists the allocation made, per day and centre in rank order, with where each entry stands now. */
export async function campaignWaitlistForStaff(campaignId: string): Promise<WaitlistRowDto[]> {
  const db = await getDb();
  const rows = await db.waitlistEntry.findMany({
    where: { campaignRequestDay: { request: { campaignId } } },
    select: {
      id: true,
      rank: true,
      status: true,
      offerExpiresAt: true,
      slot: { select: { date: true, product: { select: { name: true } } } },
      person: { select: { firstName: true, lastName: true } },
      household: { select: { id: true, name: true } },
      campaignRequestDay: { select: { decidedBy: true } },
    },
  });
  return rows
    .map((r) => ({
      id: r.id,
      day: dateToDay(r.slot.date),
      product: r.slot.product.name,
      rank: r.rank,
      child: personName(r.person),
      household: r.household.name,
      householdId: r.household.id,
      status: r.status,
      offerExpiresAt: r.offerExpiresAt,
      decidedBy: (() => {
        const d = r.campaignRequestDay?.decidedBy;
        return d ? (ALLOCATION_DECIDER_LABELS[d as keyof typeof ALLOCATION_DECIDER_LABELS] ?? d) : "";
      })(),
    }))
    .sort((a, b) => a.day.localeCompare(b.day) || a.product.localeCompare(b.product) || a.rank - b.rank || a.child.localeCompare(b.child));
}

/** A booking's state as staff read it in the list of places given. */
export function attributedStatusLabel(row: Pick<AttributedRowDto, "status" | "heldUntil">, now = new Date()): string {
  if (!row.status) return "—";
  if (row.status === "HELD" && row.heldUntil && row.heldUntil.getTime() <= now.getTime()) return "Non payée à temps";
  if (row.status === "HELD" && row.heldUntil) return `${BOOKING_STATUS_LABELS.HELD} (jusqu'au ${formatDateTime(row.heldUntil)})`;
  return BOOKING_STATUS_LABELS[row.status];
}

export function waitlistStatusLabel(row: Pick<WaitlistRowDto, "status" | "offerExpiresAt">): string {
  if (row.status === "OFFERED" && row.offerExpiresAt) return `${WAITLIST_STATUS_LABELS.OFFERED} jusqu'au ${formatDateTime(row.offerExpiresAt)}`;
  return WAITLIST_STATUS_LABELS[row.status];
}

export function daysSummary(days: CampaignRequestRowDto["days"]): string {
  return days.map((d) => (d.outcome === "PENDING" ? formatDay(d.day) : `${formatDay(d.day)} (${CAMPAIGN_OUTCOME_LABELS[d.outcome]})`)).join(", ");
}

export const CAMPAIGN_LISTS = ["demandes", "attribuees", "attente"] as const;
export type CampaignList = (typeof CAMPAIGN_LISTS)[number];

/** A list as a CSV file French Excel opens as is (BOM, semicolons, CRLF). */
export async function campaignListCsv(campaignId: string, list: CampaignList, now = new Date()): Promise<string> {
  let rows: (string | number)[][];
  if (list === "demandes") {
    const requests = await campaignRequestsForStaff(campaignId);
    rows = [
      ["Famille", "Enfant", "Premier choix", "Second choix", "Ensemble", "Parents qui travaillent", "Jours"],
      ...requests.map((r) => [
        r.household,
        r.child,
        r.firstChoice,
        r.secondChoice ?? "",
        r.together ? "Oui" : "Non",
        r.workingParents === "CONFIRMED" ? "Confirmé" : r.workingParents === "DECLARED" ? "Déclaré, non confirmé" : "Non",
        daysSummary(r.days),
      ]),
    ];
  } else if (list === "attribuees") {
    const given = await campaignAttributedForStaff(campaignId);
    rows = [
      ["Date", "Prestation", "Choix", "Enfant", "Famille", "Décidé par", "Statut"],
      ...given.map((r) => [formatDay(r.day), r.product, r.choice ?? "", r.child, r.household, r.decidedBy, attributedStatusLabel(r, now)]),
    ];
  } else {
    const waiting = await campaignWaitlistForStaff(campaignId);
    rows = [
      ["Date", "Prestation", "Rang", "Enfant", "Famille", "Décidé par", "Statut"],
      ...waiting.map((r) => [formatDay(r.day), r.product, r.rank, r.child, r.household, r.decidedBy, waitlistStatusLabel(r)]),
    ];
  }
  return csvText(rows);
}
