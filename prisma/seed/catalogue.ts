import type { Db } from "@/lib/db/client";

const BRACKETS = [
  { qfMin: 0, qfMax: 450 },
  { qfMin: 451, qfMax: 800 },
  { qfMin: 801, qfMax: 1200 },
  { qfMin: 1201, qfMax: null },
];

/** Services, prestations and tariffs of the demo authority (prices in cents per bracket, RG/MSA and other régimes). */
export async function seedCatalogue(db: Db) {
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

  const cantine = await db.service.create({
    data: { name: "Cantine", description: "Réservation des repas cantines occasionnels ou irréguliers", sortOrder: 0 },
  });
  await product(cantine.id, {
    name: "Repas cantine",
    description: "Repas du midi, servi dans le restaurant scolaire du site de l'enfant.",
    prices: [250, 320, 400, 450],
    otherRegimeExtra: 50,
    deadlineDays: 2,
    deadlineTime: "10:00",
    defaultCapacity: 60,
  });

  const alsh = await db.service.create({
    data: { name: "Accueil de loisirs", description: "Mercredis et vacances scolaires, pour les enfants de 3 à 12 ans.", sortOrder: 1 },
  });
  await product(alsh.id, {
    name: "Journée",
    description: "Journée complète avec repas, de 7h30 à 18h30.",
    prices: [900, 1200, 1500, 1800],
    otherRegimeExtra: 200,
    minAgeYears: 3,
    maxAgeYears: 12,
    deadlineDays: 7,
    deadlineTime: "12:00",
    defaultCapacity: 40,
  });
  await product(alsh.id, {
    name: "Demi-journée",
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
  await product(peri.id, {
    name: "Garderie du matin",
    description: "De 7h30 au début de la classe.",
    prices: [100, 150, 200, 250],
    otherRegimeExtra: 30,
    deadlineDays: 1,
    deadlineTime: "18:00",
    defaultCapacity: 30,
  });
}
