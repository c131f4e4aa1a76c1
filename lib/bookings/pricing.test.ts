import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { holdBookings } from "@/lib/bookings/hold";
import { priceSelections } from "@/lib/bookings/context";
import { summarizeSelections } from "@/lib/bookings/summary";
import { createCanteen, createFamily, newSubmissionKey, openDays, type TariffSpec } from "@/lib/bookings/testing";
import type { Regime } from "@/lib/generated/prisma/client";

// "now" is fixed: the 3 June 2026 at 10:00 Paris; June is open, days from the 8th are bookable.
const NOW = new Date("2026-06-03T08:00:00Z");
const DAY = "2026-06-09";

// Only régime RG rows, as in the demo: an old grid never closed and the 2026 grid that replaces it.
const RG_ONLY: TariffSpec[] = [
  { regime: "RG", qfMin: 0, qfMax: 450, unitPriceCents: 200, validFrom: "2024-01-01" },
  { regime: "RG", qfMin: 451, qfMax: null, unitPriceCents: 400, validFrom: "2024-01-01" },
  { regime: "RG", qfMin: 0, qfMax: 600, unitPriceCents: 260, validFrom: "2026-01-01" },
  { regime: "RG", qfMin: 601, qfMax: 1200, unitPriceCents: 380, validFrom: "2026-01-01" },
  { regime: "RG", qfMin: 1201, qfMax: null, unitPriceCents: 520, validFrom: "2026-01-01" },
];

async function setup({ tariffs = RG_ONLY, qf = null, regime = null }: { tariffs?: TariffSpec[]; qf?: number | null; regime?: Regime | null } = {}) {
  const db = await getDb();
  const canteen = await createCanteen(db, { tariffs });
  await openDays(db, canteen.product.id, [DAY, "2026-06-15"], 10);
  const family = await createFamily(db, { schoolClassId: canteen.schoolClass.id, qf, regime });
  const rows = await db.tariff.findMany({ where: { productId: canteen.product.id } });
  const tariffId = (validFrom: string, qfMin: number) =>
    rows.find((t) => t.validFrom.toISOString().startsWith(validFrom) && t.qfMin === qfMin)!.id;
  const selections = [DAY, "2026-06-15"].map((date) => ({ personId: family.children[0].id, productId: canteen.product.id, date }));
  return { db, canteen, family, tariffId, selections };
}

/** Staff set the rule; the settings row is written the way the settings page writes it (a single row, id 1). */
async function setDefaults(defaultTariffRegime: Regime, defaultTariffQf: number | null) {
  const db = await getDb();
  const required = {
    name: "Commune",
    address1: "1 place de la Mairie",
    postalCode: "34480",
    city: "Magalas",
    phone: "04 67 00 00 00",
    email: "jeunesse@commune.fr",
    openingHours: {},
    legalNotice: "…",
    accessibility: "…",
    cgu: "…",
    userGuide: "…",
  };
  await db.authoritySettings.upsert({
    where: { id: 1 },
    create: { id: 1, ...required, defaultTariffRegime, defaultTariffQf },
    update: { defaultTariffRegime, defaultTariffQf },
  });
}

afterEach(async () => {
  const db = await getDb();
  await db.authoritySettings.deleteMany({});
});

describe("pricing a household by the default rule", () => {
  it("lets a household with neither régime nor QF book on an RG-only grid, at the highest bracket of the newest grid", async () => {
    const { db, family, tariffId, selections } = await setup();

    const summary = await summarizeSelections({ householdId: family.household.id, responsible: "Claire", selections, now: NOW });
    expect(summary.lines).toMatchObject([{ quantity: 2, unitPriceCents: 520, totalCents: 1040 }]);
    expect(summary.pricingNote).toBe(
      "Tarif appliqué sans quotient familial : tranche la plus haute. Transmettez votre attestation CAF pour un tarif adapté.",
    );

    const result = await holdBookings({
      actor: family.actor,
      householdId: family.household.id,
      selections,
      submissionKey: newSubmissionKey(),
      now: NOW,
    });
    expect(result.totalCents).toBe(1040);
    const invoice = await db.invoice.findUniqueOrThrow({ where: { id: result.invoiceId }, include: { lines: true, bookings: true } });
    expect(invoice.lines).toMatchObject([{ quantity: 2, unitPriceCents: 520 }]);
    expect(invoice.bookings).toHaveLength(2);
    for (const booking of invoice.bookings) {
      expect(booking).toMatchObject({ unitPriceCents: 520, tariffId: tariffId("2026-01-01", 1201) });
    }
  });

  it("puts the tariff row and its reason on every priced selection", async () => {
    const { db, family, tariffId, selections } = await setup({ qf: 700, regime: "RG" });
    const { items } = await priceSelections(db, { householdId: family.household.id, selections, now: NOW });
    expect(items).toHaveLength(2);
    for (const item of items) {
      expect(item).toMatchObject({
        unitPriceCents: 380,
        tariffId: tariffId("2026-01-01", 601),
        priceBasis: "QF 700, régime général",
        priceDefaulted: { qf: false, regime: false },
      });
    }
    const summary = await summarizeSelections({ householdId: family.household.id, responsible: "Claire", selections, now: NOW });
    expect(summary.pricingNote).toBeNull();
  });

  it("prices a household with a QF but no régime on the default régime, without a note about the QF", async () => {
    const { family, selections } = await setup({ qf: 300 });
    const summary = await summarizeSelections({ householdId: family.household.id, responsible: "Claire", selections, now: NOW });
    expect(summary.lines).toMatchObject([{ unitPriceCents: 260 }]);
    expect(summary.pricingNote).toMatch(/sans régime connu/);
  });

  it("follows the rule staff set, read afresh by each pricing", async () => {
    const grid: TariffSpec[] = [
      ...RG_ONLY,
      { regime: "MSA", qfMin: 0, qfMax: 800, unitPriceCents: 240, validFrom: "2026-01-01" },
      { regime: "MSA", qfMin: 801, qfMax: null, unitPriceCents: 480, validFrom: "2026-01-01" },
    ];
    const { db, family, tariffId, selections } = await setup({ tariffs: grid });
    await setDefaults("RG", 700);
    const atQf700 = await summarizeSelections({ householdId: family.household.id, responsible: "Claire", selections, now: NOW });
    expect(atQf700.lines).toMatchObject([{ unitPriceCents: 380 }]);
    expect(atQf700.pricingNote).toMatch(/sans quotient familial : tarif d'un quotient familial de 700\./);

    await setDefaults("MSA", null);
    const { items } = await priceSelections(db, { householdId: family.household.id, selections, now: NOW });
    expect(items[0]).toMatchObject({
      unitPriceCents: 480,
      tariffId: tariffId("2026-01-01", 801),
      priceBasis: "sans quotient familial ni régime : tranche la plus haute du régime MSA",
      priceDefaulted: { qf: true, regime: true },
    });

    // Given defaults are used as they are, without reading the settings.
    const given = await priceSelections(db, {
      householdId: family.household.id,
      selections,
      now: NOW,
      tariffDefaults: { regime: "RG", qf: null },
    });
    expect(given.items[0]).toMatchObject({ unitPriceCents: 520, tariffId: tariffId("2026-01-01", 1201) });
  });

  it("refuses in French a day with no tariff at all", async () => {
    const { db, family, selections } = await setup({
      tariffs: [{ regime: "RG", qfMin: 0, qfMax: null, unitPriceCents: 300, validFrom: "2026-07-01" }],
    });
    const error = await priceSelections(db, { householdId: family.household.id, selections, now: NOW }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/^Aucun tarif n'est défini pour Repas cantine le mardi 9 juin 2026/);
  });
});
