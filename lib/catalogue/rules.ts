import type { Regime } from "@/lib/generated/prisma/client";
import { addDays, ageOn, dateToDay, dayToDate, isPastDeadline, parisDay, publicHoliday, weekday, type Day } from "@/lib/dates";
import { REGIME_IN_TEXT } from "@/lib/format";

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
  id: string;
  regime: Regime | null;
  qfMin: number;
  qfMax: number | null;
  unitPriceCents: number;
  validFrom: Date;
  validTo: Date | null;
};

export type PricingHousehold = { qf: number | null; qfValidUntil: Date | null; regime: Regime | null };

/**
 * How a household without a valid QF or without a régime is priced, from the
 * authority settings: this régime's rows, at this QF (null = the highest bracket).
 */
export type TariffDefaults = { regime: Regime; qf: number | null };

/** The schema's defaults: the highest bracket of the general régime. */
export const DEFAULT_TARIFF_DEFAULTS: TariffDefaults = { regime: "RG", qf: null };

export type PriceQuote = {
  unitPriceCents: number;
  /** The tariff row that priced the day. */
  tariffId: string;
  /** Why this row, in French, for staff: "QF 850, régime général". */
  basis: string;
  /** Whether the household was priced on the default QF and/or the default régime. */
  defaulted: { qf: boolean; regime: boolean };
};

/** "régime général", "régime MSA", "autre régime", or the régime-less rows' "grille tous régimes". */
export function regimeName(regime: Regime | null): string {
  return regime ? REGIME_IN_TEXT[regime] : "grille tous régimes";
}

/** "du régime général", "de l'autre régime", "de la grille tous régimes". */
function ofRegime(regime: Regime | null): string {
  if (regime == null) return "de la grille tous régimes";
  return regime === "AUTRE" ? "de l'autre régime" : `du ${REGIME_IN_TEXT[regime]}`;
}

/** "tranche la plus haute du régime général", "QF 900 du régime MSA". */
function defaultBracket(defaults: TariffDefaults, regime: Regime | null): string {
  return `${defaults.qf == null ? "tranche la plus haute" : `QF ${defaults.qf}`} ${ofRegime(regime)}`;
}

/** The rule as one sentence for staff: "Familles sans quotient familial ou sans régime : tranche la plus haute du régime général". */
export function describeTariffDefaults(defaults: TariffDefaults): string {
  return `Familles sans quotient familial ou sans régime : ${defaultBracket(defaults, defaults.regime)}`;
}

/** The QF that prices a day: none when unknown or no longer valid on that day. */
export function effectiveQf(household: PricingHousehold, day: Day): number | null {
  if (household.qf == null) return null;
  if (household.qfValidUntil && household.qfValidUntil.getTime() < dayToDate(day).getTime()) return null;
  return household.qf;
}

const newestFirst = (a: TariffRow, b: TariffRow) => b.validFrom.getTime() - a.validFrom.getTime();

/**
 * The tariff row that prices one day for a household, and why.
 *
 * - Only rows valid on the day count; among overlapping rows the most recent
 *   `validFrom` wins (a new grid replaces an old one).
 * - A household with a régime uses that régime's rows, else the régime-less
 *   rows; a household without a régime, or whose régime has neither, is
 *   priced as the default régime (its rows, else the régime-less rows).
 * - A household without a valid QF is priced at the default QF; when that is
 *   null, at the highest bracket of the newest grid.
 *
 * Undefined when no row applies.
 */
export function priceFor(
  tariffs: TariffRow[],
  household: PricingHousehold,
  day: Day,
  defaults: TariffDefaults = DEFAULT_TARIFF_DEFAULTS,
): PriceQuote | undefined {
  const at = dayToDate(day).getTime();
  const valid = tariffs.filter((t) => t.validFrom.getTime() <= at && (!t.validTo || t.validTo.getTime() >= at));
  const rowsOf = (regime: Regime | null) => valid.filter((t) => t.regime === regime);
  /** A régime's own rows, else the régime-less ones. */
  const gridFor = (regime: Regime): { regime: Regime | null; rows: TariffRow[] } => {
    const own = rowsOf(regime);
    return own.length > 0 ? { regime, rows: own } : { regime: null, rows: rowsOf(null) };
  };

  let grid = household.regime ? gridFor(household.regime) : { regime: null, rows: [] as TariffRow[] };
  const regimeDefaulted = household.regime == null || grid.rows.length === 0;
  if (grid.rows.length === 0) grid = gridFor(defaults.regime);
  if (grid.rows.length === 0) return undefined;

  const ownQf = effectiveQf(household, day);
  const qf = ownQf ?? defaults.qf;
  let row: TariffRow | undefined;
  if (qf == null) {
    // The highest bracket of the newest grid: the row without an upper bound,
    // else the highest upper bound, then the highest lower bound.
    const newest = Math.max(...grid.rows.map((t) => t.validFrom.getTime()));
    row = grid.rows
      .filter((t) => t.validFrom.getTime() === newest)
      .sort((a, b) => (b.qfMax ?? Infinity) - (a.qfMax ?? Infinity) || b.qfMin - a.qfMin)[0];
  } else {
    row = grid.rows.filter((t) => t.qfMin <= qf && (t.qfMax == null || qf <= t.qfMax)).sort(newestFirst)[0];
  }
  if (!row) return undefined;

  const regimeNote =
    household.regime == null
      ? "sans régime"
      : grid.regime === household.regime
        ? ""
        : `${REGIME_IN_TEXT[household.regime]} sans tarif propre`;
  let basis: string;
  if (ownQf != null) {
    const used = regimeName(grid.regime);
    basis = `QF ${ownQf}, ${regimeNote ? `${regimeNote} : ${used}` : used}`;
  } else {
    const noQf = household.qf == null ? "sans quotient familial" : "quotient familial expiré";
    const noRegime = household.regime == null ? (household.qf == null ? " ni régime" : ", sans régime") : "";
    const note = household.regime != null && regimeNote ? ` (${regimeNote})` : "";
    basis = `${noQf}${noRegime} : ${defaultBracket(defaults, grid.regime)}${note}`;
  }
  return {
    unitPriceCents: row.unitPriceCents,
    tariffId: row.id,
    basis,
    defaulted: { qf: ownQf == null, regime: regimeDefaulted },
  };
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
