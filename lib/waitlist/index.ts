import "server-only";
import { recordAudit } from "@/lib/audit";
import { RC } from "@/lib/billing/credit";
import { campaignDays } from "@/lib/bookings/campaign-days";
import { activeBookingWhere, loadChildren, loadProducts } from "@/lib/bookings/context";
import { priceFor, type TariffDefaults } from "@/lib/catalogue/rules";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import { newRowId } from "@/lib/db/ids";
import { lockRows } from "@/lib/db/locks";
import { bookingDeadline, dateToDay, isPastDeadline, type Day } from "@/lib/dates";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { fileUpdateRefusal, fileUpdateRequiredDays } from "@/lib/file-update/rule";
import { formatDateTime, fullDayLabel, longDayLabel } from "@/lib/format";
import { deliverQueuedEmails, queueEmail } from "@/lib/mail";
import { WaitlistOfferEmail, waitlistOfferSubject } from "@/lib/mail/templates/waitlist-offer-email";
import { getSettings, tariffDefaultsOf, type AuthoritySettingsDto } from "@/lib/settings";
import type { WaitlistStatus } from "@/lib/generated/prisma/client";

// The waiting list of a slot (a product on a day). Rank 1 is next; siblings
// kept together share a rank and a groupKey and are offered together or not
// at all. Every change that can give or take a place runs under the slot's
// row lock (lib/db/locks), the same lock the first-come hold takes, so a
// freed place is counted once: an offer is a HELD booking (invoiceId null)
// that counts against capacity like any hold.

/** Entries still in the queue: a family has one of these per child and day at most. */
export const OPEN_STATUSES: WaitlistStatus[] = ["WAITING", "OFFERED"];

export type JoinResult = { entryId: string; rank: number; position: number };

/**
 * "Complet — m'inscrire sur la liste d'attente": a child of the household
 * joins a full day's list, at the end (rank = the slot's highest + 1, taken
 * under the slot lock so two joins never share a rank). Refused, with the
 * reason, for a day that is not full for them (book it instead), past its
 * booking deadline, closed, not for this child, still in a campaign's
 * request window, or already booked or waited for.
 */
export async function joinWaitlist({
  actor,
  householdId,
  personId,
  slotId,
  now = new Date(),
}: {
  actor: { id: string };
  householdId: string;
  personId: string;
  slotId: string;
  now?: Date;
}): Promise<JoinResult> {
  const db = await getDb();
  const slot = await db.slot.findUnique({ where: { id: slotId }, select: { id: true, date: true, closed: true, productId: true } });
  if (!slot) throw new AppError("NOT_FOUND", "Jour introuvable.");
  const [product] = await loadProducts(db, [slot.productId]);
  if (!product) throw new AppError("NOT_FOUND", "Prestation introuvable.");
  const [child] = await loadChildren(db, householdId, [personId]);
  if (!child) throw new AppError("NOT_FOUND", "Enfant introuvable.");
  const day = dateToDay(slot.date);
  const label = fullDayLabel(day);
  const what = `${label} (${product.name})`;
  if (slot.closed) throw new AppError("INVALID", `${product.name} : fermé le ${label}.`);
  if (isPastDeadline(day, product.deadlineDays, product.deadlineTime, now)) {
    throw new AppError("INVALID", `Délai de réservation dépassé pour le ${label} : la liste d'attente de ce jour est close.`);
  }
  const campaign = (await campaignDays(db, [product.id], [day])).get(`${product.id}|${day}`);
  if (campaign && !campaign.allocated) {
    throw new AppError("INVALID", `${label.charAt(0).toUpperCase()}${label.slice(1)} : inscriptions sur demande (« ${campaign.label} »).`);
  }
  // Waiting for a day the family could not book: the offer would give it what the hold refuses.
  const notUpdated = fileUpdateRefusal(await fileUpdateRequiredDays(db, householdId, [product.id]), product.id, day);
  if (notUpdated) throw new AppError("INVALID", notUpdated);
  return db.$transaction(async (tx) => {
    const [locked] = await lockRows(tx, "Slot", [slotId]);
    if (!locked) throw new AppError("NOT_FOUND", "Jour introuvable.");
    const fresh = await tx.slot.findUniqueOrThrow({ where: { id: slotId }, select: { capacity: true, closed: true } });
    if (fresh.closed) throw new AppError("INVALID", `${product.name} : fermé le ${label}.`);
    const active = await tx.booking.findMany({ where: { slotId, ...activeBookingWhere(now) }, select: { personId: true } });
    if (active.some((b) => b.personId === personId)) throw new AppError("CONFLICT", `${child.firstName} a déjà une réservation le ${what}.`);
    const entries = await tx.waitlistEntry.findMany({ where: { slotId }, select: { id: true, personId: true, status: true, rank: true, groupKey: true } });
    if (entries.some((e) => e.personId === personId && OPEN_STATUSES.includes(e.status))) {
      throw new AppError("CONFLICT", `${child.firstName} est déjà sur la liste d'attente du ${what}.`);
    }
    const waiting = entries.filter((e) => e.status === "WAITING");
    // The hold refuses a day when its active bookings and waiting children fill it: the same sum here.
    if (active.length + waiting.length + 1 <= fresh.capacity) {
      throw new AppError("CONFLICT", `Il reste de la place le ${what} : réservez ce jour directement.`);
    }
    const rank = Math.max(0, ...entries.map((e) => e.rank)) + 1;
    const entry = await tx.waitlistEntry.create({
      data: { slotId, personId, householdId, rank, status: "WAITING", createdById: actor.id },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "waitlist.join",
      targetType: "WaitlistEntry",
      targetId: entry.id,
      details: { label: `${child.firstName} ${child.lastName} — ${what}`, rank },
    });
    return { entryId: entry.id, rank, position: positionOf({ rank, id: entry.id, groupKey: null }, waiting) };
  }, RC);
}

/**
 * The family's place in the queue: 1 + the units (a group of siblings, or
 * one child) waiting on the same slot with a lower rank.
 */
export function positionOf(entry: { rank: number; id: string; groupKey: string | null }, waiting: { id: string; rank: number; groupKey: string | null }[]): number {
  const ahead = new Set(waiting.filter((w) => w.rank < entry.rank).map((w) => w.groupKey ?? w.id));
  return ahead.size + 1;
}

/** "Me retirer de la liste": a waiting entry of the household is REMOVED. An offer is refused instead. */
export async function leaveWaitlist({ actor, householdId, entryId, now = new Date() }: { actor: { id: string }; householdId: string; entryId: string; now?: Date }) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const entry = await tx.waitlistEntry.findFirst({ where: { id: entryId, householdId }, select: entrySelect });
    if (!entry) throw new AppError("NOT_FOUND", "Inscription introuvable.");
    await lockRows(tx, "Slot", [entry.slotId]);
    const { count } = await tx.waitlistEntry.updateMany({ where: { id: entryId, status: "WAITING" }, data: { status: "REMOVED", answeredAt: now } });
    if (count === 0) {
      const current = await tx.waitlistEntry.findUniqueOrThrow({ where: { id: entryId }, select: { status: true } });
      if (current.status === "REMOVED") return { label: describe(entry) };
      if (current.status === "OFFERED") throw new AppError("CONFLICT", "Une place vous est proposée ce jour-là : acceptez-la ou refusez-la.");
      throw new AppError("CONFLICT", "Cette inscription n'est plus en liste d'attente : rechargez la page.");
    }
    await recordAudit(tx, { actorId: actor.id, action: "waitlist.leave", targetType: "WaitlistEntry", targetId: entryId, details: { label: describe(entry) } });
    return { label: describe(entry) };
  }, RC);
}

const entrySelect = {
  id: true,
  slotId: true,
  groupKey: true,
  person: { select: { firstName: true, lastName: true } },
  slot: { select: { date: true, product: { select: { name: true } } } },
} as const;

function describe(entry: { person: { firstName: string; lastName: string }; slot: { date: Date; product: { name: string } } }) {
  return `${entry.person.firstName} ${entry.person.lastName} — ${fullDayLabel(dateToDay(entry.slot.date))} (${entry.slot.product.name})`;
}

type OfferContext = { offerHours: number; defaults: TariffDefaults; settings: AuthoritySettingsDto; appUrl: string };

async function offerContext(db: Db): Promise<OfferContext> {
  const row = await db.authoritySettings.findUnique({ where: { id: 1 }, select: { waitlistOfferHours: true, defaultTariffRegime: true, defaultTariffQf: true } });
  const settings = await getSettings();
  return {
    offerHours: row?.waitlistOfferHours ?? 48,
    defaults: tariffDefaultsOf(row ?? settings),
    settings,
    appUrl: env().appUrl,
  };
}

/**
 * Offers the free places of some slots (every slot with a waiting entry
 * when none are named) to their waiting lists, one transaction per slot
 * under its row lock: free = capacity − active bookings (offers still
 * running count, so no place is offered twice); the units (siblings kept
 * together, or one child) are taken in rank order, a unit larger than the
 * places left is skipped and keeps its rank. Each child offered gets a HELD
 * booking without invoice until the offer ends (the campaign's offerHours,
 * or the settings' for a first-come list, never past the day's booking
 * deadline), priced with the household's tariff; the entry becomes OFFERED,
 * the audit says so and an email "Une place s'est libérée" is queued in the
 * same transaction, delivered after commit. No offer once the deadline has
 * passed or on a closed day. Returns how many children were offered a place.
 */
export async function offerFreedPlaces({ slotIds, now = new Date(), db: given }: { slotIds?: string[]; now?: Date; db?: Db } = {}): Promise<number> {
  const db = given ?? (await getDb());
  const named = slotIds ? [...new Set(slotIds)] : null;
  if (named && named.length === 0) return 0;
  // Only slots someone waits for are worth a lock.
  const waited = await db.waitlistEntry.findMany({
    where: { status: "WAITING", ...(named ? { slotId: { in: named } } : {}) },
    select: { slotId: true },
    distinct: ["slotId"],
  });
  const ids = waited.map((w) => w.slotId).sort();
  if (ids.length === 0) return 0;
  const context = await offerContext(db);
  let offered = 0;
  const emailIds: string[] = [];
  for (const slotId of ids) {
    const result = await db.$transaction((tx) => offerSlotInTx(tx, slotId, now, context), RC);
    offered += result.offered;
    emailIds.push(...result.emailIds);
  }
  if (emailIds.length) await deliverQueuedEmails({ ids: emailIds, now });
  return offered;
}

async function offerSlotInTx(tx: Tx, slotId: string, now: Date, context: OfferContext): Promise<{ offered: number; emailIds: string[] }> {
  const none = { offered: 0, emailIds: [] };
  const [locked] = await lockRows(tx, "Slot", [slotId]);
  if (!locked) return none;
  const slot = await tx.slot.findUniqueOrThrow({
    where: { id: slotId },
    select: {
      date: true,
      capacity: true,
      closed: true,
      product: { select: { id: true, name: true, deadlineDays: true, deadlineTime: true, tariffs: true, service: { select: { name: true } } } },
    },
  });
  const day = dateToDay(slot.date);
  const deadline = bookingDeadline(day, slot.product.deadlineDays, slot.product.deadlineTime);
  if (slot.closed || deadline <= now) return none;
  const active = await tx.booking.findMany({ where: { slotId, ...activeBookingWhere(now) }, select: { personId: true } });
  let free = slot.capacity - active.length;
  if (free <= 0) return none;
  const waiting = await tx.waitlistEntry.findMany({
    where: { slotId, status: "WAITING" },
    orderBy: [{ rank: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      personId: true,
      householdId: true,
      groupKey: true,
      rank: true,
      person: { select: { firstName: true, lastName: true } },
      household: { select: { qf: true, qfValidUntil: true, regime: true } },
      campaignRequestDay: { select: { request: { select: { campaign: { select: { offerHours: true } } } } } },
    },
  });
  // A child booked meanwhile (by staff) no longer waits.
  const booked = new Set(active.map((b) => b.personId));
  const gone = waiting.filter((w) => booked.has(w.personId));
  if (gone.length) await tx.waitlistEntry.updateMany({ where: { id: { in: gone.map((w) => w.id) } }, data: { status: "REMOVED", answeredAt: now } });
  const units = new Map<string, typeof waiting>();
  for (const w of waiting) {
    if (booked.has(w.personId)) continue;
    const key = w.groupKey ?? w.id;
    units.set(key, [...(units.get(key) ?? []), w]);
  }
  const byHousehold = new Map<string, { children: string[]; expiresAt: Date }>();
  let offered = 0;
  for (const unit of units.values()) {
    if (free <= 0) break;
    // Siblings all or none: a unit the places left cannot hold waits, keeping its rank.
    if (unit.length > free) continue;
    const prices = unit.map((w) => priceFor(slot.product.tariffs, w.household, day, context.defaults));
    // No tariff for them that day: the service must fix it; the next unit is not held up.
    if (prices.some((p) => !p)) continue;
    for (const [i, w] of unit.entries()) {
      const hours = w.campaignRequestDay?.request.campaign.offerHours ?? context.offerHours;
      const expiresAt = new Date(Math.min(now.getTime() + hours * 3_600_000, deadline.getTime()));
      const bookingId = newRowId();
      await tx.booking.create({
        data: {
          id: bookingId,
          slotId,
          personId: w.personId,
          householdId: w.householdId,
          status: "HELD",
          heldUntil: expiresAt,
          unitPriceCents: prices[i]!.unitPriceCents,
          tariffId: prices[i]!.tariffId,
          invoiceId: null,
        },
      });
      await tx.waitlistEntry.update({ where: { id: w.id }, data: { status: "OFFERED", offeredAt: now, offerExpiresAt: expiresAt, bookingId } });
      await recordAudit(tx, {
        actorId: null,
        action: "waitlist.offer",
        targetType: "WaitlistEntry",
        targetId: w.id,
        details: { label: `${w.person.firstName} ${w.person.lastName} — ${fullDayLabel(day)} (${slot.product.name})`, rank: w.rank, expiresAt: formatDateTime(expiresAt) },
      });
      const mail = byHousehold.get(w.householdId) ?? { children: [], expiresAt };
      mail.children.push(w.person.firstName);
      if (expiresAt < mail.expiresAt) mail.expiresAt = expiresAt;
      byHousehold.set(w.householdId, mail);
    }
    free -= unit.length;
    offered += unit.length;
  }
  const emailIds: string[] = [];
  for (const [householdId, mail] of byHousehold) emailIds.push(...(await queueOfferEmails(tx, { householdId, day, productName: slot.product.name, ...mail }, now, context)));
  return { offered, emailIds };
}

/** The offer email, to each parent of the household with an active account. */
async function queueOfferEmails(
  tx: Tx,
  { householdId, day, productName, children, expiresAt }: { householdId: string; day: Day; productName: string; children: string[]; expiresAt: Date },
  now: Date,
  context: OfferContext,
): Promise<string[]> {
  const parents = await tx.user.findMany({
    where: { role: "PARENT", status: "ACTIVE", person: { householdId } },
    select: { email: true, firstName: true },
    orderBy: { createdAt: "asc" },
  });
  const dayLabel = longDayLabel(day);
  const names = children.length > 1 ? `${children.slice(0, -1).join(", ")} et ${children.at(-1)}` : children[0];
  const ids: string[] = [];
  for (const parent of parents) {
    if (!parent.email) continue;
    const props = {
      settings: context.settings,
      firstName: parent.firstName,
      dayLabel,
      productName,
      children: names,
      expiresAt: formatDateTime(expiresAt).replace(" ", " à "),
      offerUrl: `${context.appUrl}/demandes/liste-attente`,
    };
    const { id } = await queueEmail(tx, { to: parent.email, subject: waitlistOfferSubject(props), template: "waitlist-offer", element: WaitlistOfferEmail(props) }, now);
    ids.push(id);
  }
  return ids;
}

/**
 * After a transaction that freed places has committed: offer them. A
 * failure here must not undo the cancellation that freed them (it is
 * committed already), and the maintenance run offers whatever is left.
 */
export async function offerFreedPlacesAfterCommit(slotIds: string[], now: Date): Promise<void> {
  if (slotIds.length === 0) return;
  try {
    await offerFreedPlaces({ slotIds, now });
  } catch (error) {
    console.error("Offering freed places failed; the maintenance run will offer them.", error);
  }
}

export type DeclineResult = { label: string; alreadyDone: boolean };

/**
 * "Refuser la place": the offer's hold is cancelled, the entry (and its
 * siblings offered with it) DECLINED, then the place goes to the next.
 * Refusing twice is harmless.
 */
export async function declineOffer({ actor, householdId, entryId, now = new Date() }: { actor: { id: string }; householdId: string; entryId: string; now?: Date }): Promise<DeclineResult> {
  const db = await getDb();
  const result = await db.$transaction(async (tx) => {
    const entry = await tx.waitlistEntry.findFirst({ where: { id: entryId, householdId }, select: entrySelect });
    if (!entry) throw new AppError("NOT_FOUND", "Proposition introuvable.");
    await lockRows(tx, "Slot", [entry.slotId]);
    const unit = await offeredUnit(tx, { householdId, slotId: entry.slotId, entryId, groupKey: entry.groupKey });
    if (unit.length === 0) {
      const current = await tx.waitlistEntry.findUniqueOrThrow({ where: { id: entryId }, select: { status: true } });
      if (current.status === "DECLINED") return { label: describe(entry), alreadyDone: true };
      if (current.status === "EXPIRED") throw new AppError("CONFLICT", "Cette proposition a expiré : la place a été proposée à une autre famille.");
      if (current.status === "ACCEPTED") throw new AppError("CONFLICT", "Vous avez accepté cette place : pour y renoncer, annulez la réservation en attente de paiement.");
      throw new AppError("CONFLICT", "Aucune place ne vous est proposée ce jour-là : rechargez la page.");
    }
    const bookingIds = unit.flatMap((u) => (u.bookingId ? [u.bookingId] : []));
    await tx.booking.updateMany({ where: { id: { in: bookingIds }, status: "HELD", invoiceId: null }, data: { status: "CANCELLED", cancelledAt: now, heldUntil: null } });
    await tx.waitlistEntry.updateMany({ where: { id: { in: unit.map((u) => u.id) } }, data: { status: "DECLINED", answeredAt: now } });
    for (const u of unit) {
      await recordAudit(tx, { actorId: actor.id, action: "waitlist.decline", targetType: "WaitlistEntry", targetId: u.id, details: { label: describe(u) } });
    }
    return { label: describe(entry), alreadyDone: false, slotId: entry.slotId };
  }, RC);
  if ("slotId" in result && result.slotId) await offerFreedPlacesAfterCommit([result.slotId], now);
  return { label: result.label, alreadyDone: result.alreadyDone };
}

/** The entry and the siblings offered with it (same groupKey, same household, same slot), still OFFERED. */
export async function offeredUnit(tx: Tx, { householdId, slotId, entryId, groupKey }: { householdId: string; slotId: string; entryId: string; groupKey: string | null }) {
  return tx.waitlistEntry.findMany({
    where: { slotId, householdId, status: "OFFERED", ...(groupKey ? { groupKey } : { id: entryId }) },
    select: { ...entrySelect, personId: true, bookingId: true, campaignRequestDayId: true, booking: { select: { id: true, status: true, heldUntil: true, invoiceId: true, unitPriceCents: true } } },
    orderBy: { id: "asc" },
  });
}

/**
 * Offers not answered in time (maintenance): EXPIRED, their holds EXPIRED,
 * and the places offered on. Under each slot's lock, so an acceptance in
 * the same instant is either before (accepted) or after (refused).
 */
export async function expireOffers(now: Date = new Date()): Promise<number> {
  const db = await getDb();
  const due = await db.waitlistEntry.findMany({ where: { status: "OFFERED", offerExpiresAt: { lte: now } }, select: { slotId: true }, distinct: ["slotId"] });
  const slotIds = due.map((d) => d.slotId).sort();
  let expired = 0;
  for (const slotId of slotIds) {
    expired += await db.$transaction(async (tx) => {
      await lockRows(tx, "Slot", [slotId]);
      const entries = await tx.waitlistEntry.findMany({ where: { slotId, status: "OFFERED", offerExpiresAt: { lte: now } }, select: { ...entrySelect, bookingId: true } });
      if (entries.length === 0) return 0;
      const bookingIds = entries.flatMap((e) => (e.bookingId ? [e.bookingId] : []));
      await tx.booking.updateMany({ where: { id: { in: bookingIds }, status: "HELD", invoiceId: null }, data: { status: "EXPIRED" } });
      await tx.waitlistEntry.updateMany({ where: { id: { in: entries.map((e) => e.id) } }, data: { status: "EXPIRED" } });
      for (const e of entries) {
        await recordAudit(tx, { actorId: null, action: "waitlist.expire", targetType: "WaitlistEntry", targetId: e.id, details: { label: describe(e) } });
      }
      return entries.length;
    }, RC);
  }
  await offerFreedPlaces({ slotIds, now });
  return expired;
}

/** Entries still waiting for a day whose booking deadline has passed: no place will be offered any more. */
export async function dropPassedEntries(now: Date = new Date()): Promise<number> {
  const db = await getDb();
  const waiting = await db.waitlistEntry.findMany({
    where: { status: "WAITING" },
    select: { id: true, slot: { select: { date: true, product: { select: { deadlineDays: true, deadlineTime: true } } } } },
  });
  const passed = waiting.filter((w) => isPastDeadline(dateToDay(w.slot.date), w.slot.product.deadlineDays, w.slot.product.deadlineTime, now)).map((w) => w.id);
  if (passed.length === 0) return 0;
  return (await db.waitlistEntry.updateMany({ where: { id: { in: passed }, status: "WAITING" }, data: { status: "REMOVED", answeredAt: now } })).count;
}

/**
 * The maintenance task: offers not answered in time expire, lists of days
 * past their deadline close, and every slot with a waiting list has its free
 * places offered (anything a hook missed, e.g. a hold that ran out unseen).
 */
export async function maintainWaitlists(now: Date = new Date()): Promise<number> {
  const expired = await expireOffers(now);
  const dropped = await dropPassedEntries(now);
  const offered = await offerFreedPlaces({ now });
  return expired + dropped + offered;
}
