import "server-only";
import { getDb } from "@/lib/db/client";
import { dateToDay, dayToDate, isDay, parisDay, type Day } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { longDayLabel, personName, WAITLIST_STATUS_LABELS } from "@/lib/format";
import type { WaitlistStatus } from "@/lib/generated/prisma/client";
import { positionOf } from "./index";

export type FamilyWaitlistEntryDto = {
  id: string;
  childName: string;
  day: Day;
  dayLabel: string;
  productName: string;
  serviceName: string;
  status: WaitlistStatus;
  statusLabel: string;
  /** WAITING: 1 = the next place freed is offered to this child (or its siblings kept together). */
  position: number | null;
  /** OFFERED and still running: the offer lapses at this moment. */
  offerExpiresAt: Date | null;
  /** ACCEPTED: the pending invoice to pay. */
  invoiceId: string | null;
  invoicePending: boolean;
};

/**
 * The household's waiting-list entries for days not yet past (scoped by the
 * session's household), with each waiting child's position: 1 + the units
 * waiting ahead on the same slot. Two statements.
 */
export async function listHouseholdWaitlist({ householdId, now = new Date() }: { householdId: string; now?: Date }): Promise<FamilyWaitlistEntryDto[]> {
  const db = await getDb();
  const entries = await db.waitlistEntry.findMany({
    where: { householdId, slot: { date: { gte: dayToDate(parisDay(now)) } } },
    select: {
      id: true,
      slotId: true,
      rank: true,
      groupKey: true,
      status: true,
      offerExpiresAt: true,
      person: { select: { firstName: true, lastName: true } },
      slot: { select: { date: true, product: { select: { name: true, service: { select: { name: true } } } } } },
      booking: { select: { status: true, heldUntil: true, invoice: { select: { id: true, status: true } } } },
    },
    orderBy: [{ slot: { date: "asc" } }, { rank: "asc" }],
  });
  const waitingSlots = [...new Set(entries.filter((e) => e.status === "WAITING").map((e) => e.slotId))];
  const queue = waitingSlots.length
    ? await db.waitlistEntry.findMany({ where: { slotId: { in: waitingSlots }, status: "WAITING" }, select: { id: true, slotId: true, rank: true, groupKey: true } })
    : [];
  return entries.map((e) => {
    const day = dateToDay(e.slot.date);
    // An offer past its time reads as expired even before the maintenance run marks it.
    const lapsed = e.status === "OFFERED" && (!e.booking || e.booking.status !== "HELD" || !e.booking.heldUntil || e.booking.heldUntil <= now);
    const status: WaitlistStatus = lapsed ? "EXPIRED" : e.status;
    const invoice = e.status === "ACCEPTED" ? (e.booking?.invoice ?? null) : null;
    return {
      id: e.id,
      childName: `${e.person.firstName} ${e.person.lastName}`,
      day,
      dayLabel: longDayLabel(day),
      productName: e.slot.product.name,
      serviceName: e.slot.product.service.name,
      status,
      statusLabel: WAITLIST_STATUS_LABELS[status],
      position: status === "WAITING" ? positionOf(e, queue.filter((q) => q.slotId === e.slotId)) : null,
      offerExpiresAt: status === "OFFERED" ? e.offerExpiresAt : null,
      invoiceId: invoice?.id ?? null,
      invoicePending: invoice?.status === "PENDING_PAYMENT",
    };
  });
}

export type SlotWaitlistRowDto = {
  id: string;
  rank: number;
  /** Siblings kept together share a rank. */
  together: boolean;
  childName: string;
  householdName: string;
  status: WaitlistStatus;
  statusLabel: string;
  offerExpiresAt: Date | null;
  fromCampaign: boolean;
};

/** Staff: one product's day waiting list, by rank (every status, so staff see who was offered what). */
export async function slotWaitlist({ productId, day }: { productId: string; day: string }): Promise<SlotWaitlistRowDto[]> {
  if (!isDay(day)) throw new AppError("INVALID", "Date invalide.");
  const db = await getDb();
  const entries = await db.waitlistEntry.findMany({
    where: { slot: { productId, date: dayToDate(day) } },
    select: {
      id: true,
      rank: true,
      groupKey: true,
      status: true,
      offerExpiresAt: true,
      campaignRequestDayId: true,
      person: { select: { firstName: true, lastName: true } },
      household: { select: { name: true } },
    },
    orderBy: [{ rank: "asc" }, { createdAt: "asc" }],
  });
  return entries.map((e) => ({
    id: e.id,
    rank: e.rank,
    together: e.groupKey !== null,
    childName: personName(e.person),
    householdName: e.household.name,
    status: e.status,
    statusLabel: WAITLIST_STATUS_LABELS[e.status],
    offerExpiresAt: e.status === "OFFERED" ? e.offerExpiresAt : null,
    fromCampaign: e.campaignRequestDayId !== null,
  }));
}

export type JoinPreviewDto = {
  slotId: string;
  child: { id: string; firstName: string; lastName: string };
  day: Day;
  dayLabel: string;
  productName: string;
  serviceName: string;
  /** Children already waiting that day (siblings kept together count once). */
  unitsAhead: number;
};

/**
 * What the "m'inscrire sur la liste d'attente" step shows before the parent
 * confirms: the child (of the session's household only) and the day. The
 * rules are checked again by joinWaitlist when the form is sent.
 */
export async function getJoinPreview({ householdId, slotId, personId }: { householdId: string; slotId: string; personId: string }): Promise<JoinPreviewDto> {
  const db = await getDb();
  const [child, slot] = await Promise.all([
    db.person.findFirst({ where: { id: personId, householdId, quality: "ENFANT" }, select: { id: true, firstName: true, lastName: true } }),
    db.slot.findUnique({
      where: { id: slotId },
      select: {
        id: true,
        date: true,
        product: { select: { name: true, service: { select: { name: true } } } },
        waitlist: { where: { status: "WAITING" }, select: { id: true, groupKey: true } },
      },
    }),
  ]);
  if (!child) throw new AppError("NOT_FOUND", "Enfant introuvable.");
  if (!slot) throw new AppError("NOT_FOUND", "Jour introuvable.");
  const day = dateToDay(slot.date);
  return {
    slotId: slot.id,
    child,
    day,
    dayLabel: longDayLabel(day),
    productName: slot.product.name,
    serviceName: slot.product.service.name,
    unitsAhead: new Set(slot.waitlist.map((w) => w.groupKey ?? w.id)).size,
  };
}
