import { describe, expect, it } from "vitest";
import { parseAttendanceRequest } from "./attendance";

const NOW = new Date("2026-06-15T10:00:00Z");

describe("parseAttendanceRequest", () => {
  it("accepts a period and ends it today at the latest", () => {
    expect(parseAttendanceRequest({ enfant: "c123", du: "2026-01-01", au: "2026-12-31" }, NOW)).toEqual({
      ok: true,
      request: { personId: "c123", from: "2026-01-01", to: "2026-06-15" },
    });
  });

  it("says in French what is wrong with each field", () => {
    expect(parseAttendanceRequest({ enfant: "", du: "01/02/2026", au: "" }, NOW)).toEqual({
      ok: false,
      fieldErrors: { enfant: "Choisissez l'enfant.", du: "Indiquez la date de début (jj/mm/aaaa).", au: "Indiquez la date de fin (jj/mm/aaaa)." },
    });
    expect(parseAttendanceRequest({ enfant: "c1", du: "2026-03-01", au: "2026-02-01" }, NOW)).toMatchObject({ fieldErrors: { au: "La date de fin doit être après la date de début." } });
    expect(parseAttendanceRequest({ enfant: "c1", du: "2026-07-01", au: "2026-07-02" }, NOW)).toMatchObject({ fieldErrors: { du: "La date de début ne peut pas être dans le futur." } });
    expect(parseAttendanceRequest({ enfant: "c1", du: "2025-01-01", au: "2026-06-01" }, NOW)).toMatchObject({ fieldErrors: { au: "La période ne peut pas dépasser un an." } });
    expect(parseAttendanceRequest({ enfant: "../x", du: "2026-01-01", au: "2026-01-02" }, NOW)).toMatchObject({ fieldErrors: { enfant: "Choisissez l'enfant." } });
  });
});
