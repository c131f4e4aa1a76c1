import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { ineligibility, type EligibilityChild } from "@/lib/catalogue/rules";
import { fileUpdateRefusal, fileUpdateRequiredDays } from "@/lib/file-update/rule";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import { newRowId } from "@/lib/db/ids";
import { lockRows } from "@/lib/db/locks";
import { dateToDay, dayToDate, isDay, type Day } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { formatDateTime, formatDay, fullDayLabel } from "@/lib/format";
import { INVALID_FORM } from "@/lib/forms";
import { Prisma } from "@/lib/generated/prisma/client";
import { activeBookingWhere } from "@/lib/bookings/context";
import { campaignPhase } from "./phase";
import { CAMPAIGN_PRODUCT_SELECT, campaignProduct, type CampaignProduct } from "./select";

// A family's request in a holiday-centre campaign: per child the days
// wanted, a first and an optional second choice of centre, and whether the
// child goes with the siblings marked "ensemble". Sent and changed as often
// as the family likes while the window is open; only what it says at the
// close counts, never when it was sent.

const IdSchema = z.string().trim().min(1).max(64);

export const CampaignChildRequestSchema = z.object({
  personId: IdSchema,
  days: z.array(z.string().refine(isDay, "Date invalide.")).max(120, "Trop de jours demandés."),
  firstProductId: IdSchema.optional(),
  secondProductId: IdSchema.optional(),
  together: z.boolean(),
});

/** What the form sends: the household's whole request (every child shown), and the working-parents declaration. */
export const CampaignRequestSchema = z.object({
  campaignId: IdSchema,
  children: z.array(CampaignChildRequestSchema).max(20, "Trop d'enfants dans une demande."),
  workingParents: z.boolean(),
});
export type CampaignRequestInput = z.infer<typeof CampaignRequestSchema>;
export type CampaignChildRequestInput = z.infer<typeof CampaignChildRequestSchema>;

/** Where each child's refusal is keyed in `fieldErrors`: the form maps these to its controls. */
export const requestFieldKey = (personId: string, field: "days" | "firstProductId" | "secondProductId") => `${personId}.${field}`;

export type SaveCampaignRequestsResult = {
  /** Children with at least one day requested after the save */
  children: number;
  days: number;
  /** False when the submission said what was already stored (a form sent twice) */
  changed: boolean;
  closesAt: Date;
};

const NOTHING_ASKED = "Cochez au moins un jour pour faire une demande.";


/**
 * Replaces the household's requests in a campaign with this submission, in
 * one transaction: a child with days gets (or keeps) its request with
 * exactly those days; a child without days, or not in the submission, has
 * none. Every rule is checked first, all of them, and a refusal writes
 * nothing. Sending the same form twice changes nothing the second time.
 */
export async function saveCampaignRequests({
  actor,
  householdId,
  campaignId,
  children,
  workingParents,
  now = new Date(),
  db: given,
}: {
  actor: { id: string };
  householdId: string;
  campaignId: string;
  children: CampaignChildRequestInput[];
  workingParents: boolean;
  now?: Date;
  db?: Db;
}): Promise<SaveCampaignRequestsResult> {
  const db = given ?? (await getDb());
  const campaign = await db.campaign.findUnique({
    where: { id: campaignId },
    select: {
      id: true,
      label: true,
      firstDay: true,
      lastDay: true,
      opensAt: true,
      closesAt: true,
      allocatedAt: true,
      products: { select: CAMPAIGN_PRODUCT_SELECT },
    },
  });
  if (!campaign) throw new AppError("NOT_FOUND", "Campagne introuvable.");
  // Checked here for a clear answer, and again under the lock below.
  assertOpen(campaign, now);

  const products = new Map<string, CampaignProduct>(campaign.products.map((p) => [p.id, campaignProduct(p)]));

  // Only this household's children: another id is "introuvable", whether it exists elsewhere or not.
  const personIds = [...new Set(children.map((c) => c.personId))];
  if (personIds.length !== children.length) throw new AppError("INVALID", "Un enfant figure deux fois dans la demande : rechargez la page.");
  const people = await db.person.findMany({
    where: { householdId, quality: "ENFANT", id: { in: personIds } },
    select: { id: true, firstName: true, lastName: true, birthDate: true, schoolClassId: true, schoolClass: { select: { siteId: true } } },
  });
  if (people.length !== personIds.length) throw new AppError("NOT_FOUND", "Enfant introuvable.");
  const people$ = new Map(people.map((p) => [p.id, p]));

  // The days a first choice may be asked on: its open slots within the campaign.
  const slots = await db.slot.findMany({
    where: { productId: { in: [...products.keys()] }, closed: false, date: { gte: campaign.firstDay, lte: campaign.lastDay } },
    select: { productId: true, date: true },
  });
  const openDays = new Set(slots.map((s) => `${s.productId}|${dateToDay(s.date)}`));
  // Days a child already holds at one of the centres (booked before the
  // campaign was opened): asking for them again would give the child two places.
  const held = await db.booking.findMany({
    where: {
      personId: { in: personIds },
      slot: { productId: { in: [...products.keys()] }, date: { gte: campaign.firstDay, lte: campaign.lastDay } },
      ...activeBookingWhere(now),
    },
    select: { personId: true, slot: { select: { date: true, product: { select: { name: true } } } } },
  });
  const heldOn = new Map(held.map((b) => [`${b.personId}|${dateToDay(b.slot.date)}`, b.slot.product.name]));
  // A centre whose service needs the yearly update refuses the next school year's days until the family confirmed, as the hold does.
  const fileRule = await fileUpdateRequiredDays(db, householdId, [...products.keys()]);
  const firstDay = dateToDay(campaign.firstDay);
  const lastDay = dateToDay(campaign.lastDay);

  const errors: Record<string, string> = {};
  const wanted: { personId: string; label: string; days: Day[]; firstProductId: string; secondProductId: string | null; together: boolean }[] = [];
  for (const request of children) {
    const person = people$.get(request.personId)!;
    const name = person.firstName;
    const days = [...new Set(request.days)].sort();
    if (days.length === 0) continue;
    const first = request.firstProductId ? products.get(request.firstProductId) : undefined;
    if (!first) {
      errors[requestFieldKey(person.id, "firstProductId")] = `${name} : choisissez le premier choix parmi les centres de la campagne.`;
      continue;
    }
    let second: CampaignProduct | undefined;
    if (request.secondProductId) {
      second = products.get(request.secondProductId);
      if (!second) errors[requestFieldKey(person.id, "secondProductId")] = `${name} : choisissez le second choix parmi les centres de la campagne.`;
      else if (second.id === first.id) errors[requestFieldKey(person.id, "secondProductId")] = `${name} : le second choix doit être un autre centre que le premier.`;
    }
    const child: EligibilityChild = { birthDate: person.birthDate, schoolClassId: person.schoolClassId, siteId: person.schoolClass?.siteId ?? null };
    const outside = days.find((d) => d < firstDay || d > lastDay);
    const closed = days.find((d) => !openDays.has(`${first.id}|${d}`));
    const booked = days.find((d) => heldOn.has(`${person.id}|${d}`));
    if (outside) {
      errors[requestFieldKey(person.id, "days")] = `${name} : le ${fullDayLabel(outside)} n'est pas un jour de la campagne (du ${formatDay(firstDay)} au ${formatDay(lastDay)}).`;
    } else if (booked) {
      errors[requestFieldKey(person.id, "days")] = `${name} a déjà une place le ${fullDayLabel(booked)} (${heldOn.get(`${person.id}|${booked}`)}) : décochez ce jour.`;
    } else if (closed) {
      errors[requestFieldKey(person.id, "days")] = `${name} : ${first.name} n'est pas ouvert le ${fullDayLabel(closed)}.`;
    } else {
      for (const product of second && second.id !== first.id ? [first, second] : [first]) {
        const refusal = days.map((d) => [d, ineligibility(product, child, d) ?? fileUpdateRefusal(fileRule, product.id, d)] as const).find(([, why]) => why);
        if (refusal) {
          const key = requestFieldKey(person.id, product === first ? "firstProductId" : "secondProductId");
          errors[key] ??= `${name}, ${product.name}, ${fullDayLabel(refusal[0])} : ${refusal[1]}`;
        }
      }
    }
    wanted.push({
      personId: person.id,
      label: `${person.firstName} ${person.lastName}`,
      days,
      firstProductId: first.id,
      secondProductId: second && second.id !== first.id ? second.id : null,
      together: request.together,
    });
  }
  if (Object.keys(errors).length) throw new AppError("INVALID", INVALID_FORM, errors);
  // "Ensemble" links a child to its siblings: alone, it links to nobody.
  if (wanted.filter((w) => w.together).length < 2) for (const w of wanted) w.together = false;

  return db.$transaction(
    async (tx) => {
      // Shared with the other families (they do not wait on each other);
      // closing the window or running the allocation takes it exclusively,
      // so no request slips in once the list is final.
      const [locked] = await tx.$queryRaw<{ opensAt: Date; closesAt: Date; allocatedAt: Date | null }[]>(
        Prisma.sql`SELECT "opensAt", "closesAt", "allocatedAt" FROM "Campaign" WHERE id = ${campaignId} FOR SHARE`,
      );
      if (!locked) throw new AppError("NOT_FOUND", "Campagne introuvable.");
      assertOpen(locked, now);
      // Two submissions of one household (a double click, both parents) take turns.
      await lockRows(tx, "Household", [householdId]);
      const household = await tx.household.findUniqueOrThrow({ where: { id: householdId }, select: { name: true, workingParents: true } });
      const existing = await tx.campaignRequest.findMany({
        where: { campaignId, householdId },
        select: { id: true, personId: true, firstProductId: true, secondProductId: true, together: true, days: { select: { id: true, date: true } } },
      });
      // Nothing ticked and nothing to withdraw: a slip, not a request.
      if (wanted.length === 0 && existing.length === 0) {
        const first = children[0]?.personId;
        if (first) throw new AppError("INVALID", INVALID_FORM, { [requestFieldKey(first, "days")]: NOTHING_ASKED });
        throw new AppError("INVALID", NOTHING_ASKED);
      }
      const changed = await replaceRequests(tx, { actor, householdId, campaignId, existing, wanted });
      const declarationChanged = household.workingParents !== workingParents;
      if (declarationChanged) {
        // A new declaration is the family's word again until staff confirm it.
        await tx.household.update({
          where: { id: householdId },
          data: { workingParents, workingParentsConfirmedAt: null, workingParentsConfirmedById: null },
        });
      }
      if (changed || declarationChanged) {
        const name = (id: string | null) => (id ? products.get(id)?.name ?? "" : "aucun");
        await recordAudit(tx, {
          actorId: actor.id,
          action: "campaign.request",
          targetType: "Campaign",
          targetId: campaignId,
          details: {
            label: campaign.label,
            famille: household.name,
            householdId,
            demandes: wanted.map(
              (w) =>
                `${w.label} : ${w.days.map(formatDay).join(", ")} (1er choix ${name(w.firstProductId)}, 2e choix ${name(w.secondProductId)}${w.together ? ", ensemble" : ""})`,
            ),
            retirees: existing.filter((e) => !wanted.some((w) => w.personId === e.personId)).map((e) => people$.get(e.personId)?.firstName ?? e.personId),
            parentsQuiTravaillent: workingParents,
            ...(declarationChanged ? { confirmationRetiree: true } : {}),
          },
        });
      }
      return {
        children: wanted.length,
        days: wanted.reduce((n, w) => n + w.days.length, 0),
        changed: changed || declarationChanged,
        closesAt: locked.closesAt,
      };
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted },
  );
}

function assertOpen(campaign: { opensAt: Date; closesAt: Date; allocatedAt: Date | null }, now: Date) {
  const phase = campaignPhase(campaign, now);
  if (phase === "UPCOMING") throw new AppError("CONFLICT", `Les demandes ouvriront le ${formatDateTime(campaign.opensAt)}.`);
  if (phase !== "OPEN") {
    throw new AppError("EXPIRED", `Les demandes sont closes depuis le ${formatDateTime(campaign.closesAt)} : la demande ne peut plus être modifiée.`);
  }
}

type Existing = { id: string; personId: string; firstProductId: string; secondProductId: string | null; together: boolean; days: { id: string; date: Date }[] };
type Wanted = { personId: string; days: Day[]; firstProductId: string; secondProductId: string | null; together: boolean };

/**
 * Writes the difference between what is stored and what is wanted: a
 * handful of statements whatever the number of days. Returns whether
 * anything changed.
 */
async function replaceRequests(
  tx: Tx,
  { actor, householdId, campaignId, existing, wanted }: { actor: { id: string }; householdId: string; campaignId: string; existing: Existing[]; wanted: Wanted[] },
): Promise<boolean> {
  const byPerson = new Map(existing.map((e) => [e.personId, e]));
  const withdrawn = existing.filter((e) => !wanted.some((w) => w.personId === e.personId)).map((e) => e.id);
  const created: { id: string; w: Wanted }[] = [];
  const updated: { id: string; w: Wanted }[] = [];
  const removedDays: string[] = [];
  const addedDays: { requestId: string; date: Date }[] = [];
  for (const w of wanted) {
    const e = byPerson.get(w.personId);
    if (!e) {
      const id = newRowId();
      created.push({ id, w });
      for (const d of w.days) addedDays.push({ requestId: id, date: dayToDate(d) });
      continue;
    }
    if (e.firstProductId !== w.firstProductId || e.secondProductId !== w.secondProductId || e.together !== w.together) updated.push({ id: e.id, w });
    const had = new Map(e.days.map((d) => [dateToDay(d.date), d.id]));
    for (const [day, id] of had) if (!w.days.includes(day)) removedDays.push(id);
    for (const d of w.days) if (!had.has(d)) addedDays.push({ requestId: e.id, date: dayToDate(d) });
  }
  // A withdrawn child's days go with its request (cascade).
  if (withdrawn.length) await tx.campaignRequest.deleteMany({ where: { id: { in: withdrawn }, householdId } });
  if (created.length) {
    await tx.campaignRequest.createMany({
      data: created.map(({ id, w }) => ({
        id,
        campaignId,
        householdId,
        personId: w.personId,
        firstProductId: w.firstProductId,
        secondProductId: w.secondProductId,
        together: w.together,
        createdById: actor.id,
      })),
    });
  }
  for (const { id, w } of updated) {
    await tx.campaignRequest.update({
      where: { id },
      data: { firstProductId: w.firstProductId, secondProductId: w.secondProductId, together: w.together },
    });
  }
  if (removedDays.length) await tx.campaignRequestDay.deleteMany({ where: { id: { in: removedDays } } });
  if (addedDays.length) await tx.campaignRequestDay.createMany({ data: addedDays });
  return withdrawn.length + created.length + updated.length + removedDays.length + addedDays.length > 0;
}
