import type { Db } from "@/lib/db/client";
import { addDays, dayToDate, type Day } from "@/lib/dates";
import { createCampaign } from "@/lib/factories";
import { createCanteen, createFamily, openDays, uniqueSuffix } from "@/lib/bookings/testing";

// The world of the family-side campaign tests: two leisure centres open on
// the two weeks of the February holidays (one closed on a day), a third for
// the under-sixes only, a campaign over the three, and families whose
// children (born 2016) may go to the first two.

export const NOW = new Date("2027-01-10T09:00:00Z");
export const FIRST_DAY: Day = "2027-02-15";
/** Mon–Fri of two weeks */
export const DAYS: Day[] = [0, 1, 2, 3, 4, 7, 8, 9, 10, 11].map((n) => addDays(FIRST_DAY, n));
export const LAST_DAY: Day = DAYS[DAYS.length - 1];

export async function campaignWorld(db: Db, window: { opensAt?: Date; closesAt?: Date } = {}) {
  const base = await createCanteen(db, { capacity: 20 });
  const service = await db.service.create({ data: { name: `Accueil de loisirs ${uniqueSuffix()}` } });
  const centre = (name: string, extra: { maxAgeYears?: number } = {}) =>
    db.product.create({ data: { serviceId: service.id, name, defaultCapacity: 20, openMonthsAhead: 1, ...extra } });
  const pins = await centre("Centre des Pins");
  const sources = await centre("Centre des Sources");
  const petits = await centre("Les Petits Loups", { maxAgeYears: 6 });
  for (const p of [pins, sources, petits]) await openDays(db, p.id, DAYS, 20);
  // Les Sources is closed on the Wednesday of the first week.
  await db.slot.update({ where: { productId_date: { productId: sources.id, date: dayToDate(DAYS[2]) } }, data: { closed: true } });
  const campaign = await createCampaign(db, {
    label: "Vacances d'hiver 2027",
    productIds: [pins.id, sources.id, petits.id],
    firstDay: FIRST_DAY,
    lastDay: LAST_DAY,
    opensAt: window.opensAt ?? new Date("2027-01-05T08:00:00Z"),
    closesAt: window.closesAt ?? new Date("2027-01-20T22:59:00Z"),
    allocationDay: "2027-01-25",
  });
  const family = await createFamily(db, { schoolClassId: base.schoolClass.id, children: 2 });
  const other = await createFamily(db, { schoolClassId: base.schoolClass.id, children: 1 });
  return { db, service, pins, sources, petits, campaign, family, other };
}
