import { describe, expect, it } from "vitest";
import { describeTariffDefaults, ineligibility, priceFor, type PricingHousehold, type TariffRow } from "@/lib/catalogue/rules";

const d = (day: string) => new Date(`${day}T00:00:00Z`);
const grid = (regime: TariffRow["regime"], prices: number[], validFrom = "2026-01-01", validTo: string | null = null): TariffRow[] =>
  [
    [0, 450],
    [451, 800],
    [801, null],
  ].map(([qfMin, qfMax], i) => ({
    id: `${regime ?? "tous"}-${validFrom}-${i}`,
    regime,
    qfMin: qfMin as number,
    qfMax: qfMax as number | null,
    unitPriceCents: prices[i],
    validFrom: d(validFrom),
    validTo: validTo ? d(validTo) : null,
  }));

const household = (over: Partial<PricingHousehold> = {}): PricingHousehold => ({ qf: 351, qfValidUntil: null, regime: "RG", ...over });
const DAY = "2026-06-09";
const price = (tariffs: TariffRow[], h: Partial<PricingHousehold>, day = DAY, defaults?: Parameters<typeof priceFor>[3]) =>
  priceFor(tariffs, household(h), day, defaults)?.unitPriceCents;

describe("pricing", () => {
  const tariffs = [...grid("RG", [250, 320, 450]), ...grid(null, [300, 370, 500])];

  it("prices by QF bracket and régime, naming the row and the reason", () => {
    expect(priceFor(tariffs, household(), DAY)).toEqual({
      unitPriceCents: 250,
      tariffId: "RG-2026-01-01-0",
      basis: "QF 351, régime général",
      defaulted: { qf: false, regime: false },
    });
    expect(price(tariffs, { qf: 451 })).toBe(320);
    expect(price(tariffs, { qf: 5000 })).toBe(450);
  });

  it("uses the régime-less rows for a régime without its own", () => {
    expect(priceFor(tariffs, household({ regime: "MSA" }), DAY)).toMatchObject({
      unitPriceCents: 300,
      tariffId: "tous-2026-01-01-0",
      basis: "QF 351, régime MSA sans tarif propre : grille tous régimes",
      defaulted: { qf: false, regime: false },
    });
  });

  it("prices a household without a régime on the default régime", () => {
    expect(priceFor(tariffs, household({ regime: null }), DAY)).toMatchObject({
      unitPriceCents: 250,
      basis: "QF 351, sans régime : régime général",
      defaulted: { qf: false, regime: true },
    });
    // The default régime without rows of its own falls back on the régime-less rows, like any régime.
    expect(priceFor(grid(null, [300, 370, 500]), household({ regime: null }), DAY)).toMatchObject({
      unitPriceCents: 300,
      basis: "QF 351, sans régime : grille tous régimes",
    });
  });

  it("prices a régime with no row, and no régime-less row, on the default régime", () => {
    const rgOnly = grid("RG", [250, 320, 450]);
    expect(priceFor(rgOnly, household({ regime: "MSA" }), DAY)).toMatchObject({
      unitPriceCents: 250,
      basis: "QF 351, régime MSA sans tarif propre : régime général",
      defaulted: { qf: false, regime: true },
    });
    expect(priceFor(rgOnly, household({ regime: "AUTRE", qf: null }), DAY)).toMatchObject({
      unitPriceCents: 450,
      basis: "sans quotient familial : tranche la plus haute du régime général (autre régime sans tarif propre)",
      defaulted: { qf: true, regime: true },
    });
    // Nothing for the household's régime, the régime-less rows nor the default régime: no price.
    expect(priceFor(grid("AUTRE", [1, 2, 3]), household({ regime: "MSA" }), DAY)).toBeUndefined();
  });

  it("charges the highest bracket without a valid QF", () => {
    expect(priceFor(tariffs, household({ qf: null }), DAY)).toMatchObject({
      unitPriceCents: 450,
      tariffId: "RG-2026-01-01-2",
      basis: "sans quotient familial : tranche la plus haute du régime général",
      defaulted: { qf: true, regime: false },
    });
    expect(priceFor(tariffs, household({ qfValidUntil: d("2026-06-08") }), DAY)).toMatchObject({
      unitPriceCents: 450,
      basis: "quotient familial expiré : tranche la plus haute du régime général",
    });
    expect(price(tariffs, { qfValidUntil: d("2026-06-09") })).toBe(250);
    expect(priceFor(tariffs, household({ qf: null, regime: "MSA" }), DAY)).toMatchObject({
      unitPriceCents: 500,
      basis: "sans quotient familial : tranche la plus haute de la grille tous régimes (régime MSA sans tarif propre)",
    });
  });

  it("prices a household with neither QF nor régime at the highest bracket of the general régime (the demo family)", () => {
    const rgOnly = grid("RG", [250, 320, 450]);
    expect(priceFor(rgOnly, household({ qf: null, regime: null }), DAY)).toEqual({
      unitPriceCents: 450,
      tariffId: "RG-2026-01-01-2",
      basis: "sans quotient familial ni régime : tranche la plus haute du régime général",
      defaulted: { qf: true, regime: true },
    });
  });

  it("finds the highest bracket without an unbounded row", () => {
    const bounded = grid("RG", [250, 320, 450]).map((t) => (t.qfMax == null ? { ...t, qfMax: 2000 } : t));
    expect(price(bounded, { qf: null })).toBe(450);
  });

  it("takes the tariff valid on the day", () => {
    const yearly = [...grid("RG", [250, 320, 450], "2026-01-01", "2026-08-31"), ...grid("RG", [260, 330, 460], "2026-09-01")];
    expect(price(yearly, {}, "2026-08-31")).toBe(250);
    expect(price(yearly, {}, "2026-09-01")).toBe(260);
    expect(price(yearly, {}, "2025-12-31")).toBeUndefined();
    expect(price(yearly, { qf: null }, "2026-08-31")).toBe(450);
    expect(price(yearly, { qf: null }, "2026-09-01")).toBe(460);
  });

  describe("two overlapping grids: the newest replaces the oldest", () => {
    // The 2024 grid was never closed; the 2026 one has other brackets.
    const old = grid("RG", [200, 300, 400], "2024-01-01");
    const current: TariffRow[] = [
      { id: "new-0", regime: "RG", qfMin: 0, qfMax: 600, unitPriceCents: 260, validFrom: d("2026-01-01"), validTo: null },
      { id: "new-1", regime: "RG", qfMin: 601, qfMax: 1200, unitPriceCents: 380, validFrom: d("2026-01-01"), validTo: null },
      { id: "new-2", regime: "RG", qfMin: 1201, qfMax: null, unitPriceCents: 520, validFrom: d("2026-01-01"), validTo: null },
    ];
    const both = [...old, ...current];
    const reversed = [...current, ...old];

    it("with a QF", () => {
      for (const rows of [both, reversed]) {
        expect(priceFor(rows, household({ qf: 351 }), DAY)?.tariffId).toBe("new-0");
        expect(priceFor(rows, household({ qf: 900 }), DAY)?.tariffId).toBe("new-1");
        expect(priceFor(rows, household({ qf: 5000 }), DAY)?.tariffId).toBe("new-2");
      }
    });

    it("without a QF", () => {
      for (const rows of [both, reversed]) {
        expect(priceFor(rows, household({ qf: null }), DAY)).toMatchObject({ unitPriceCents: 520, tariffId: "new-2" });
        expect(priceFor(rows, household({ qf: null, regime: null }), DAY)).toMatchObject({ unitPriceCents: 520, tariffId: "new-2" });
      }
    });

    it("before the new grid starts, the old one still prices", () => {
      expect(priceFor(both, household({ qf: null }), "2025-06-09")).toMatchObject({ unitPriceCents: 400, tariffId: "RG-2024-01-01-2" });
    });
  });

  describe("defaults set by staff", () => {
    const tariffs2 = [...grid("RG", [250, 320, 450]), ...grid("MSA", [240, 310, 440])];

    it("prices a household without a régime on the chosen régime", () => {
      expect(priceFor(tariffs2, household({ regime: null }), DAY, { regime: "MSA", qf: null })).toMatchObject({
        unitPriceCents: 240,
        basis: "QF 351, sans régime : régime MSA",
      });
      // A household whose régime has rows keeps them.
      expect(price(tariffs2, { regime: "RG" }, DAY, { regime: "MSA", qf: null })).toBe(250);
    });

    it("prices a household without a valid QF at the chosen QF", () => {
      expect(priceFor(tariffs2, household({ qf: null }), DAY, { regime: "RG", qf: 600 })).toMatchObject({
        unitPriceCents: 320,
        tariffId: "RG-2026-01-01-1",
        basis: "sans quotient familial : QF 600 du régime général",
        defaulted: { qf: true, regime: false },
      });
      expect(priceFor(tariffs2, household({ qf: null, regime: null }), DAY, { regime: "MSA", qf: 100 })).toMatchObject({
        unitPriceCents: 240,
        basis: "sans quotient familial ni régime : QF 100 du régime MSA",
      });
      // A household with a valid QF keeps its own.
      expect(price(tariffs2, { qf: 900 }, DAY, { regime: "RG", qf: 100 })).toBe(450);
    });

    it("reads as one sentence for staff", () => {
      expect(describeTariffDefaults({ regime: "RG", qf: null })).toBe(
        "Familles sans quotient familial ou sans régime : tranche la plus haute du régime général",
      );
      expect(describeTariffDefaults({ regime: "AUTRE", qf: 700 })).toBe("Familles sans quotient familial ou sans régime : QF 700 de l'autre régime");
    });
  });
});

describe("eligibility", () => {
  const product = { minAgeYears: 3, maxAgeYears: 12, siteIds: ["elem"], classIds: [] };
  const emma = { birthDate: d("2016-05-09"), schoolClassId: "cm1a", siteId: "elem" };

  it("checks the age on the booked day", () => {
    expect(ineligibility(product, emma, "2026-06-09")).toBeUndefined();
    expect(ineligibility(product, { ...emma, birthDate: d("2023-07-01") }, "2026-06-09")).toMatch(/au moins 3 ans/);
    expect(ineligibility(product, { ...emma, birthDate: d("2023-07-01") }, "2026-07-01")).toBeUndefined();
    expect(ineligibility(product, { ...emma, birthDate: d("2013-06-08") }, "2026-06-09")).toMatch(/12 ans au plus/);
    expect(ineligibility(product, { ...emma, birthDate: null }, "2026-06-09")).toMatch(/naissance/);
  });

  it("checks site and class only when the product lists them", () => {
    expect(ineligibility(product, { ...emma, siteId: "mat" }, "2026-06-09")).toMatch(/site/);
    expect(ineligibility({ ...product, siteIds: [] }, { ...emma, siteId: "mat" }, "2026-06-09")).toBeUndefined();
    expect(ineligibility({ ...product, classIds: ["ms"] }, emma, "2026-06-09")).toMatch(/classe/);
  });
});
