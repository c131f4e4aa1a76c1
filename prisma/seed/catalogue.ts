import type { Actor } from "@/lib/audit";
import type { Db } from "@/lib/db/client";
import type { AbsenceCredit } from "@/lib/generated/prisma/client";
import { openMonth } from "@/lib/catalogue/calendar";
import { nextBookableDays } from "@/lib/catalogue/rules";
import { addMonths, dayToDate, monthOfDay, parisDay } from "@/lib/dates";

const BRACKETS = [
  { qfMin: 0, qfMax: 450 },
  { qfMin: 451, qfMax: 800 },
  { qfMin: 801, qfMax: 1200 },
  { qfMin: 1201, qfMax: null },
];

/**
 * Services, prestations and tariffs of the demo authority (prices in cents
 * per bracket, RG/MSA and other régimes). Childcare (accueil de loisirs,
 * garderie) counts on the tax certificate; canteen meals do not.
 */
export async function seedCatalogue(db: Db, actor: Actor) {
  const sites = await db.site.findMany();
  const validFrom = new Date("2026-01-01T00:00:00Z");
  const product = async (
    serviceId: string,
    spec: { name: string; description: string; prices: [number, number, number, number]; otherRegimeExtra: number } & Partial<{
      minAgeYears: number;
      maxAgeYears: number;
      deadlineDays: number;
      deadlineTime: string;
      defaultCapacity: number;
      openMonthsAhead: number;
      absenceCredit: AbsenceCredit;
      absenceCarenceDays: number;
      taxCertificateEligible: boolean;
    }>,
  ) => {
    const { prices, otherRegimeExtra, ...rest } = spec;
    return db.product.create({
      data: {
        serviceId,
        ...rest,
        sites: { connect: sites.map((s) => ({ id: s.id })) },
        tariffs: {
          create: BRACKETS.flatMap((b, i) => [
            { regime: "RG" as const, ...b, unitPriceCents: prices[i], validFrom },
            { regime: "MSA" as const, ...b, unitPriceCents: prices[i], validFrom },
            { regime: "AUTRE" as const, ...b, unitPriceCents: prices[i] + otherRegimeExtra, validFrom },
          ]),
        },
      },
    });
  };

  const opened: { id: string; weekdays: number[] }[] = [];

  const cantine = await db.service.create({
    data: { name: "Cantine", description: "Réservation des repas cantines occasionnels ou irréguliers", sortOrder: 0 },
  });
  const repas = await product(cantine.id, {
    name: "Repas cantine",
    description: "Repas du midi, servi dans le restaurant scolaire du site de l'enfant.",
    prices: [250, 320, 400, 450],
    otherRegimeExtra: 50,
    deadlineDays: 2,
    deadlineTime: "10:00",
    defaultCapacity: 60,
    // A sick child's meal is given back at once: the demo shows the credit
    // the day it is reported. The accueil de loisirs keeps the default
    // (credited on a certificate checked by staff).
    absenceCredit: "AUTO",
    absenceCarenceDays: 0,
  });

  const alsh = await db.service.create({
    data: { name: "Accueil de loisirs", description: "Mercredis et vacances scolaires, pour les enfants de 3 à 12 ans.", sortOrder: 1 },
  });
  const journee = await product(alsh.id, {
    name: "Journée",
    taxCertificateEligible: true,
    description: "Journée complète avec repas, de 7h30 à 18h30.",
    prices: [900, 1200, 1500, 1800],
    otherRegimeExtra: 200,
    minAgeYears: 3,
    maxAgeYears: 12,
    deadlineDays: 7,
    deadlineTime: "12:00",
    defaultCapacity: 40,
  });
  const demi = await product(alsh.id, {
    name: "Demi-journée",
    taxCertificateEligible: true,
    description: "Matin ou après-midi, sans repas.",
    prices: [450, 600, 750, 900],
    otherRegimeExtra: 100,
    minAgeYears: 3,
    maxAgeYears: 12,
    deadlineDays: 7,
    deadlineTime: "12:00",
    defaultCapacity: 20,
  });

  const peri = await db.service.create({
    data: { name: "Périscolaire", description: "Garderie du matin et du soir les jours d'école.", sortOrder: 2 },
  });
  const garderie = await product(peri.id, {
    name: "Garderie du matin",
    taxCertificateEligible: true,
    description: "De 7h30 au début de la classe.",
    prices: [100, 150, 200, 250],
    otherRegimeExtra: 30,
    deadlineDays: 1,
    deadlineTime: "18:00",
    defaultCapacity: 30,
  });

  // Open the current month and the next two as the administrator would: canteen and
  // garderie on school days (no school on Wednesdays), the ALSH on Wednesdays.
  const schoolDays = [1, 2, 4, 5];
  opened.push(
    { id: repas.id, weekdays: schoolDays },
    { id: garderie.id, weekdays: schoolDays },
    { id: journee.id, weekdays: [3] },
    { id: demi.id, weekdays: [3] },
  );
  const now = new Date();
  const first = monthOfDay(parisDay(now));
  for (const { id, weekdays } of opened) {
    for (let i = 0; i < 3; i++) await openMonth({ db, actor, productId: id, month: addMonths(first, i), weekdays });
  }

  // The first canteen day still open for booking is almost full: one place
  // left, the other taken by Léa MARTIN, so "Complet" shows after one booking.
  const [almostFull] = nextBookableDays(now, { weekdays: schoolDays, deadlineDays: 2, deadlineTime: "10:00", count: 1 });
  const lea = await db.person.findFirst({ where: { firstName: "Léa", lastName: "MARTIN" } });
  const slot = await db.slot.findUnique({ where: { productId_date: { productId: repas.id, date: dayToDate(almostFull) } } });
  if (lea && slot) {
    await db.slot.update({ where: { id: slot.id }, data: { capacity: 2 } });
    const tariff = await db.tariff.findFirst({ where: { productId: repas.id }, orderBy: { unitPriceCents: "desc" } });
    await db.booking.create({
      data: { slotId: slot.id, personId: lea.id, householdId: lea.householdId, status: "CONFIRMED", unitPriceCents: tariff?.unitPriceCents ?? 0, tariffId: tariff?.id },
    });
  }
}
