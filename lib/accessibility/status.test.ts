import { describe, expect, it } from "vitest";
import { conformityOf, formatRate, statusForRate } from "./status";

describe("conformity status and rate (RGAA 4.1)", () => {
  it("is total at 100 %, partial from 50 %, none below", () => {
    expect(statusForRate(100)).toBe("TOTAL");
    expect(statusForRate(99.9)).toBe("PARTIAL");
    expect(statusForRate(50)).toBe("PARTIAL");
    expect(statusForRate(49.9)).toBe("NONE");
    expect(statusForRate(0)).toBe("NONE");
  });

  it("is none, without a rate, when there has been no audit", () => {
    expect(conformityOf({ criteriaMet: null, criteriaNotMet: null })).toEqual({ status: "NONE", rate: null });
    expect(conformityOf({ criteriaMet: 40, criteriaNotMet: null })).toEqual({ status: "NONE", rate: null });
    // Everything tested was "not applicable": nothing to measure.
    expect(conformityOf({ criteriaMet: 0, criteriaNotMet: 0 })).toEqual({ status: "NONE", rate: null });
  });

  it("divides the criteria met by those met or not met, leaving out those that do not apply", () => {
    expect(conformityOf({ criteriaMet: 35, criteriaNotMet: 5 })).toEqual({ status: "PARTIAL", rate: 87.5 });
    expect(conformityOf({ criteriaMet: 50, criteriaNotMet: 0 })).toEqual({ status: "TOTAL", rate: 100 });
    expect(conformityOf({ criteriaMet: 25, criteriaNotMet: 25 })).toEqual({ status: "PARTIAL", rate: 50 });
    expect(conformityOf({ criteriaMet: 24, criteriaNotMet: 26 }).status).toBe("NONE");
  });

  it("writes the rate the French way, with one decimal", () => {
    expect(formatRate(87.5)).toBe("87,5\u00a0%");
    expect(formatRate((52 / 53) * 100)).toBe("98,1\u00a0%");
    expect(formatRate(100)).toBe("100,0\u00a0%");
  });
});
