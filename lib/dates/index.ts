import { tzOffset } from "@date-fns/tz";

/**
 * Service days are civil dates written "YYYY-MM-DD"; instants are UTC Date
 * objects. Every conversion between the two names Europe/Paris, so that a
 * server running in UTC and a family in France agree on "today" and on
 * deadlines, including around daylight-saving changes and midnight.
 */
export const PARIS = "Europe/Paris";

export type Day = string; // "YYYY-MM-DD"
export type Month = string; // "YYYY-MM"

const pad = (n: number) => String(n).padStart(2, "0");

export function makeDay(year: number, month: number, date: number): Day {
  // Date.UTC normalises overflow (day 0, day 32) into the right civil date.
  const d = new Date(Date.UTC(year, month - 1, date));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function parseDay(day: Day): { year: number; month: number; date: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`Not a civil date: ${day}`);
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (makeDay(year, month, date) !== day) throw new RangeError(`Not a civil date: ${day}`);
  return { year, month, date };
}

export function isDay(value: string): boolean {
  try {
    parseDay(value);
    return true;
  } catch {
    return false;
  }
}

/** Civil dates are stored in `@db.Date` columns, which Prisma hands over as UTC midnight. */
export function dayToDate(day: Day): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function dateToDay(date: Date): Day {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: Day, n: number): Day {
  const { year, month, date } = parseDay(day);
  return makeDay(year, month, date + n);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekday(day: Day): number {
  const w = dayToDate(day).getUTCDay();
  return w === 0 ? 7 : w;
}

// Paris's UTC offset (minutes), kept per UTC hour. Asking the time-zone
// database (an Intl format) costs microseconds and a page asks for every
// slot and date it shows, while the offset changes on an hour's edge (01:00
// UTC under the EU rule). An hour it changes within is never kept.
const hourOffsets = new Map<number, number>();

function parisOffset(ms: number): number {
  const hour = Math.floor(ms / 3_600_000);
  const known = hourOffsets.get(hour);
  if (known !== undefined) return known;
  const start = tzOffset(PARIS, new Date(hour * 3_600_000));
  if (start !== tzOffset(PARIS, new Date(hour * 3_600_000 + 3_599_999))) return tzOffset(PARIS, new Date(ms));
  if (hourOffsets.size >= 10_000) hourOffsets.clear();
  hourOffsets.set(hour, start);
  return start;
}

/** The Paris wall clock at an instant, in the UTC fields of a Date. */
function parisWallClock(at: Date): Date {
  return new Date(at.getTime() + parisOffset(at.getTime()) * 60_000);
}

/** The civil date in Paris at an instant. */
export function parisDay(now: Date): Day {
  return dateToDay(parisWallClock(now));
}

/** "HH:mm", Paris time, at an instant. */
export function parisTime(at: Date): string {
  return parisWallClock(at).toISOString().slice(11, 16);
}

/**
 * The instant of a Paris wall-clock time on a civil date. A time skipped
 * in spring (02:30) is read with the winter offset (so 03:30 summer time),
 * a time met twice in autumn as its second, winter-time, occurrence.
 */
export function parisInstant(day: Day, time = "00:00"): Date {
  const { year, month, date } = parseDay(day);
  const [hours, minutes] = time.split(":").map(Number);
  const wall = Date.UTC(year, month - 1, date, hours, minutes);
  return new Date(wall - parisOffset(wall - parisOffset(wall) * 60_000) * 60_000);
}

/** "Délai de prévenance": booking for `day` closes `days` days before, at `time` Paris time. */
export function bookingDeadline(day: Day, days: number, time: string): Date {
  return parisInstant(addDays(day, -days), time);
}

export function isPastDeadline(day: Day, days: number, time: string, now: Date): boolean {
  return now.getTime() >= bookingDeadline(day, days, time).getTime();
}

// ─── Months ────────────────────────────────────────────────────────────────

export function monthOfDay(day: Day): Month {
  return day.slice(0, 7);
}

export function isMonth(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

export function addMonths(month: Month, n: number): Month {
  const [y, m] = month.split("-").map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

export function daysOfMonth(month: Month): Day[] {
  const [y, m] = month.split("-").map(Number);
  const count = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => makeDay(y, m, i + 1));
}

/** Booking is open for the current Paris month and the `monthsAhead - 1` following ones. */
export function openMonths(now: Date, monthsAhead: number): Month[] {
  const first = monthOfDay(parisDay(now));
  return Array.from({ length: Math.max(1, monthsAhead) }, (_, i) => addMonths(first, i));
}

// ─── French public holidays ─────────────────────────────────────────────────

/** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): Day {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const date = ((h + l - 7 * m + 114) % 31) + 1;
  return makeDay(year, month, date);
}

/** The eleven public holidays of metropolitan France (Alsace-Moselle's two extra days are not included). */
export function frenchPublicHolidays(year: number): { day: Day; label: string }[] {
  const easter = easterSunday(year);
  return [
    { day: makeDay(year, 1, 1), label: "Jour de l'an" },
    { day: addDays(easter, 1), label: "Lundi de Pâques" },
    { day: makeDay(year, 5, 1), label: "Fête du Travail" },
    { day: makeDay(year, 5, 8), label: "Victoire 1945" },
    { day: addDays(easter, 39), label: "Ascension" },
    { day: addDays(easter, 50), label: "Lundi de Pentecôte" },
    { day: makeDay(year, 7, 14), label: "Fête nationale" },
    { day: makeDay(year, 8, 15), label: "Assomption" },
    { day: makeDay(year, 11, 1), label: "Toussaint" },
    { day: makeDay(year, 11, 11), label: "Armistice 1918" },
    { day: makeDay(year, 12, 25), label: "Noël" },
  ].sort((x, y) => x.day.localeCompare(y.day));
}

export function publicHoliday(day: Day): string | undefined {
  return frenchPublicHolidays(parseDay(day).year).find((h) => h.day === day)?.label;
}


/** Age in whole years on a civil date. */
export function ageOn(birthDay: Day, day: Day): number {
  const b = parseDay(birthDay);
  const d = parseDay(day);
  let age = d.year - b.year;
  if (d.month < b.month || (d.month === b.month && d.date < b.date)) age -= 1;
  return age;
}
