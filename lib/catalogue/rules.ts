import type { Regime } from "@/lib/generated/prisma/client";
import { addDays, ageOn, dateToDay, dayToDate, isPastDeadline, parisDay, publicHoliday, weekday, type Day } from "@/lib/dates";

// Pure booking rules, shared by the grid (what can be ticked), the summary
// (what it costs) and the hold (re-checked on the server at validation).

export type EligibilityProduct = {
  minAgeYears: number | null;
  maxAgeYears: number | null;
  siteIds: string[];
  classIds: string[];
};

export type EligibilityChild = {
  birthDate: Date | null;
  schoolClassId: string | null;
  siteId: string | null;
};

/** Why a child may not book a product on a day, in French; undefined when they may. */
export function ineligibility(product: EligibilityProduct, child: EligibilityChild, day: Day): string | undefined {
  if (product.minAgeYears != null || product.maxAgeYears != null) {
    if (!child.birthDate) return "Date de naissance inconnue : l'âge ne peut être vérifié.";
    const age = ageOn(dateToDay(child.birthDate), day);
    if (product.minAgeYears != null && age < product.minAgeYears) return `Réservé aux enfants d'au moins ${product.minAgeYears} ans.`;
    if (product.maxAgeYears != null && age > product.maxAgeYears) return `Réservé aux enfants de ${product.maxAgeYears} ans au plus.`;
  }
  if (product.classIds.length > 0 && (!child.schoolClassId || !product.classIds.includes(child.schoolClassId))) {
    return "Prestation non proposée pour la classe de l'enfant.";
  }
  if (product.siteIds.length > 0 && (!child.siteId || !product.siteIds.includes(child.siteId))) {
    return "Prestation non proposée sur le site de l'enfant.";
  }
  return undefined;
}

export type TariffRow = {
  regime: Regime | null;
  qfMin: number;
  qfMax: number | null;
  unitPriceCents: number;
  validFrom: Date;
  validTo: Date | null;
};

export type PricingHousehold = { qf: number | null; qfValidUntil: Date | null; regime: Regime | null };

/** The QF that prices a day: none when unknown or no longer valid on that day. */
export function effectiveQf(household: PricingHousehold, day: Day): number | null {
  if (household.qf == null) return null;
  if (household.qfValidUntil && household.qfValidUntil.getTime() < dayToDate(day).getTime()) return null;
  return household.qf;
}

/**
 * The unit price in cents for a day. Tariffs valid on the day for the
 * household's régime are preferred to régime-less ones; without a valid QF
 * the household pays the highest bracket. Undefined when no tariff applies.
 */
export function unitPrice(tariffs: TariffRow[], household: PricingHousehold, day: Day): number | undefined {
  const at = dayToDate(day).getTime();
  const valid = tariffs.filter((t) => t.validFrom.getTime() <= at && (!t.validTo || t.validTo.getTime() >= at));
  const ownRegime = valid.filter((t) => household.regime != null && t.regime === household.regime);
  const candidates = ownRegime.length > 0 ? ownRegime : valid.filter((t) => t.regime == null);
  if (candidates.length === 0) return undefined;
  const qf = effectiveQf(household, day);
  if (qf == null) {
    // Highest bracket: the one with no upper bound, else the highest lower bound.
    const top = [...candidates].sort((a, b) => (b.qfMax ?? Infinity) - (a.qfMax ?? Infinity) || b.qfMin - a.qfMin)[0];
    return top.unitPriceCents;
  }
  // Among overlapping rows, the most recent validity wins (a new grid replacing an old one).
  const matching = candidates
    .filter((t) => t.qfMin <= qf && (t.qfMax == null || qf <= t.qfMax))
    .sort((a, b) => b.validFrom.getTime() - a.validFrom.getTime());
  return matching[0]?.unitPriceCents;
}

/**
 * The next `count` days on the given weekdays that are not public holidays
 * and still before their deadline. The seed picks its "almost full" demo day
 * with it, and the journeys find that same day.
 */
export function nextBookableDays(
  now: Date,
  { weekdays, deadlineDays, deadlineTime, count }: { weekdays: number[]; deadlineDays: number; deadlineTime: string; count: number },
): Day[] {
  const out: Day[] = [];
  for (let day = parisDay(now); out.length < count; day = addDays(day, 1)) {
    if (weekdays.includes(weekday(day)) && !publicHoliday(day) && !isPastDeadline(day, deadlineDays, deadlineTime, now)) out.push(day);
  }
  return out;
}
