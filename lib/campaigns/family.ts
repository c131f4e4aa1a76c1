import "server-only";
import { ineligibility } from "@/lib/catalogue/rules";
import { getDb } from "@/lib/db/client";
import { dateToDay, dayToDate, parisDay, type Day } from "@/lib/dates";
import type { BookingStatus, CampaignOutcome, InvoiceStatus, WaitlistStatus } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { campaignPhase, type CampaignPhase } from "./phase";
import { CAMPAIGN_PRODUCT_SELECT, campaignProduct } from "./select";

// What a family reads of the holiday-centre campaigns: which ones to show,
// its own request, the form's choices, and after the allocation what it was
// given. Every query carries the household; nothing of another one leaves.

export type FamilyCampaignDto = {
  id: string;
  label: string;
  phase: CampaignPhase;
  firstDay: Day;
  lastDay: Day;
  opensAt: Date;
  closesAt: Date;
  allocationDay: Day;
  /** The household has asked for at least one day */
  hasRequest: boolean;
};

/**
 * The campaigns a family sees: every campaign whose last day is not past
 * (upcoming, open, closed or allocated), soonest first.
 */
export async function listHouseholdCampaigns({ householdId, now = new Date() }: { householdId: string; now?: Date }): Promise<FamilyCampaignDto[]> {
  const db = await getDb();
  // One statement: Accueil and Demandes read it on every view.
  const campaigns = await db.$queryRaw<(Omit<FamilyCampaignDto, "phase" | "firstDay" | "lastDay" | "allocationDay"> & { firstDay: Date; lastDay: Date; allocationDay: Date; allocatedAt: Date | null })[]>(Prisma.sql`
    SELECT c.id, c.label, c."firstDay", c."lastDay", c."opensAt", c."closesAt", c."allocationDay", c."allocatedAt",
           EXISTS (SELECT 1 FROM "CampaignRequest" r WHERE r."campaignId" = c.id AND r."householdId" = ${householdId}) AS "hasRequest"
      FROM "Campaign" c
     WHERE c."lastDay" >= ${dayToDate(parisDay(now))}::date
     ORDER BY c."firstDay", c.label`);
  return campaigns.map((c) => ({
    id: c.id,
    label: c.label,
    phase: campaignPhase(c, now),
    firstDay: dateToDay(c.firstDay),
    lastDay: dateToDay(c.lastDay),
    opensAt: c.opensAt,
    closesAt: c.closesAt,
    allocationDay: dateToDay(c.allocationDay),
    hasRequest: c.hasRequest,
  }));
}

export type CampaignProductDto = { id: string; name: string; serviceName: string };

export type ChildRequestDto = {
  personId: string;
  firstName: string;
  lastName: string;
  firstProductId: string;
  secondProductId: string | null;
  together: boolean;
  days: Day[];
};

/** One child on the form: the days it may ask for, per product (the product's open days it is eligible on). */
export type FormChildDto = { personId: string; firstName: string; lastName: string; daysByProduct: Record<string, Day[]> };

export type ResultDayDto = {
  day: Day;
  outcome: CampaignOutcome;
  /** The product given, or the first choice waited for */
  productName: string | null;
  choice: number | null;
  /** Rank on the waiting list at the allocation */
  rank: number | null;
  /** The attributed (or accepted) day's booking as it stands now */
  booking: { status: BookingStatus; heldUntil: Date | null; invoiceId: string | null } | null;
  /** The waiting-list entry as it stands now; position counts the units still waiting ahead (1 = next) */
  waitlist: { status: WaitlistStatus; position: number | null; offerExpiresAt: Date | null } | null;
};

export type ResultInvoiceDto = { id: string; number: number; totalCents: number; status: InvoiceStatus; heldUntil: Date | null };

export type ResultChildDto = { personId: string; firstName: string; lastName: string; days: ResultDayDto[] };

export type FamilyCampaignPageDto = {
  campaign: Omit<FamilyCampaignDto, "hasRequest"> & { payWithinDays: number };
  products: CampaignProductDto[];
  workingParents: boolean;
  workingParentsConfirmed: boolean;
  /** The household's current request, one entry per child with days */
  requests: ChildRequestDto[];
  /** While the window is open: the children shown on the form */
  form: FormChildDto[] | null;
  /** Once allocated: per child, what each day became, and the invoices to pay */
  results: { children: ResultChildDto[]; invoices: ResultInvoiceDto[] } | null;
};

/**
 * Everything the family's campaign page shows, for the phase it is in:
 * null when there is no such campaign. The household's data only.
 */
export async function getFamilyCampaignPage({
  householdId,
  campaignId,
  now = new Date(),
}: {
  householdId: string;
  campaignId: string;
  now?: Date;
}): Promise<FamilyCampaignPageDto | null> {
  const db = await getDb();
  const campaign = await db.campaign.findUnique({
    where: { id: campaignId },
    select: {
      id: true,
      label: true,
      firstDay: true,
      lastDay: true,
      opensAt: true,
      closesAt: true,
      allocationDay: true,
      allocatedAt: true,
      payWithinDays: true,
      products: {
        orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
        select: { ...CAMPAIGN_PRODUCT_SELECT, service: { select: { name: true } } },
      },
    },
  });
  if (!campaign) return null;
  const phase = campaignPhase(campaign, now);
  const [household, requests] = await Promise.all([
    db.household.findUniqueOrThrow({ where: { id: householdId }, select: { workingParents: true, workingParentsConfirmedAt: true } }),
    db.campaignRequest.findMany({
      where: { campaignId, householdId },
      orderBy: [{ person: { birthDate: "asc" } }, { person: { firstName: "asc" } }],
      select: {
        personId: true,
        firstProductId: true,
        secondProductId: true,
        together: true,
        person: { select: { firstName: true, lastName: true } },
        days: {
          orderBy: { date: "asc" },
          select: {
            date: true,
            outcome: true,
            productId: true,
            choice: true,
            rank: true,
            booking: { select: { status: true, heldUntil: true, invoiceId: true } },
            waitlistEntry: {
              select: { id: true, status: true, offerExpiresAt: true, booking: { select: { status: true, heldUntil: true, invoiceId: true } } },
            },
          },
        },
      },
    }),
  ]);
  const productName = new Map(campaign.products.map((p) => [p.id, p.name]));

  let form: FormChildDto[] | null = null;
  if (phase === "OPEN") {
    const [children, slots] = await Promise.all([
      db.person.findMany({
        where: { householdId, quality: "ENFANT" },
        orderBy: [{ birthDate: "asc" }, { firstName: "asc" }],
        select: { id: true, firstName: true, lastName: true, birthDate: true, schoolClassId: true, schoolClass: { select: { siteId: true } } },
      }),
      db.slot.findMany({
        where: { productId: { in: campaign.products.map((p) => p.id) }, closed: false, date: { gte: campaign.firstDay, lte: campaign.lastDay } },
        orderBy: { date: "asc" },
        select: { productId: true, date: true },
      }),
    ]);
    form = children
      .map((c) => {
        const child = { birthDate: c.birthDate, schoolClassId: c.schoolClassId, siteId: c.schoolClass?.siteId ?? null };
        const daysByProduct: Record<string, Day[]> = {};
        for (const p of campaign.products) {
          const product = campaignProduct(p);
          const days = slots.filter((s) => s.productId === p.id).map((s) => dateToDay(s.date)).filter((d) => !ineligibility(product, child, d));
          if (days.length) daysByProduct[p.id] = days;
        }
        return { personId: c.id, firstName: c.firstName, lastName: c.lastName, daysByProduct };
      })
      .filter((c) => Object.keys(c.daysByProduct).length > 0);
  }

  let results: FamilyCampaignPageDto["results"] = null;
  if (phase === "ALLOCATED") {
    const entryIds = requests.flatMap((r) => r.days.map((d) => d.waitlistEntry?.id)).filter((id): id is string => !!id);
    // The place in the queue now: units still waiting ahead on the same day (siblings together count once).
    const positions = entryIds.length
      ? await db.$queryRaw<{ id: string; position: number }[]>(Prisma.sql`
          SELECT e.id, 1 + (SELECT count(DISTINCT COALESCE(o."groupKey", o.id))::int FROM "WaitlistEntry" o
                             WHERE o."slotId" = e."slotId" AND o.status = 'WAITING' AND o.rank < e.rank) AS position
            FROM "WaitlistEntry" e
           WHERE e.id = ANY(${entryIds}::text[]) AND e."householdId" = ${householdId} AND e.status = 'WAITING'`)
      : [];
    const positionOf = new Map(positions.map((p) => [p.id, Number(p.position)]));
    const children: ResultChildDto[] = requests.map((r) => ({
      personId: r.personId,
      firstName: r.person.firstName,
      lastName: r.person.lastName,
      days: r.days.map((d) => ({
        day: dateToDay(d.date),
        outcome: d.outcome,
        productName: d.productId ? (productName.get(d.productId) ?? null) : null,
        choice: d.choice,
        rank: d.rank,
        booking: d.booking ?? d.waitlistEntry?.booking ?? null,
        waitlist: d.waitlistEntry
          ? { status: d.waitlistEntry.status, position: positionOf.get(d.waitlistEntry.id) ?? null, offerExpiresAt: d.waitlistEntry.offerExpiresAt }
          : null,
      })),
    }));
    const heldUntil = new Map<string, Date | null>();
    for (const c of children) {
      for (const d of c.days) {
        if (!d.booking?.invoiceId) continue;
        const until = d.booking.status === "HELD" ? d.booking.heldUntil : null;
        const seen = heldUntil.get(d.booking.invoiceId);
        heldUntil.set(d.booking.invoiceId, seen && until ? (seen < until ? seen : until) : (seen ?? until));
      }
    }
    const invoices = heldUntil.size
      ? await db.invoice.findMany({
          where: { id: { in: [...heldUntil.keys()] }, householdId },
          orderBy: { number: "asc" },
          select: { id: true, number: true, totalCents: true, status: true },
        })
      : [];
    results = { children, invoices: invoices.map((i) => ({ ...i, heldUntil: heldUntil.get(i.id) ?? null })) };
  }

  return {
    campaign: {
      id: campaign.id,
      label: campaign.label,
      phase,
      firstDay: dateToDay(campaign.firstDay),
      lastDay: dateToDay(campaign.lastDay),
      opensAt: campaign.opensAt,
      closesAt: campaign.closesAt,
      allocationDay: dateToDay(campaign.allocationDay),
      payWithinDays: campaign.payWithinDays,
    },
    products: campaign.products.map((p) => ({ id: p.id, name: p.name, serviceName: p.service.name })),
    workingParents: household.workingParents,
    workingParentsConfirmed: household.workingParentsConfirmedAt != null,
    requests: requests.map((r) => ({
      personId: r.personId,
      firstName: r.person.firstName,
      lastName: r.person.lastName,
      firstProductId: r.firstProductId,
      secondProductId: r.secondProductId,
      together: r.together,
      days: r.days.map((d) => dateToDay(d.date)),
    })),
    form,
    results,
  };
}
