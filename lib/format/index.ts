import { dateToDay, parisDay, parisTime, parseDay, weekday, type Day, type Month } from "@/lib/dates";
import type { ReviewStatus } from "@/lib/generated/prisma/client";

// Every date, amount, size and name a person reads is written here, so that a
// page, an email, a PDF and a CSV say it the same way. No database and no
// "server-only": client components format with it too.

export * from "./labels";

const pad = (n: number) => String(n).padStart(2, "0");

// ─── Dates (always Europe/Paris) ───────────────────────────────────────────

const WEEKDAY_SHORT = ["", "Lu", "Ma", "Me", "Je", "Ve", "Sa", "Di"];
const WEEKDAY_LONG = ["", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
const MONTHS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];

/** "27/11/2026" for a civil date. */
export function formatDay(day: Day): string {
  const { year, month, date } = parseDay(day);
  return `${pad(date)}/${pad(month)}/${year}`;
}

/** Grid column header, as in the seed: "Ma 09". */
export function shortDayLabel(day: Day): string {
  return `${WEEKDAY_SHORT[weekday(day)]} ${day.slice(8, 10)}`;
}

/** "mardi 9 juin" — for checkbox labels a screen reader reads. */
export function longDayLabel(day: Day): string {
  const { month, date } = parseDay(day);
  return `${WEEKDAY_LONG[weekday(day)]} ${date} ${MONTHS[month - 1]}`;
}

/** "mardi 9 juin 2026" */
export function fullDayLabel(day: Day): string {
  return `${longDayLabel(day)} ${parseDay(day).year}`;
}

/** "juin 2026" */
export function monthLabel(month: Month): string {
  const [y, m] = month.split("-").map(Number);
  return `${MONTHS[m - 1]} ${y}`;
}

/**
 * A civil date (birth date, validity date, service day) is stored as midnight
 * UTC: read it in UTC, or a server running west of Greenwich would show the
 * day before.
 */
export function formatCivilDate(date: Date | null | undefined): string {
  return date ? formatDay(dateToDay(date)) : "—";
}

/** The day a moment (issue, upload, decision) fell on, by the service's calendar. */
export function formatDate(date: Date | null | undefined): string {
  return date ? formatDay(parisDay(date)) : "—";
}

/** A moment as the service's clock read it, in the seed's words: "19/04/2023 10:35". */
export function formatDateTime(date: Date | null | undefined): string {
  return date ? `${formatDate(date)} ${parisTime(date)}` : "—";
}

/** The family's Demandes table, "Validation" column: the decision, with its date or reason. */
export function requestValidationLabel(request: { status: ReviewStatus; handledAt: Date | null; refusalReason: string | null }): string {
  if (request.status === "VALIDATED") return `Acceptée le ${formatDate(request.handledAt)}`;
  if (request.status === "REFUSED") return `Refusée${request.refusalReason ? ` : ${request.refusalReason}` : ""}`;
  return "—";
}

// ─── Money ─────────────────────────────────────────────────────────────────

const EUR = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });

/** Money is integer cents everywhere; this is where it becomes text: "1 234,50 €", French spaces included. */
export function formatCents(cents: number): string {
  if (!Number.isInteger(cents)) throw new RangeError(`Amounts are integer cents, got ${cents}`);
  return EUR.format(cents / 100);
}

/** An amount as staff type it back (lib/money's parseEuros reads it): "1234,50". */
export function formatEurosInput(cents: number): string {
  if (!Number.isInteger(cents)) throw new RangeError(`Amounts are integer cents, got ${cents}`);
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${pad(abs % 100)}`;
}

// ─── Files ─────────────────────────────────────────────────────────────────

const ONE_DECIMAL = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

const KO = 1024;
const MO = 1024 * KO;

/**
 * "812 o", "195 Ko", "2,5 Mo", "10 Mo": a file or an upload limit. Below a
 * Mo the size is in Ko, so a small scan never reads "0 Mo"; a size that would
 * round up to "1024 Ko" is already "1 Mo".
 */
export function formatFileSize(bytes: number): string {
  if (bytes < KO) return `${bytes} o`;
  const ko = Math.round(bytes / KO);
  if (ko < 1024) return `${ko} Ko`;
  return `${ONE_DECIMAL.format(bytes / MO)} Mo`;
}

// ─── Counts and time left ──────────────────────────────────────────────────

/**
 * "1 document", "2 documents", "0 document": French keeps 0 and 1 singular.
 * The plural is the singular with an "s" unless told otherwise ("1 journal",
 * "2 journaux"); words after the noun stay with the caller ("… en attente").
 */
export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${pluralize(count, singular, plural)}`;
}

/** The word alone, for a count shown apart from it (a menu badge): "non distribué", "non distribués". */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return Math.abs(count) < 2 ? singular : plural;
}

/** The hold's clock as it ticks: "14 min 05 s". */
export function timeLeftLabel(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  return `${Math.floor(seconds / 60)} min ${pad(seconds % 60)} s`;
}

/**
 * What a screen reader hears of the same clock: the whole minutes it shows
 * ("14 min 05 s" is "Il reste 14 minutes"), so the text changes once a minute
 * and a polite live region speaks at most that often. Two minutes before the
 * end it also says what happens at zero.
 */
export function timeLeftSpoken(totalSeconds: number): string {
  const minutes = Math.floor(Math.max(0, totalSeconds) / 60);
  if (totalSeconds <= 0) return "Le délai de paiement est dépassé.";
  if (minutes === 0) return "Il reste moins d'une minute pour payer.";
  const left = `Il reste ${formatCount(minutes, "minute")} pour payer`;
  return minutes <= 2 ? `${left} : passé ce délai, les places retenues sont libérées.` : `${left}.`;
}

// ─── Identifiers ───────────────────────────────────────────────────────────

/** "ABCD-EFGH-JKMN-PQRS-TVWX": the payment identifier in groups of 4, as people copy it from paper. */
export function formatPaymentIdentifier(identifier: string): string {
  return identifier.match(/.{1,4}/g)?.join("-") ?? identifier;
}

// ─── People ────────────────────────────────────────────────────────────────

/** "DUPONT Marie", as staff lists sort and read families. */
export function personName(p: { firstName: string; lastName: string }): string {
  return `${p.lastName.toLocaleUpperCase("fr-FR")} ${p.firstName}`;
}
