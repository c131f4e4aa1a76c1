import "server-only";
import ical from "ical-generator";
import { z } from "zod";
import { sha256, newSecret } from "@/lib/auth/tokens";
import { ineligibility, type EligibilityChild, type EligibilityProduct } from "@/lib/catalogue/rules";
import { addDays, dayToDate, parisDay, PARIS, type Day } from "@/lib/dates";
import { getDb } from "@/lib/db/client";
import { rawJson } from "@/lib/db/raw-json";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { FALLBACK_SETTINGS } from "@/lib/settings";
import { weekDeadlines, weekStartLabel } from "./weeks";

export const FEED_LABEL_MAX = 60;
/** Enough for every parent's devices; past it an old link is more likely forgotten than needed. */
export const MAX_ACTIVE_FEEDS = 10;
/** A read only moves "dernière utilisation" when the last one is older: a calendar app polls often. */
const LAST_USED_PRECISION_MS = 60 * 60_000;
/** Booked days already past stay this long, so "when did she eat there" is still answered. */
const PAST_DAYS = 31;
/** How far ahead deadlines are listed: the next weeks, as far as booking usually opens. */
const DEADLINE_DAYS_AHEAD = 35;

export const CreateFeedSchema = z.object({
  label: z
    .string({ error: "Donnez un nom à ce lien, par exemple « Téléphone de Claire »." })
    .trim()
    .min(1, "Donnez un nom à ce lien, par exemple « Téléphone de Claire ».")
    .max(FEED_LABEL_MAX, `Le nom du lien ne peut dépasser ${FEED_LABEL_MAX} caractères.`),
});

export const RevokeFeedSchema = z.object({ feedId: z.string().min(1).max(100) });

export type CalendarFeedDto = { id: string; label: string; createdAt: Date; lastUsedAt: Date | null };

/** Where a calendar app fetches the feed; ".ics" because some apps only subscribe to such addresses. */
export function feedUrl(token: string): string {
  return `${env().appUrl}/api/calendrier/${token}.ics`;
}

/** The same address for the apps that open `webcal://` links as "subscribe". */
export function webcalUrl(url: string): string {
  return url.replace(/^https?:\/\//, "webcal://");
}

/**
 * A new secret address for the household's calendar. Only the token's hash is
 * kept, so the address is returned this once and never shown again.
 */
export async function createCalendarFeed({
  actor,
  label,
  now = new Date(),
}: {
  actor: { id: string; householdId: string };
  label: string;
  now?: Date;
}): Promise<{ id: string; url: string; webcalUrl: string }> {
  const db = await getDb();
  const token = newSecret(32);
  const feed = await db.$transaction(async (tx) => {
    // Taking turns per household, so two creations at once cannot both pass the count.
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`calendar-feed:${actor.householdId}`}, 0))::text`;
    const active = await tx.calendarFeed.count({ where: { householdId: actor.householdId, revokedAt: null } });
    if (active >= MAX_ACTIVE_FEEDS) {
      throw new AppError("CONFLICT", `Vous avez déjà ${MAX_ACTIVE_FEEDS} liens d'agenda : révoquez-en un avant d'en créer un autre.`);
    }
    return tx.calendarFeed.create({
      data: { householdId: actor.householdId, createdById: actor.id, label, tokenHash: sha256(token), createdAt: now },
      select: { id: true },
    });
  });
  const url = feedUrl(token);
  return { id: feed.id, url, webcalUrl: webcalUrl(url) };
}

/** The household's links still in use, newest first. */
export async function listCalendarFeeds({ householdId }: { householdId: string }): Promise<CalendarFeedDto[]> {
  const db = await getDb();
  return db.calendarFeed.findMany({
    where: { householdId, revokedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, label: true, createdAt: true, lastUsedAt: true },
  });
}

/** "Révoquer": the address stops working at the next fetch. Another family's link, or one already revoked, is not found. */
export async function revokeCalendarFeed({ householdId, feedId, now = new Date() }: { householdId: string; feedId: string; now?: Date }) {
  const db = await getDb();
  const { count } = await db.calendarFeed.updateMany({ where: { id: feedId, householdId, revokedAt: null }, data: { revokedAt: now } });
  if (count !== 1) throw new AppError("NOT_FOUND", "Lien d'agenda introuvable.");
}

// ─── The feed itself ───────────────────────────────────────────────────────

export type FeedBooking = { id: string; day: Day; serviceName: string; productName: string; childFirstName: string };
export type FeedProduct = EligibilityProduct & { id: string; name: string; deadlineDays: number; deadlineTime: string; days: Day[] };
export type FeedChild = { birthDate: Day | null; schoolClassId: string | null; siteId: string | null };

export type FeedContent = {
  authorityName: string;
  bookings: FeedBooking[];
  products: FeedProduct[];
  children: FeedChild[];
};

/**
 * The feed's text, built with ical-generator. Times are written in UTC:
 * without a VTIMEZONE block (no generator is installed) a TZID would name a
 * zone the file does not define, while a UTC instant is read the same by
 * every app; X-WR-TIMEZONE tells the apps that read it the calendar is kept
 * on Paris time. Booked days are whole days, which carry no zone at all.
 *
 * Only CONFIRMED days appear: a held day is unpaid and lasts 15 minutes,
 * less than a calendar app's refresh, so it would most often show a day that
 * is already gone (or that the parent believes paid). Cancelled and absent
 * days are not CONFIRMED, so they leave the calendar at the next refresh.
 */
export function buildFeedCalendar(content: FeedContent, now: Date): string {
  const host = new URL(env().appUrl).host;
  const calendar = ical({
    name: `Portail Famille — ${content.authorityName}`,
    prodId: { company: "Portail Famille", product: "Calendrier", language: "FR" },
    // Asks the apps that honour it to refresh hourly, beside the HTTP cache.
    ttl: 60 * 60,
    x: [["X-WR-TIMEZONE", PARIS]],
  });
  for (const booking of content.bookings) {
    calendar.createEvent({
      id: `reservation-${booking.id}@${host}`,
      start: dayToDate(booking.day),
      allDay: true,
      stamp: now,
      summary: `${booking.serviceName} — ${booking.productName} (${booking.childFirstName})`,
    });
  }
  const children: EligibilityChild[] = content.children.map((c) => ({ ...c, birthDate: c.birthDate ? dayToDate(c.birthDate) : null }));
  for (const product of content.products) {
    for (const week of weekDeadlines(product, product.days)) {
      if (week.deadline.getTime() <= now.getTime()) continue;
      // Only products a child of the household may book that week.
      if (!children.some((child) => week.days.some((day) => !ineligibility(product, child, day)))) continue;
      calendar.createEvent({
        id: `date-limite-${product.id}-${week.weekStart}@${host}`,
        start: week.deadline,
        stamp: now,
        summary: `Date limite de réservation : ${product.name} semaine du ${weekStartLabel(week.weekStart)}`,
        url: `${env().appUrl}/demandes/reservation/calendrier?mois=${week.firstDay.slice(0, 7)}`,
      });
    }
  }
  return calendar.toString();
}

type FeedRow = {
  id: string;
  lastUsedAt: Date | null;
  authority: string | null;
  bookings: unknown;
  children: unknown;
  products: unknown;
};

/**
 * A calendar app's fetch: the ICS text of the household the token opens, or
 * null when the token is unknown or revoked. One statement reads the feed,
 * the authority's name, the booked days, the children and the products'
 * open days; a second moves "dernière utilisation", at most once an hour.
 */
export async function readCalendarFeed({ token, now = new Date() }: { token: string; now?: Date }): Promise<string | null> {
  const db = await getDb();
  const today = parisDay(now);
  const from = addDays(today, -PAST_DAYS);
  const until = addDays(today, DEADLINE_DAYS_AHEAD);
  const [row] = await db.$queryRaw<FeedRow[]>`
    SELECT f.id, f."lastUsedAt",
           (SELECT a.name FROM "AuthoritySettings" a WHERE a.id = 1) AS authority,
           (SELECT COALESCE(json_agg(json_build_object(
                     'id', b.id, 'day', sl.date, 'serviceName', s.name, 'productName', p.name, 'childFirstName', c."firstName")
                     ORDER BY sl.date, c."firstName", p.name), '[]')
              FROM "Booking" b
              JOIN "Slot" sl ON sl.id = b."slotId"
              JOIN "Product" p ON p.id = sl."productId"
              JOIN "Service" s ON s.id = p."serviceId"
              JOIN "Person" c ON c.id = b."personId"
             WHERE b."householdId" = f."householdId" AND b.status = 'CONFIRMED' AND sl.date >= ${from}::date) AS bookings,
           (SELECT COALESCE(json_agg(json_build_object(
                     'birthDate', c."birthDate", 'schoolClassId', c."schoolClassId", 'siteId', sc."siteId")), '[]')
              FROM "Person" c LEFT JOIN "SchoolClass" sc ON sc.id = c."schoolClassId"
             WHERE c."householdId" = f."householdId" AND c.quality = 'ENFANT') AS children,
           (SELECT COALESCE(json_agg(json_build_object(
                     'id', p.id, 'name', p.name, 'deadlineDays', p."deadlineDays", 'deadlineTime', p."deadlineTime",
                     'minAgeYears', p."minAgeYears", 'maxAgeYears', p."maxAgeYears",
                     'siteIds', ARRAY(SELECT ps."B" FROM "_ProductToSite" ps WHERE ps."A" = p.id),
                     'classIds', ARRAY(SELECT pc."B" FROM "_ProductToSchoolClass" pc WHERE pc."A" = p.id),
                     'days', ARRAY(SELECT sl.date::text FROM "Slot" sl
                                    WHERE sl."productId" = p.id AND NOT sl.closed AND sl.date BETWEEN ${today}::date AND ${until}::date
                                    ORDER BY sl.date))
                     ORDER BY s."sortOrder", p."sortOrder", p.name), '[]')
              FROM "Product" p JOIN "Service" s ON s.id = p."serviceId"
             WHERE p.active AND s.active
               AND EXISTS (SELECT 1 FROM "Slot" sl WHERE sl."productId" = p.id AND NOT sl.closed
                              AND sl.date BETWEEN ${today}::date AND ${until}::date)) AS products
      FROM "CalendarFeed" f
     WHERE f."tokenHash" = ${sha256(token)} AND f."revokedAt" IS NULL`;
  if (!row) return null;
  if (!row.lastUsedAt || now.getTime() - new Date(row.lastUsedAt).getTime() >= LAST_USED_PRECISION_MS) {
    // Conditional, so two apps polling at once write once.
    await db.calendarFeed.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_PRECISION_MS) } }] },
      data: { lastUsedAt: now },
    });
  }
  const asDay = (value: string) => value.slice(0, 10);
  return buildFeedCalendar(
    {
      authorityName: row.authority ?? FALLBACK_SETTINGS.name,
      bookings: rawJson<FeedBooking[]>(row.bookings).map((b) => ({ ...b, day: asDay(b.day) })),
      children: rawJson<FeedChild[]>(row.children).map((c) => ({ ...c, birthDate: c.birthDate ? asDay(c.birthDate) : null })),
      products: rawJson<FeedProduct[]>(row.products).map((p) => ({ ...p, days: p.days.map(asDay) })),
    },
    now,
  );
}

/** What the route answers an unknown or revoked token with: the same words for both, so nothing is learnt by probing. */
export const FEED_NOT_FOUND = "Calendrier introuvable : ce lien a été révoqué ou n'existe pas.";
