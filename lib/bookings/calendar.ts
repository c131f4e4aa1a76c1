import "server-only";
import { getDb } from "@/lib/db/client";
import { rawJson } from "@/lib/db/raw-json";
import { AppError } from "@/lib/errors";
import {
  addDays,
  addMonths,
  dayToDate,
  daysOfMonth,
  isMonth,
  isPastDeadline,
  monthOfDay,
  parisDay,
  parisTime,
  weekday,
  type Day,
  type Month,
} from "@/lib/dates";
import { longDayLabel, shortDayLabel } from "@/lib/format";
import { ineligibility } from "@/lib/catalogue/rules";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ChildInfo } from "./context";
import { fileUpdateCampaignsSql, fileUpdateRefusal, fileUpdateRuleFromRows, type FileUpdateRule } from "@/lib/file-update/rule";
import { bookableMonths, campaignSpansSql, openCampaignSql, type BookableProductRow as ProductRow, type CampaignSpan, type ChildRow } from "./queries";

// The family calendar: every child of the household and every product they
// may book, for one month, in one statement. The parent ticks what they
// want; the form sends the wanted state of the rows it showed, and the
// Résumé turns the difference into days to book and days to cancel.

export type CalendarState =
  | "available"
  | "booked"
  | "held"
  | "offered"
  | "waitlist"
  | "campaign"
  | "full"
  | "past"
  | "closed"
  | "absent"
  | "ineligible";

export type CalendarCell = {
  state: CalendarState;
  /** The household's booking on that day (booked, held or absent). */
  bookingId?: string;
  /** A booked day the family may still cancel (before the booking deadline). */
  cancellable?: boolean;
  /** Held: the time the hold ends, Paris time ("14:32"), and the pending invoice. */
  heldUntil?: string;
  invoiceId?: string;
  /** Absent: the absence waits for staff. */
  absencePending?: boolean;
  /** Full: the slot a child may wait for ("Complet — m'inscrire sur la liste d'attente"). */
  slotId?: string;
  /** Campaign: the campaign still taking requests for the day ("Sur demande"). */
  campaign?: { id: string; label: string };
};

export type CalendarRow = {
  /** "childId|productId" */
  key: string;
  childId: string;
  childFirstName: string;
  productId: string;
  productName: string;
  serviceName: string;
  /** The saved "semaine type" (1 = lundi … 7 = dimanche), or null. */
  pattern: number[] | null;
  /** Weekdays booked on two days or more last month: "Comme le mois dernier". */
  lastMonthWeekdays: number[];
  /** Nothing booked or held this month yet: the semaine type pre-fills it. */
  untouched: boolean;
};

export type CalendarDay = { day: Day; weekday: number; shortLabel: string; longLabel: string; cells: Record<string, CalendarCell> };

export type FamilyCalendarDto = {
  month: Month;
  previousMonth: Month | null;
  nextMonth: Month | null;
  rows: CalendarRow[];
  weeks: { label: string; days: CalendarDay[] }[];
};

type SlotRow = {
  id: string;
  productId: string;
  day: Day;
  capacity: number;
  closed: boolean;
  taken: number;
  waiting: number;
  queued: string[];
  campaign: { id: string; label: string } | null;
  mine: { id: string; personId: string; status: "CONFIRMED" | "HELD" | "ABSENT"; heldUntil: string | null; invoiceId: string | null; absence: string | null }[];
};

/**
 * The household's calendar for a month (the current one when none or a past
 * one is asked; the nearest open one when asked beyond every product's
 * window). `only` narrows it to one product and/or one child, as when a
 * parent comes from a product's card.
 */
export async function getFamilyCalendar({
  householdId,
  month: requested,
  only = {},
  now = new Date(),
}: {
  householdId: string;
  month?: string;
  only?: { productId?: string; childId?: string };
  now?: Date;
}): Promise<FamilyCalendarDto> {
  const db = await getDb();
  const current = monthOfDay(parisDay(now));
  const asked = requested && isMonth(requested) && requested > current ? requested : current;
  const span = (m: Month) => {
    const days = daysOfMonth(m);
    return Prisma.sql`sl.date BETWEEN ${days[0]}::date AND ${days[days.length - 1]}::date`;
  };
  const previous = addMonths(asked, -1);
  const active = Prisma.sql`(b.status IN ('CONFIRMED', 'ABSENT') OR (b.status = 'HELD' AND b."heldUntil" > ${now}::timestamp(3)))`;
  const productId = only.productId ?? null;
  const childId = only.childId ?? null;
  const [row] = await db.$queryRaw<{ products: unknown; children: unknown; slots: unknown; patterns: unknown; last: unknown }[]>`
    WITH products AS (
      SELECT p.id, p.name, s.name AS "serviceName", p."minAgeYears", p."maxAgeYears", p."deadlineDays", p."deadlineTime",
             p."openMonthsAhead", p."sortOrder", s."sortOrder" AS "serviceOrder", ${campaignSpansSql(now)} AS campaigns,
             ${fileUpdateCampaignsSql(householdId)} AS "fileUpdateCampaigns",
             ARRAY(SELECT ps."B" FROM "_ProductToSite" ps WHERE ps."A" = p.id) AS "siteIds",
             ARRAY(SELECT pc."B" FROM "_ProductToSchoolClass" pc WHERE pc."A" = p.id) AS "classIds"
        FROM "Product" p JOIN "Service" s ON s.id = p."serviceId"
       WHERE p.active AND s.active AND (${productId}::text IS NULL OR p.id = ${productId}::text)
    ),
    children AS (
      SELECT c.id, c."firstName", c."lastName", c."birthDate", c."schoolClassId", sc.name AS "className", sc.teacher, sc."siteId", si.name AS "siteName"
        FROM "Person" c
        LEFT JOIN "SchoolClass" sc ON sc.id = c."schoolClassId"
        LEFT JOIN "Site" si ON si.id = sc."siteId"
       WHERE c."householdId" = ${householdId} AND c.quality = 'ENFANT' AND (${childId}::text IS NULL OR c.id = ${childId}::text)
    )
    SELECT
      (SELECT COALESCE(json_agg(to_json(p) ORDER BY p."serviceOrder", p."sortOrder", p.name), '[]') FROM products p) AS products,
      (SELECT COALESCE(json_agg(to_json(c) ORDER BY c."birthDate" ASC, c."firstName" ASC), '[]') FROM children c) AS children,
      (SELECT COALESCE(json_agg(json_build_object(
                'id', sl.id, 'productId', sl."productId", 'day', sl.date, 'capacity', sl.capacity, 'closed', sl.closed,
                'waiting', (SELECT count(*) FROM "WaitlistEntry" we WHERE we."slotId" = sl.id AND we.status = 'WAITING'),
                'queued', ARRAY(SELECT we."personId" FROM "WaitlistEntry" we WHERE we."slotId" = sl.id AND we."householdId" = ${householdId} AND we.status = 'WAITING'),
                'campaign', ${openCampaignSql},
                'taken', (SELECT count(*) FROM "Booking" b WHERE b."slotId" = sl.id
                            AND (b.status = 'CONFIRMED' OR (b.status = 'HELD' AND b."heldUntil" > ${now}::timestamp(3)))),
                'mine', (SELECT COALESCE(json_agg(json_build_object(
                           'id', b.id, 'personId', b."personId", 'status', b.status, 'heldUntil', b."heldUntil", 'invoiceId', b."invoiceId",
                           'absence', (SELECT a.status FROM "Absence" a WHERE a."bookingId" = b.id))), '[]')
                           FROM "Booking" b WHERE b."slotId" = sl.id AND b."householdId" = ${householdId} AND ${active}))
                ORDER BY sl.date), '[]')
         FROM "Slot" sl
        WHERE sl."productId" IN (SELECT id FROM products) AND (${span(current)} OR ${span(asked)})) AS slots,
      (SELECT COALESCE(json_agg(json_build_object('personId', w."personId", 'productId', w."productId", 'weekdays', w.weekdays)), '[]')
         FROM "WeekPattern" w WHERE w."personId" IN (SELECT id FROM children)) AS patterns,
      (SELECT COALESCE(json_agg(json_build_object('personId', b."personId", 'productId', sl."productId", 'day', sl.date)), '[]')
         FROM "Booking" b JOIN "Slot" sl ON sl.id = b."slotId"
        WHERE b."householdId" = ${householdId} AND b.status IN ('CONFIRMED', 'ABSENT') AND ${span(previous)}) AS last`;
  const products = rawJson<(ProductRow & { campaigns: CampaignSpan[] })[]>(row.products);
  const children = rawJson<ChildRow[]>(row.children).map((c): ChildInfo => ({ ...c, birthDate: c.birthDate ? dayToDate(c.birthDate) : null }));
  if (children.length === 0) throw new AppError("NOT_FOUND", childId ? "Enfant introuvable." : "Aucun enfant n'est inscrit dans votre famille.");
  if (productId && products.length === 0) throw new AppError("NOT_FOUND", "Prestation introuvable.");

  // The months any product opens; the asked one when it is among them.
  const window = [...new Set(products.flatMap((p) => bookableMonths(now, p.openMonthsAhead, p.campaigns)))].sort();
  const month = window.includes(asked) ? asked : (window.filter((m) => m <= asked).at(-1) ?? current);
  const days = daysOfMonth(month);
  const slots = rawJson<SlotRow[]>(row.slots).filter((s) => monthOfDay(s.day) === month);
  const patterns = rawJson<{ personId: string; productId: string; weekdays: number[] }[]>(row.patterns);
  const last = rawJson<{ personId: string; productId: string; day: Day }[]>(row.last);
  const fileUpdate = fileUpdateRuleFromRows(products);

  const rows: (CalendarRow & { product: ProductRow; child: ChildInfo })[] = [];
  for (const child of children) {
    for (const product of products) {
      if (!bookableMonths(now, product.openMonthsAhead, product.campaigns).includes(month)) continue;
      if (!slots.some((s) => s.productId === product.id)) continue;
      if (days.every((d) => ineligibility(product, child, d))) continue;
      const booked = slots.some((s) => s.productId === product.id && s.mine.some((b) => b.personId === child.id));
      rows.push({
        key: `${child.id}|${product.id}`,
        childId: child.id,
        childFirstName: child.firstName,
        productId: product.id,
        productName: product.name,
        serviceName: product.serviceName,
        pattern: patterns.find((p) => p.personId === child.id && p.productId === product.id)?.weekdays ?? null,
        lastMonthWeekdays: repeatedWeekdays(last.filter((b) => b.personId === child.id && b.productId === product.id).map((b) => b.day)),
        untouched: !booked,
        product,
        child,
      });
    }
  }

  const byDay = new Map<Day, CalendarDay>();
  for (const slot of slots) {
    const entry = byDay.get(slot.day) ?? { day: slot.day, weekday: weekday(slot.day), shortLabel: shortDayLabel(slot.day), longLabel: longDayLabel(slot.day), cells: {} };
    byDay.set(slot.day, entry);
    for (const r of rows) {
      if (r.productId !== slot.productId) continue;
      entry.cells[r.key] = cellFor(r, slot, now, fileUpdate);
    }
  }
  const calendarDays = [...byDay.values()].filter((d) => Object.keys(d.cells).length > 0).sort((a, b) => a.day.localeCompare(b.day));
  const index = window.indexOf(month);
  return {
    month,
    previousMonth: index > 0 ? window[index - 1] : null,
    nextMonth: index >= 0 && index < window.length - 1 ? window[index + 1] : null,
    rows: rows.map(({ product: _p, child: _c, ...r }) => r),
    weeks: groupByWeek(calendarDays),
  };
}

function cellFor(r: { childId: string; product: ProductRow; child: ChildInfo }, slot: SlotRow, now: Date, fileUpdate: FileUpdateRule): CalendarCell {
  const mine = slot.mine.find((b) => b.personId === r.childId);
  const past = isPastDeadline(slot.day, r.product.deadlineDays, r.product.deadlineTime, now);
  if (mine?.status === "ABSENT" || mine?.absence === "PENDING" || mine?.absence === "APPROVED") {
    return { state: "absent", bookingId: mine.id, absencePending: mine.absence === "PENDING" };
  }
  // An offer from the waiting list: a hold without invoice until the family answers.
  if (mine?.status === "HELD" && !mine.invoiceId) return { state: "offered", bookingId: mine.id };
  if (mine?.status === "HELD") {
    return { state: "held", bookingId: mine.id, heldUntil: mine.heldUntil ? parisTime(new Date(mine.heldUntil)) : undefined, invoiceId: mine.invoiceId ?? undefined };
  }
  if (mine) return { state: "booked", bookingId: mine.id, cancellable: !past && !slot.closed };
  if (slot.closed) return { state: "closed" };
  if (past) return { state: "past" };
  if (ineligibility(r.product, r.child, slot.day) || fileUpdateRefusal(fileUpdate, r.product.id, slot.day)) return { state: "ineligible" };
  if (slot.campaign) return { state: "campaign", campaign: slot.campaign };
  if (slot.queued.includes(r.childId)) return { state: "waitlist" };
  // Children waiting count as taken: a freed place goes to the list first (as the hold counts it).
  if (slot.taken + slot.waiting >= slot.capacity) return { state: "full", slotId: slot.id };
  return { state: "available" };
}

/** Weekdays booked on at least two days: one odd day last month is not a habit. */
export function repeatedWeekdays(days: Day[]): number[] {
  const counts = new Map<number, number>();
  for (const d of days) counts.set(weekday(d), (counts.get(weekday(d)) ?? 0) + 1);
  return [...counts].filter(([, n]) => n >= 2).map(([w]) => w).sort();
}

/** Weeks start on Monday; each is named by its Monday, even when that Monday is in the previous month. */
function groupByWeek(days: CalendarDay[]): FamilyCalendarDto["weeks"] {
  const weeks: FamilyCalendarDto["weeks"] = [];
  let currentMonday: Day | null = null;
  for (const d of days) {
    const monday = mondayOf(d.day);
    if (monday !== currentMonday) {
      weeks.push({ label: `Semaine du ${longDayLabel(monday).replace(/^lundi /i, "")}`, days: [] });
      currentMonday = monday;
    }
    weeks[weeks.length - 1].days.push(d);
  }
  return weeks;
}

function mondayOf(day: Day): Day {
  return addDays(day, 1 - weekday(day));
}
