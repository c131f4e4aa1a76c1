import { describe, expect, it } from "vitest";
import type { StaffAbsenceRowDto } from "@/lib/absences";
import { formatCents } from "@/lib/format";
import { decisionMessage, groupAbsenceReports } from "./reports";

const row = (over: Partial<StaffAbsenceRowDto>): StaffAbsenceRowDto => ({
  id: "a1",
  reportId: "r1",
  householdId: "h1",
  householdName: "MARTIN (n° 12)",
  personId: "p1",
  childName: "Emma MARTIN",
  day: "2026-06-09",
  productName: "Repas cantine",
  reason: "MALADIE",
  comment: null,
  certificateDocumentId: "d1",
  status: "PENDING",
  creditCents: 0,
  refusalReason: null,
  createdAt: new Date("2026-06-08T06:00:00Z"),
  decidedAt: null,
  ...over,
});

describe("the staff's absence queue", () => {
  it("groups the days of one report, in the list's order, naming each child once", () => {
    const reports = groupAbsenceReports([
      row({ id: "a1" }),
      row({ id: "a2", day: "2026-06-11", personId: "p2", childName: "Lucas MARTIN" }),
      row({ id: "a3", reportId: "r2", householdName: "DURAND (n° 3)", childName: "Léa DURAND" }),
      row({ id: "a4", day: "2026-06-12" }),
    ]);
    expect(reports.map((r) => [r.reportId, r.days.map((d) => d.id), r.childNames])).toEqual([
      ["r1", ["a1", "a2", "a4"], ["Emma MARTIN", "Lucas MARTIN"]],
      ["r2", ["a3"], ["Léa DURAND"]],
    ]);
  });

  it("confirms a decision with the amount credited, or says nothing was, from the decided rows", () => {
    const decided = (rows: Partial<StaffAbsenceRowDto>[]) => decisionMessage(groupAbsenceReports(rows.map((r, i) => row({ id: `a${i}`, ...r })))[0]);
    expect(decided([{ status: "APPROVED", creditCents: 350 }, { status: "APPROVED", creditCents: 350 }])).toBe(
      // The space before the euro sign is Intl's own (no-break, its width depends on the ICU version).
      `Absence acceptée (Emma MARTIN, MARTIN (n° 12), 2 jours) : ${formatCents(700)} remboursés en avoir à la famille.`,
    );
    expect(decided([{ status: "APPROVED", creditCents: 0 }])).toBe(
      "Absence acceptée (Emma MARTIN, MARTIN (n° 12), 1 jour) : aucun montant remboursé (jours de carence ou prestation non remboursée).",
    );
    expect(decided([{ status: "REFUSED", refusalReason: "Certificat d'une autre date" }])).toBe(
      "Absence refusée (Emma MARTIN, MARTIN (n° 12)) : aucun remboursement. Motif : Certificat d'une autre date",
    );
    // Still waiting (a forged "traitee" link) or unknown: no confirmation at all.
    expect(decided([{ status: "PENDING" }])).toBeNull();
    expect(decisionMessage(undefined)).toBeNull();
  });
});
