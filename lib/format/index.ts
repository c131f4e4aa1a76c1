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

/** "812 o", "195 Ko", "2,5 Mo", "10 Mo": a file or an upload limit. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} Ko`;
  return `${ONE_DECIMAL.format(bytes / (1024 * 1024))} Mo`;
}

// ─── People ────────────────────────────────────────────────────────────────

/** "DUPONT Marie", as staff lists sort and read families. */
export function personName(p: { firstName: string; lastName: string }): string {
  return `${p.lastName.toLocaleUpperCase("fr-FR")} ${p.firstName}`;
}
