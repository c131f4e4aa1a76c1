import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DECLARATION_COUNTS } from "@/prisma/seed-data";
import { RGAA_CRITERIA } from "./status";

// docs/rgaa-audit.md is the audit; the seed's declaration publishes its
// counts. Read back here so that a criterion moved in the grid without the
// declaration (or the other way round) fails, rather than the footer saying
// one thing and the grid another.

const grid = fs.readFileSync(path.resolve(import.meta.dirname, "../../docs/rgaa-audit.md"), "utf8");
const rows = [...grid.matchAll(/^\| (\d+)\.(\d+) \|[^|]*\| (C|NC|NA|NT) \|/gm)].map((m) => ({
  theme: Number(m[1]),
  criterion: `${m[1]}.${m[2]}`,
  status: m[3],
}));
const count = (status: string) => rows.filter((row) => row.status === status).length;

describe("the RGAA audit grid", () => {
  it("rates each of RGAA 4.1's 106 criteria once, theme by theme", () => {
    expect(new Set(rows.map((row) => row.criterion)).size).toBe(RGAA_CRITERIA);
    expect(rows).toHaveLength(RGAA_CRITERIA);
    const perTheme = Array.from({ length: 13 }, (_, i) => rows.filter((row) => row.theme === i + 1).length);
    expect(perTheme).toEqual([9, 2, 3, 13, 8, 2, 5, 10, 4, 14, 13, 11, 12]);
  });

  it("states its own totals", () => {
    expect(grid).toContain(`Totaux : C ${count("C")}, NC ${count("NC")}, NT ${count("NT")}, NA ${count("NA")}`);
  });

  it("is what the seed's declaration publishes, untested criteria counted as not met", () => {
    expect(DECLARATION_COUNTS).toEqual({
      criteriaMet: count("C"),
      criteriaNotMet: count("NC") + count("NT"),
      criteriaNotApplicable: count("NA"),
    });
  });
});
