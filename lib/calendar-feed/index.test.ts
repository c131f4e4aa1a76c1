import { describe, expect, it } from "vitest";
import { sha256 } from "@/lib/auth/tokens";
import { createCanteen, createFamily, openDays } from "@/lib/bookings/testing";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import {
  CreateFeedSchema,
  MAX_ACTIVE_FEEDS,
  createCalendarFeed,
  listCalendarFeeds,
  readCalendarFeed,
  revokeCalendarFeed,
  webcalUrl,
} from "./index";
import { weekStart, weekStartLabel } from "./weeks";

// Wednesday 3 June 2026, 10:00 in Paris.
const NOW = new Date("2026-06-03T08:00:00Z");

/** ICS folds long lines at 75 octets: joined back before reading. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, "");
const tokenOf = (url: string) => /\/api\/calendrier\/([A-Za-z0-9_-]{43})\.ics$/.exec(url)![1];
const events = (ics: string) => unfold(ics).split("BEGIN:VEVENT").slice(1);

async function world() {
  const db = await getDb();
  const canteen = await createCanteen(db, { deadlineDays: 2 });
  const slots = await openDays(db, canteen.product.id, ["2026-06-08", "2026-06-09", "2026-06-11", "2026-06-15", "2026-06-16"], 20);
  const slot = (day: string) => slots.find((s) => s.date.toISOString().startsWith(day))!;
  const family = await createFamily(db, { schoolClassId: canteen.schoolClass.id, children: 2 });
  const neighbour = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
  const [emma, lucas] = family.children;
  const book = (personId: string, householdId: string, day: string, status: "CONFIRMED" | "HELD" | "CANCELLED" | "ABSENT") =>
    db.booking.create({
      data: {
        slotId: slot(day).id,
        personId,
        householdId,
        status,
        unitPriceCents: 320,
        heldUntil: status === "HELD" ? new Date(NOW.getTime() + 10 * 60_000) : null,
      },
    });
  const paid = await book(emma.id, family.household.id, "2026-06-09", "CONFIRMED");
  await book(lucas.id, family.household.id, "2026-06-09", "HELD");
  await book(emma.id, family.household.id, "2026-06-11", "CANCELLED");
  await book(emma.id, family.household.id, "2026-06-15", "ABSENT");
  await book(neighbour.children[0].id, neighbour.household.id, "2026-06-11", "CONFIRMED");
  const actor = { id: family.account.id, householdId: family.household.id };
  return { db, canteen, family, neighbour, paid, actor };
}

describe("calendar feed", () => {
  it("keeps only the token's hash and shows the address once", async () => {
    const { db, actor } = await world();
    const created = await createCalendarFeed({ actor, label: "Téléphone de Claire", now: NOW });
    const token = tokenOf(created.url);
    expect(created.webcalUrl).toBe(created.url.replace(/^https?:\/\//, "webcal://"));
    const stored = await db.calendarFeed.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(await listCalendarFeeds({ householdId: actor.householdId })).toEqual([
      { id: created.id, label: "Téléphone de Claire", createdAt: NOW, lastUsedAt: null },
    ]);
  });

  it("lists the household's paid days and the coming deadlines, nothing else", async () => {
    const { actor, paid, canteen } = await world();
    const { url } = await createCalendarFeed({ actor, label: "Agenda", now: NOW });
    const ics = (await readCalendarFeed({ token: tokenOf(url), now: NOW }))!;
    const text = unfold(ics);
    expect(text).toContain("X-WR-CALNAME:Portail Famille — Service Enfance-Jeunesse");
    expect(text).toContain("X-WR-TIMEZONE:Europe/Paris");

    const booked = events(ics).filter((e) => e.includes("DTSTART;VALUE=DATE:"));
    // The held day (unpaid), the cancelled one, the absent one and the neighbour's are left out.
    expect(booked).toHaveLength(1);
    expect(booked[0]).toContain("DTSTART;VALUE=DATE:20260609");
    expect(booked[0]).toContain(`SUMMARY:${canteen.service.name} — Repas cantine (Emma)`);
    expect(booked[0]).toContain(`UID:reservation-${paid.id}@`);

    const deadlines = events(ics).filter((e) => e.includes("Date limite de réservation"));
    // Monday 8 June closes Saturday 6 June at 10:00 Paris (08:00 UTC); Monday 15 June on the 13th.
    expect(deadlines.map((e) => /DTSTART:(\S+)/.exec(e)![1])).toEqual(["20260606T080000Z", "20260613T080000Z"]);
    expect(deadlines[0]).toContain("SUMMARY:Date limite de réservation : Repas cantine semaine du 8 juin");
    expect(deadlines[0]).toContain("/demandes/reservation/calendrier?mois=2026-06");
  });

  it("gives the same UID to a day at every read, so apps update rather than duplicate it", async () => {
    const { actor } = await world();
    const { url } = await createCalendarFeed({ actor, label: "Agenda", now: NOW });
    const uids = async (now: Date) => unfold((await readCalendarFeed({ token: tokenOf(url), now }))!).match(/^UID:.*$/gm);
    expect(await uids(new Date(NOW.getTime() + 60_000))).toEqual(await uids(NOW));
  });

  it("drops a deadline once passed, and a week no child may book", async () => {
    const { db, actor, canteen } = await world();
    const { url } = await createCalendarFeed({ actor, label: "Agenda", now: NOW });
    const afterFirst = new Date("2026-06-06T08:00:00Z");
    const ics = unfold((await readCalendarFeed({ token: tokenOf(url), now: afterFirst }))!);
    expect(ics).not.toContain("semaine du 8 juin");
    expect(ics).toContain("semaine du 15 juin");

    // Another site's product: none of the family's children may book it.
    const elsewhere = await createCanteen(db);
    await openDays(db, elsewhere.product.id, ["2026-06-16"], 5);
    const again = unfold((await readCalendarFeed({ token: tokenOf(url), now: NOW }))!);
    expect(again.match(/Date limite de réservation/g)).toHaveLength(2);
    expect(canteen.product.id).not.toBe(elsewhere.product.id);
  });

  it("stops at once when revoked, and only the household may revoke it", async () => {
    const { actor, neighbour } = await world();
    const { id, url } = await createCalendarFeed({ actor, label: "Agenda", now: NOW });
    await expect(revokeCalendarFeed({ householdId: neighbour.household.id, feedId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await readCalendarFeed({ token: tokenOf(url), now: NOW })).not.toBeNull();
    await revokeCalendarFeed({ householdId: actor.householdId, feedId: id, now: NOW });
    expect(await readCalendarFeed({ token: tokenOf(url), now: NOW })).toBeNull();
    expect(await listCalendarFeeds({ householdId: actor.householdId })).toEqual([]);
    await expect(revokeCalendarFeed({ householdId: actor.householdId, feedId: id })).rejects.toBeInstanceOf(AppError);
  });

  it("moves « dernière utilisation » at most once an hour", async () => {
    const { db, actor } = await world();
    const { id, url } = await createCalendarFeed({ actor, label: "Agenda", now: NOW });
    const lastUsed = async (now: Date) => {
      await readCalendarFeed({ token: tokenOf(url), now });
      return (await db.calendarFeed.findUniqueOrThrow({ where: { id } })).lastUsedAt;
    };
    expect(await lastUsed(NOW)).toEqual(NOW);
    expect(await lastUsed(new Date(NOW.getTime() + 30 * 60_000))).toEqual(NOW);
    const later = new Date(NOW.getTime() + 61 * 60_000);
    expect(await lastUsed(later)).toEqual(later);
  });

  it("refuses an empty label and an eleventh link", async () => {
    expect(CreateFeedSchema.safeParse({ label: "   " }).success).toBe(false);
    expect(CreateFeedSchema.safeParse({ label: "x".repeat(61) }).success).toBe(false);
    const { actor } = await world();
    for (let i = 0; i < MAX_ACTIVE_FEEDS; i++) await createCalendarFeed({ actor, label: `Appareil ${i}`, now: NOW });
    await expect(createCalendarFeed({ actor, label: "Un de trop", now: NOW })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("names weeks after their Monday, in French", () => {
    expect(weekStart("2026-06-11")).toBe("2026-06-08");
    expect(weekStart("2026-06-14")).toBe("2026-06-08");
    expect(weekStartLabel("2027-02-01")).toBe("1er février");
    expect(weekStartLabel("2027-01-18")).toBe("18 janvier");
    expect(webcalUrl("https://famille.exemple.fr/api/calendrier/x.ics")).toBe("webcal://famille.exemple.fr/api/calendrier/x.ics");
  });
});
