import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import {
  dateToDay,
  dayToDate,
  isDay,
  isPastDeadline,
  monthOfDay,
  openMonths,
  type Day,
} from "@/lib/dates";
import { fullDayLabel } from "@/lib/format";
import { ineligibility, priceFor, type PriceQuote, type PricingHousehold, type TariffDefaults, type TariffRow } from "@/lib/catalogue/rules";
import type { Regime } from "@/lib/generated/prisma/client";
import { loadTariffDefaults } from "@/lib/settings";
import { campaignDays } from "./campaign-days";
import { fileUpdateRefusal, NO_FILE_UPDATE_RULE, openFileUpdateCampaigns, type FileUpdateRule } from "@/lib/file-update/rule";

export type Selection = { personId: string; productId: string; date: Day };

export type ChildInfo = {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: Date | null;
  schoolClassId: string | null;
  className: string | null;
  teacher: string | null;
  siteId: string | null;
  siteName: string | null;
};

export type ProductInfo = {
  id: string;
  name: string;
  description: string | null;
  serviceId: string;
  serviceName: string;
  minAgeYears: number | null;
  maxAgeYears: number | null;
  siteIds: string[];
  classIds: string[];
  deadlineDays: number;
  deadlineTime: string;
  openMonthsAhead: number;
  /** The service asks for the yearly file update (Service.requiresFileUpdate). */
  requiresFileUpdate: boolean;
  tariffs: TariffRow[];
};

export type HouseholdInfo = PricingHousehold & {
  id: string;
  name: string;
  address1: string;
  address2: string | null;
  postalCode: string;
  city: string;
  qf: number | null;
  regime: Regime | null;
};

export type PricedSelection = Selection & {
  slotId: string;
  unitPriceCents: number;
  /** The tariff row that priced the day, kept on the booking. */
  tariffId: string;
  /** Why that row, in French ("QF 850, régime général"). */
  priceBasis: string;
  /** Whether the household was priced on the default QF and/or régime of the settings. */
  priceDefaulted: PriceQuote["defaulted"];
  child: ChildInfo;
  product: ProductInfo;
};

/** The children a household may book for: its members of quality ENFANT. Scoped by household. */
export async function loadChildren(db: Db, householdId: string, personIds?: string[]): Promise<ChildInfo[]> {
  const people = await db.person.findMany({
    where: { householdId, quality: "ENFANT", ...(personIds ? { id: { in: personIds } } : {}) },
    orderBy: [{ birthDate: "asc" }, { firstName: "asc" }],
    include: { schoolClass: { include: { site: true } } },
  });
  return people.map((p) => ({
    id: p.id,
    firstName: p.firstName,
    lastName: p.lastName,
    birthDate: p.birthDate,
    schoolClassId: p.schoolClassId,
    className: p.schoolClass?.name ?? null,
    teacher: p.schoolClass?.teacher ?? null,
    siteId: p.schoolClass?.siteId ?? null,
    siteName: p.schoolClass?.site.name ?? null,
  }));
}

export async function loadProducts(db: Db, productIds: string[]): Promise<ProductInfo[]> {
  const products = await db.product.findMany({
    where: { id: { in: productIds }, active: true, service: { active: true } },
    include: {
      service: true,
      sites: { select: { id: true } },
      classes: { select: { id: true } },
      tariffs: true,
    },
  });
  return products.map((p) => ({
    id: p.id,
    name: p.name,
    description: p.description,
    serviceId: p.serviceId,
    serviceName: p.service.name,
    minAgeYears: p.minAgeYears,
    maxAgeYears: p.maxAgeYears,
    siteIds: p.sites.map((s) => s.id),
    classIds: p.classes.map((c) => c.id),
    deadlineDays: p.deadlineDays,
    deadlineTime: p.deadlineTime,
    openMonthsAhead: p.openMonthsAhead,
    requiresFileUpdate: p.service.requiresFileUpdate,
    tariffs: p.tariffs,
  }));
}

export async function loadHousehold(db: Db, householdId: string): Promise<HouseholdInfo> {
  const h = await db.household.findUnique({ where: { id: householdId } });
  if (!h) throw new AppError("NOT_FOUND", "Famille introuvable.");
  return h;
}

/**
 * Checks every rule a selection must meet apart from capacity (which only
 * means something under the slot lock) and prices it on the server, with the
 * authority's rule for households without a valid QF or a régime (read once
 * with `db` unless given). Ids that are not this household's children or not
 * bookable products answer "introuvable" without saying whether they exist elsewhere.
 *
 * These loaders take the client, never a transaction: Prisma runs the
 * relations of one `include` as concurrent queries, which on a transaction's
 * single connection pile up (pg 9 refuses it). Pricing is read-only anyway,
 * so the hold runs it before its transaction.
 */
export async function priceSelections(
  db: Db,
  {
    householdId,
    selections,
    now,
    tariffDefaults,
  }: { householdId: string; selections: Selection[]; now: Date; tariffDefaults?: TariffDefaults },
): Promise<{ household: HouseholdInfo; items: PricedSelection[]; fileUpdate: FileUpdateRule }> {
  if (selections.length === 0) throw new AppError("INVALID", "Cochez au moins un jour.");
  if (selections.length > 200) throw new AppError("INVALID", "Trop de jours dans une seule réservation.");
  const unique = new Map<string, Selection>();
  for (const s of selections) {
    if (!isDay(s.date)) throw new AppError("INVALID", "Date invalide.");
    unique.set(`${s.personId}|${s.productId}|${s.date}`, s);
  }
  const list = [...unique.values()];
  const household = await loadHousehold(db, householdId);
  const children = new Map((await loadChildren(db, householdId, [...new Set(list.map((s) => s.personId))])).map((c) => [c.id, c]));
  const products = new Map((await loadProducts(db, [...new Set(list.map((s) => s.productId))])).map((p) => [p.id, p]));
  const slots = await db.slot.findMany({
    where: {
      productId: { in: [...products.keys()] },
      date: { in: [...new Set(list.map((s) => s.date))].map(dayToDate) },
    },
  });
  const slotByKey = new Map(slots.map((s) => [`${s.productId}|${dateToDay(s.date)}`, s]));
  const defaults = tariffDefaults ?? (await loadTariffDefaults(db));
  const campaigns = await campaignDays(db, [...products.keys()], [...new Set(list.map((s) => s.date))]);
  const fileUpdate = await fileUpdateRuleFor(db, householdId, [...products.values()]);

  const items = list.map((s): PricedSelection => {
    const child = children.get(s.personId);
    if (!child) throw new AppError("NOT_FOUND", "Enfant introuvable.");
    const product = products.get(s.productId);
    if (!product) throw new AppError("NOT_FOUND", "Prestation introuvable.");
    const label = fullDayLabel(s.date);
    const campaign = campaigns.get(`${s.productId}|${s.date}`);
    if (campaign && !campaign.allocated) {
      throw new AppError("INVALID", `${label.charAt(0).toUpperCase()}${label.slice(1)} : inscriptions sur demande (« ${campaign.label} »).`);
    }
    // An allocated campaign's days stay open for the places left, however far ahead.
    if (!campaign && !openMonths(now, product.openMonthsAhead).includes(monthOfDay(s.date))) {
      throw new AppError("INVALID", `Les réservations ne sont pas ouvertes pour le ${label}.`);
    }
    const slot = slotByKey.get(`${s.productId}|${s.date}`);
    if (!slot || slot.closed) throw new AppError("INVALID", `${product.name} : fermé le ${label}.`);
    if (isPastDeadline(s.date, product.deadlineDays, product.deadlineTime, now)) {
      throw new AppError("INVALID", `Délai de réservation dépassé pour le ${label}.`);
    }
    const refusal = ineligibility(product, child, s.date);
    if (refusal) throw new AppError("INVALID", `${child.firstName} : ${refusal}`);
    const fileRefusal = fileUpdateRefusal(fileUpdate, s.productId, s.date);
    if (fileRefusal) throw new AppError("INVALID", fileRefusal);
    const price = priceFor(product.tariffs, household, s.date, defaults);
    if (!price) {
      throw new AppError(
        "INVALID",
        `Aucun tarif n'est défini pour ${product.name} le ${label} : contactez le service.`,
      );
    }
    return {
      ...s,
      slotId: slot.id,
      unitPriceCents: price.unitPriceCents,
      tariffId: price.tariffId,
      priceBasis: price.basis,
      priceDefaulted: price.defaulted,
      child,
      product,
    };
  });
  items.sort((a, b) => a.child.firstName.localeCompare(b.child.firstName) || a.date.localeCompare(b.date));
  return { household, items, fileUpdate };
}

/** The yearly update's rule for the products being priced: campaigns are read only when a service asks for it. */
export async function fileUpdateRuleFor(db: Db, householdId: string, products: ProductInfo[]): Promise<FileUpdateRule> {
  const requiring = products.filter((p) => p.requiresFileUpdate);
  if (requiring.length === 0) return NO_FILE_UPDATE_RULE;
  return { productIds: new Set(requiring.map((p) => p.id)), campaigns: await openFileUpdateCampaigns(db, householdId) };
}

/** Active = confirmed, or held with a hold still running: expired holds stop counting by themselves. */
export function activeBookingWhere(now: Date) {
  return {
    OR: [{ status: "CONFIRMED" as const }, { status: "HELD" as const, heldUntil: { gt: now } }],
  };
}
