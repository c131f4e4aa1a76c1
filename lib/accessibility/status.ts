// The conformity status and rate, derived from the audit's counts as RGAA 4.1
// defines them, never stored: the footer mention on every page and the
// declaration read the same numbers. No database and no "server-only": the
// staff form shows the result live with the same functions.

/** RGAA 4.1 has 106 criteria. */
export const RGAA_CRITERIA = 106;

export type ConformityStatus = "TOTAL" | "PARTIAL" | "NONE";

/** The words of the mention ("Accessibilité : partiellement conforme") and of the declaration. */
export const CONFORMITY_LABELS: Record<ConformityStatus, string> = {
  TOTAL: "totalement conforme",
  PARTIAL: "partiellement conforme",
  NONE: "non conforme",
};

export type AuditCounts = { criteriaMet: number | null; criteriaNotMet: number | null };

/** `rate` in percent, unrounded; null when there has been no audit (or nothing applicable was tested). */
export type Conformity = { status: ConformityStatus; rate: number | null };

/** 100 % is total conformity, from 50 % partial, below that (or with no audit) none. */
export function statusForRate(rate: number | null): ConformityStatus {
  if (rate === null) return "NONE";
  if (rate >= 100) return "TOTAL";
  return rate >= 50 ? "PARTIAL" : "NONE";
}

/** Rate = criteria met / (met + not met); the criteria that do not apply are left out. */
export function conformityOf({ criteriaMet, criteriaNotMet }: AuditCounts): Conformity {
  if (criteriaMet === null || criteriaNotMet === null || criteriaMet + criteriaNotMet === 0) {
    return { status: "NONE", rate: null };
  }
  const rate = (criteriaMet / (criteriaMet + criteriaNotMet)) * 100;
  return { status: statusForRate(rate), rate };
}

/** "87,5 %": one decimal, a French comma, and a no-break space so % never starts a line. */
export function formatRate(rate: number): string {
  return `${(Math.round(rate * 10) / 10).toFixed(1).replace(".", ",")}\u00a0%`;
}
