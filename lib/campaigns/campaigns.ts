import "server-only";
import { z } from "zod";
import { assertActor } from "@/lib/auth/roles";
import { recordAudit, type Actor } from "@/lib/audit";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import { lockRows } from "@/lib/db/locks";
import { AppError } from "@/lib/errors";
import { addDays, dateToDay, dayToDate, isDay, parisDay, parisInstant, parisTime, publicHoliday, weekday, type Day } from "@/lib/dates";
import { CAMPAIGN_RULES, formatDateTime, formatDay } from "@/lib/format";
import type { CampaignRule } from "@/lib/generated/prisma/client";
import { campaignPhase } from "./phase";
import { campaignSettings, type CampaignSettings } from "./select";

/** A campaign covers at most this many days: two months of holidays. */
export const MAX_CAMPAIGN_DAYS = 62;
export const MAX_CAMPAIGN_PRODUCTS = 3;
export const RULE_FIELDS = ["rule1", "rule2", "rule3", "rule4"] as const;

const DaySchema = (what: string) =>
  z.string({ error: `Indiquez ${what}.` }).trim().min(1, `Indiquez ${what}.`).refine(isDay, "Date invalide (jj/mm/aaaa).");

/** A datetime-local field, read as Paris wall-clock time. */
const ParisDateTimeSchema = (what: string) =>
  z
    .string({ error: `Indiquez ${what}.` })
    .trim()
    .min(1, `Indiquez ${what}.`)
    .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:\d{2})?$/, "Date et heure invalides (jj/mm/aaaa hh:mm).")
    .refine((v) => isDay(v.slice(0, 10)), "Date et heure invalides (jj/mm/aaaa hh:mm).")
    .transform((v) => parisInstant(v.slice(0, 10), v.slice(11, 16)));

const RuleSchema = z.preprocess((v) => (v === "" || v == null ? null : v), z.enum(CAMPAIGN_RULES, { error: "Règle inconnue." }).nullable());

const spanDays = (first: Day, last: Day) => Math.round((dayToDate(last).getTime() - dayToDate(first).getTime()) / 86_400_000) + 1;

/** The staff form, flat as it is posted; shaped into a campaign on success. */
export const CampaignSchema = z
  .object({
    label: z.string({ error: "Indiquez l'intitulé." }).trim().min(2, "Indiquez l'intitulé (2 caractères au moins).").max(120, "120 caractères au plus."),
    productIds: z
      .array(z.string().min(1))
      .default([])
      .transform((ids) => [...new Set(ids)])
      .pipe(
        z
          .array(z.string())
          .min(1, "Choisissez au moins une prestation.")
          .max(MAX_CAMPAIGN_PRODUCTS, `Choisissez au plus ${MAX_CAMPAIGN_PRODUCTS} prestations.`),
      ),
    firstDay: DaySchema("le premier jour"),
    lastDay: DaySchema("le dernier jour"),
    opensAt: ParisDateTimeSchema("l'ouverture des demandes"),
    closesAt: ParisDateTimeSchema("la clôture des demandes"),
    allocationDay: DaySchema("la date d'attribution annoncée"),
    rule1: RuleSchema,
    rule2: RuleSchema,
    rule3: RuleSchema,
    rule4: RuleSchema,
    payWithinDays: z.coerce
      .number({ error: "Indiquez le délai de paiement en jours." })
      .int("Nombre de jours entier attendu.")
      .min(1, "Au moins 1 jour pour payer.")
      .max(30, "30 jours au plus pour payer."),
    offerHours: z.coerce
      .number({ error: "Indiquez la durée d'une proposition en heures." })
      .int("Nombre d'heures entier attendu.")
      .min(1, "Au moins 1 heure.")
      .max(336, "336 heures (14 jours) au plus."),
  })
  .superRefine((v, ctx) => {
    if (typeof v.firstDay !== "string" || typeof v.lastDay !== "string") {
      // A day that failed already has its message.
    } else if (v.firstDay > v.lastDay) ctx.addIssue({ code: "custom", path: ["lastDay"], message: "Le dernier jour doit suivre le premier jour." });
    else if (spanDays(v.firstDay, v.lastDay) > MAX_CAMPAIGN_DAYS) {
      ctx.addIssue({ code: "custom", path: ["lastDay"], message: `Une campagne couvre ${MAX_CAMPAIGN_DAYS} jours au plus.` });
    }
    // Zod runs this even when a field failed: check only what parsed.
    const times = v.opensAt instanceof Date && v.closesAt instanceof Date;
    if (times && v.opensAt.getTime() >= v.closesAt.getTime()) {
      ctx.addIssue({ code: "custom", path: ["closesAt"], message: "La clôture des demandes doit suivre leur ouverture." });
    }
    if (v.closesAt instanceof Date && typeof v.allocationDay === "string" && parisDay(v.closesAt) > v.allocationDay) {
      ctx.addIssue({ code: "custom", path: ["allocationDay"], message: "L'attribution ne peut être annoncée avant la clôture des demandes." });
    }
    const seen = new Set<string>();
    RULE_FIELDS.forEach((field) => {
      const rule = v[field];
      if (!rule) return;
      if (seen.has(rule)) ctx.addIssue({ code: "custom", path: [field], message: "Cette règle est déjà choisie plus haut." });
      seen.add(rule);
    });
  })
  .transform((v) => ({
    label: v.label,
    productIds: [...v.productIds].sort(),
    firstDay: v.firstDay as Day,
    lastDay: v.lastDay as Day,
    opensAt: v.opensAt,
    closesAt: v.closesAt,
    allocationDay: v.allocationDay as Day,
    rules: RULE_FIELDS.map((f) => v[f]).filter((r): r is CampaignRule => r != null),
    payWithinDays: v.payWithinDays,
    offerHours: v.offerHours,
  }));

export type CampaignInput = z.output<typeof CampaignSchema>;

/** "2027-02-15T08:30", Paris time: what a datetime-local field shows for an instant. */
export function parisDateTimeValue(at: Date): string {
  return `${parisDay(at)}T${parisTime(at)}`;
}

/** The days a campaign opens for a product: Monday to Friday, not public holidays, not in a closure. */
export async function campaignServiceDays(db: Db | Tx, firstDay: Day, lastDay: Day): Promise<Day[]> {
  const closures = await db.closure.findMany({
    where: { startDate: { lte: dayToDate(lastDay) }, endDate: { gte: dayToDate(firstDay) } },
    select: { startDate: true, endDate: true },
  });
  const days: Day[] = [];
  for (let day = firstDay; day <= lastDay; day = addDays(day, 1)) {
    if (weekday(day) > 5 || publicHoliday(day)) continue;
    if (closures.some((c) => dateToDay(c.startDate) <= day && day <= dateToDay(c.endDate))) continue;
    days.push(day);
  }
  return days;
}

/**
 * Opens the slots a campaign needs where none exists yet, at each product's
 * default capacity; days staff already opened (or closed) keep their slot.
 */
export async function openCampaignSlots(tx: Tx, { productIds, firstDay, lastDay }: { productIds: string[]; firstDay: Day; lastDay: Day }) {
  const days = await campaignServiceDays(tx, firstDay, lastDay);
  const products = await tx.product.findMany({ where: { id: { in: productIds } }, select: { id: true, defaultCapacity: true } });
  const data = products.flatMap((p) => days.map((day) => ({ productId: p.id, date: dayToDate(day), capacity: p.defaultCapacity })));
  if (!data.length) return 0;
  return (await tx.slot.createMany({ data, skipDuplicates: true })).count;
}

type Stored = CampaignSettings & { productIds: string[] };

/** French names of the fields, for the journal. */
const FIELD_LABELS: Record<keyof Stored, string> = {
  label: "intitulé",
  productIds: "prestations",
  firstDay: "premier jour",
  lastDay: "dernier jour",
  opensAt: "ouverture des demandes",
  closesAt: "clôture des demandes",
  allocationDay: "date d'attribution annoncée",
  rules: "règles",
  payWithinDays: "délai de paiement",
  offerHours: "durée d'une proposition",
};

function changedFields(before: Stored, after: Stored): (keyof Stored)[] {
  return (Object.keys(FIELD_LABELS) as (keyof Stored)[]).filter((key) => {
    const a = before[key];
    const b = after[key];
    if (a instanceof Date && b instanceof Date) return a.getTime() !== b.getTime();
    if (Array.isArray(a) && Array.isArray(b)) return a.join(",") !== b.join(",");
    return a !== b;
  });
}

/**
 * Creates or updates a campaign (staff). Creating opens the slots it needs.
 * Once parents have requested, its products and days no longer change (the
 * requests are for them); once allocated, only its label does. Two campaigns
 * never cover one product on one day. Saving an unchanged form writes nothing.
 */
export async function saveCampaign({
  actor,
  id,
  input,
  now = new Date(),
  db: given,
}: {
  actor: Actor;
  id?: string;
  input: CampaignInput;
  now?: Date;
  db?: Db;
}): Promise<{ id: string; changed: boolean }> {
  assertActor(actor, "staff");
  const db = given ?? (await getDb());
  return db.$transaction(async (tx) => {
    let before: (Stored & { allocated: boolean; requests: number }) | null = null;
    if (id) {
      if (!(await lockRows(tx, "Campaign", [id])).length) throw new AppError("NOT_FOUND", "Campagne introuvable.");
      const row = await tx.campaign.findUniqueOrThrow({
        where: { id },
        include: { products: { select: { id: true } }, _count: { select: { requests: true } } },
      });
      before = {
        ...campaignSettings(row),
        productIds: row.products.map((p) => p.id).sort(),
        allocated: row.allocatedAt != null,
        requests: row._count.requests,
      };
    }
    const after: Stored = { ...input, productIds: [...input.productIds].sort() };
    const changed = before ? changedFields(before, after) : (Object.keys(FIELD_LABELS) as (keyof Stored)[]);
    if (before && changed.length === 0) return { id: id!, changed: false };
    if (before?.allocated && changed.some((key) => key !== "label")) {
      throw new AppError("CONFLICT", "Les places sont attribuées : seul l'intitulé peut encore changer.");
    }
    if (before && before.requests > 0 && changed.some((key) => key === "productIds" || key === "firstDay" || key === "lastDay")) {
      throw new AppError("CONFLICT", "Des familles ont déjà fait une demande : les prestations et les jours ne peuvent plus changer.");
    }

    const products = await tx.product.findMany({
      where: { id: { in: after.productIds } },
      select: { id: true, name: true, active: true, service: { select: { name: true } } },
    });
    if (products.length !== after.productIds.length) throw new AppError("NOT_FOUND", "Prestation introuvable.", { productIds: "Prestation introuvable." });
    // A product made inactive since keeps its campaign; a new choice must be bookable.
    if (changed.includes("productIds") && products.some((p) => !p.active)) throw new AppError("INVALID", "Choisissez des prestations actives.", { productIds: "Choisissez des prestations actives." });
    const overlapping = await tx.campaign.findFirst({
      where: {
        id: id ? { not: id } : undefined,
        firstDay: { lte: dayToDate(after.lastDay) },
        lastDay: { gte: dayToDate(after.firstDay) },
        products: { some: { id: { in: after.productIds } } },
      },
      select: { label: true, firstDay: true, lastDay: true },
    });
    if (overlapping) {
      const message = `La campagne « ${overlapping.label} » couvre déjà ces prestations du ${formatDay(dateToDay(overlapping.firstDay))} au ${formatDay(dateToDay(overlapping.lastDay))}.`;
      throw new AppError("CONFLICT", message, { firstDay: message });
    }

    const data = {
      label: after.label,
      firstDay: dayToDate(after.firstDay),
      lastDay: dayToDate(after.lastDay),
      opensAt: after.opensAt,
      closesAt: after.closesAt,
      allocationDay: dayToDate(after.allocationDay),
      rules: after.rules,
      payWithinDays: after.payWithinDays,
      offerHours: after.offerHours,
    };
    const campaign = id
      ? await tx.campaign.update({ where: { id }, data: { ...data, products: { set: after.productIds.map((p) => ({ id: p })) } } })
      : await tx.campaign.create({ data: { ...data, createdById: actor.id, products: { connect: after.productIds.map((p) => ({ id: p })) } } });
    const opened = changed.some((k) => k === "productIds" || k === "firstDay" || k === "lastDay")
      ? await openCampaignSlots(tx, after)
      : 0;
    await recordAudit(tx, {
      actorId: actor.id,
      action: "campaign.save",
      targetType: "Campaign",
      targetId: campaign.id,
      details: {
        label: campaign.label,
        fields: before ? changed.map((k) => FIELD_LABELS[k]) : undefined,
        created: before ? undefined : true,
        period: `du ${formatDay(after.firstDay)} au ${formatDay(after.lastDay)}`,
        products: products.map((p) => `${p.service.name} — ${p.name}`).sort(),
        openedSlots: opened || undefined,
        at: formatDateTime(now),
      },
    });
    return { id: campaign.id, changed: true };
  });
}

/** "Clore les demandes maintenant": the window closes at `now` (staff, OPEN only). */
export async function closeCampaignNow({ actor, campaignId, now = new Date(), db: given }: { actor: Actor; campaignId: string; now?: Date; db?: Db }) {
  assertActor(actor, "staff");
  const db = given ?? (await getDb());
  return db.$transaction(async (tx) => {
    if (!(await lockRows(tx, "Campaign", [campaignId])).length) throw new AppError("NOT_FOUND", "Campagne introuvable.");
    const campaign = await tx.campaign.findUniqueOrThrow({ where: { id: campaignId } });
    if (campaignPhase(campaign, now) !== "OPEN") throw new AppError("CONFLICT", "Les demandes ne sont pas ouvertes : rien à clore.");
    await tx.campaign.update({ where: { id: campaignId }, data: { closesAt: now } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "campaign.save",
      targetType: "Campaign",
      targetId: campaignId,
      details: { label: campaign.label, fields: [FIELD_LABELS.closesAt], closedEarly: true, at: formatDateTime(now) },
    });
    return { closesAt: now };
  });
}
