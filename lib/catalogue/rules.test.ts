import { describe, expect, it } from "vitest";
import { ineligibility, unitPrice, type TariffRow } from "@/lib/catalogue/rules";

const d = (day: string) => new Date(`${day}T00:00:00Z`);
const grid = (regime: TariffRow["regime"], prices: number[], validFrom = "2026-01-01", validTo: string | null = null): TariffRow[] =>
  [
    [0, 450],
    [451, 800],
    [801, null],
  ].map(([qfMin, qfMax], i) => ({
    regime,
    qfMin: qfMin as number,
    qfMax: qfMax as number | null,
    unitPriceCents: prices[i],
    validFrom: d(validFrom),
    validTo: validTo ? d(validTo) : null,
  }));

describe("pricing", () => {
  const tariffs = [...grid("RG", [250, 320, 450]), ...grid(null, [300, 370, 500])];

  it("prices by QF bracket and régime", () => {
    expect(unitPrice(tariffs, { qf: 351, qfValidUntil: null, regime: "RG" }, "2026-06-09")).toBe(250);
    expect(unitPrice(tariffs, { qf: 451, qfValidUntil: null, regime: "RG" }, "2026-06-09")).toBe(320);
    expect(unitPrice(tariffs, { qf: 5000, qfValidUntil: null, regime: "RG" }, "2026-06-09")).toBe(450);
  });

  it("uses the régime-less grid for a régime without its own", () => {
    expect(unitPrice(tariffs, { qf: 351, qfValidUntil: null, regime: "MSA" }, "2026-06-09")).toBe(300);
    expect(unitPrice(tariffs, { qf: 351, qfValidUntil: null, regime: null }, "2026-06-09")).toBe(300);
  });

  it("charges the highest bracket without a valid QF", () => {
    expect(unitPrice(tariffs, { qf: null, qfValidUntil: null, regime: "RG" }, "2026-06-09")).toBe(450);
    expect(unitPrice(tariffs, { qf: 351, qfValidUntil: d("2026-06-08"), regime: "RG" }, "2026-06-09")).toBe(450);
    expect(unitPrice(tariffs, { qf: 351, qfValidUntil: d("2026-06-09"), regime: "RG" }, "2026-06-09")).toBe(250);
  });

  it("takes the tariff valid on the day", () => {
    const yearly = [...grid("RG", [250, 320, 450], "2026-01-01", "2026-08-31"), ...grid("RG", [260, 330, 460], "2026-09-01")];
    expect(unitPrice(yearly, { qf: 351, qfValidUntil: null, regime: "RG" }, "2026-08-31")).toBe(250);
    expect(unitPrice(yearly, { qf: 351, qfValidUntil: null, regime: "RG" }, "2026-09-01")).toBe(260);
    expect(unitPrice(yearly, { qf: 351, qfValidUntil: null, regime: "RG" }, "2025-12-31")).toBeUndefined();
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
