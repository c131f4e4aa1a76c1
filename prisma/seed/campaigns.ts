import type { Actor } from "@/lib/audit";
import type { Db } from "@/lib/db/client";
import { addDays, dayToDate, parisDay, parisInstant, weekday } from "@/lib/dates";
import { saveCampaign } from "@/lib/campaigns/campaigns";
import { createCampaignRequest } from "@/lib/factories";
import { seedFileUpdateCampaign } from "./file-update";

const BRACKETS = [
  { qfMin: 0, qfMax: 450 },
  { qfMin: 451, qfMax: 800 },
  { qfMin: 801, qfMax: 1200 },
  { qfMin: 1201, qfMax: null },
];
// As the Journée of the accueil de loisirs (prisma/seed/catalogue.ts).
const PRICES = [900, 1200, 1500, 1800];
const OTHER_REGIME_EXTRA = 200;

/**
 * The demo's holiday campaign, "Vacances d'hiver": two centres of the
 * accueil de loisirs, the weekdays of a fortnight about ten weeks ahead,
 * requests open since yesterday and for two more weeks, the allocation two
 * days after they close (residents first, then siblings kept together), and
 * a few requests of the demo families. Saved through the staff function, so
 * its slots are opened and the journal has it.
 */
export async function seedCampaigns(db: Db, actor: Actor, now = new Date()) {
  const alsh = await db.service.findFirstOrThrow({ where: { name: "Accueil de loisirs" } });
  const sites = await db.site.findMany({ select: { id: true } });
  const validFrom = new Date("2026-01-01T00:00:00Z");
  const centre = (name: string, defaultCapacity: number, sortOrder: number) =>
    db.product.create({
      data: {
        serviceId: alsh.id,
        name,
        description: "Journée complète avec repas pendant les vacances scolaires, de 7h30 à 18h30. Inscriptions sur demande.",
        minAgeYears: 3,
        maxAgeYears: 12,
        deadlineDays: 7,
        deadlineTime: "12:00",
        defaultCapacity,
        sortOrder,
        // Childcare: on the tax certificate, as the other accueil de loisirs days.
        taxCertificateEligible: true,
        sites: { connect: sites },
        tariffs: {
          create: BRACKETS.flatMap((b, i) => [
            { regime: "RG" as const, ...b, unitPriceCents: PRICES[i], validFrom },
            { regime: "MSA" as const, ...b, unitPriceCents: PRICES[i], validFrom },
            { regime: "AUTRE" as const, ...b, unitPriceCents: PRICES[i] + OTHER_REGIME_EXTRA, validFrom },
          ]),
        },
      },
    });
  const pins = await centre("Vacances — Centre des Pins", 24, 10);
  const lac = await centre("Vacances — Centre du Lac", 16, 11);

  const today = parisDay(now);
  // The Monday about ten weeks ahead, and the two weeks from it.
  const inTenWeeks = addDays(today, 70);
  const monday = addDays(inTenWeeks, 1 - weekday(inTenWeeks));
  const closesOn = addDays(today, 14);
  const { id: campaignId } = await saveCampaign({
    db,
    actor,
    now,
    input: {
      label: "Vacances d'hiver",
      productIds: [pins.id, lac.id].sort(),
      firstDay: monday,
      lastDay: addDays(monday, 11),
      opensAt: parisInstant(addDays(today, -1), "08:30"),
      closesAt: parisInstant(closesOn, "18:00"),
      allocationDay: addDays(closesOn, 2),
      rules: ["RESIDENT", "SIBLINGS"],
      payWithinDays: 3,
      offerHours: 48,
    },
  });

  const days = await db.slot.findMany({ where: { productId: pins.id, date: { gte: dayToDate(monday) } }, orderBy: { date: "asc" }, select: { date: true } });
  const firstWeek = days.slice(0, 5).map((d) => d.date.toISOString().slice(0, 10));
  const child = (firstName: string, lastName: string) => db.person.findFirstOrThrow({ where: { firstName, lastName, quality: "ENFANT" } });
  // The DUPONT children together, first choice the Pins, the Lac if not; parents who work, declared, not yet confirmed.
  for (const kid of [await child("Emma", "DUPONT"), await child("Lucas", "DUPONT")]) {
    await createCampaignRequest(db, { campaignId, householdId: kid.householdId, personId: kid.id, firstProductId: pins.id, secondProductId: lac.id, together: true, days: firstWeek });
  }
  const lea = await child("Léa", "MARTIN");
  await createCampaignRequest(db, { campaignId, householdId: lea.householdId, personId: lea.id, firstProductId: lac.id, days: firstWeek.slice(1, 4) });
  await db.household.update({ where: { id: (await child("Emma", "DUPONT")).householdId }, data: { workingParents: true } });

  await seedFileUpdateCampaign(actor, now);
}
