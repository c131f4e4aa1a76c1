import { afterEach, describe, expect, it } from "vitest";
import {
  formatCents,
  formatCivilDate,
  formatDate,
  formatDateTime,
  formatDay,
  formatEurosInput,
  formatCount,
  formatFileSize,
  fullDayLabel,
  longDayLabel,
  monthLabel,
  paymentStatusLabel,
  personName,
  pluralize,
  shortDayLabel,
  timeLeftLabel,
  timeLeftSpoken,
} from "@/lib/format";

const NNBSP = "\u202f"; // French thousands separator
const NBSP = "\u00a0"; // before the euro sign

describe("dates", () => {
  const tz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = tz;
  });

  it("reads a civil date stored at midnight UTC as that day, whatever the server's zone", () => {
    const newYearsDay = new Date("2026-01-01T00:00:00Z");
    process.env.TZ = "America/New_York"; // where that instant is still 31 December
    expect(formatCivilDate(newYearsDay)).toBe("01/01/2026");
    expect(formatCivilDate(null)).toBe("—");
  });

  it("dates a moment by the Paris calendar", () => {
    process.env.TZ = "UTC";
    // 22:30 UTC on 8 June is 00:30 on 9 June in Paris (summer time).
    expect(formatDate(new Date("2026-06-08T22:30:00Z"))).toBe("09/06/2026");
    expect(formatDate(undefined)).toBe("—");
  });

  it("reads a moment on the Paris clock across daylight-saving changes, as the seed writes it", () => {
    expect(formatDateTime(new Date("2026-11-27T09:35:00Z"))).toBe("27/11/2026 10:35");
    // Spring forward, 29 March 2026: 02:00 becomes 03:00.
    expect(formatDateTime(new Date("2026-03-29T00:30:00Z"))).toBe("29/03/2026 01:30");
    expect(formatDateTime(new Date("2026-03-29T01:30:00Z"))).toBe("29/03/2026 03:30");
    // Fall back, 25 October 2026: 02:30 happens twice.
    expect(formatDateTime(new Date("2026-10-25T00:30:00Z"))).toBe("25/10/2026 02:30");
    expect(formatDateTime(new Date("2026-10-25T01:30:00Z"))).toBe("25/10/2026 02:30");
  });

  it("names service days and months in French", () => {
    expect(formatDay("2026-06-09")).toBe("09/06/2026");
    expect(shortDayLabel("2026-06-09")).toBe("Ma 09");
    expect(longDayLabel("2026-06-09")).toBe("mardi 9 juin");
    expect(fullDayLabel("2026-06-09")).toBe("mardi 9 juin 2026");
    expect(monthLabel("2026-08")).toBe("août 2026");
  });
});

describe("money", () => {
  it("writes cents as French euros, with a narrow no-break space between thousands and a no-break space before €", () => {
    expect(formatCents(123450)).toBe(`1${NNBSP}234,50${NBSP}€`);
    expect(formatCents(800)).toBe(`8,00${NBSP}€`);
    expect(formatCents(-250)).toBe(`-2,50${NBSP}€`);
    expect(() => formatCents(1.5)).toThrow(RangeError);
  });

  it("writes cents back into an amount field as staff would type them", () => {
    expect(formatEurosInput(123450)).toBe("1234,50");
    expect(formatEurosInput(5)).toBe("0,05");
  });
});

describe("file sizes", () => {
  it("says o, Ko or Mo", () => {
    expect(formatFileSize(812)).toBe("812 o");
    expect(formatFileSize(200 * 1024)).toBe("200 Ko");
    expect(formatFileSize(10 * 1024 * 1024)).toBe("10 Mo");
    expect(formatFileSize(2.5 * 1024 * 1024)).toBe("2,5 Mo");
  });

  it("never says 0 Mo nor 1024 Ko: Ko up to a Mo, then Mo", () => {
    expect(formatFileSize(0)).toBe("0 o");
    expect(formatFileSize(1024)).toBe("1 Ko");
    expect(formatFileSize(40_000)).toBe("39 Ko");
    expect(formatFileSize(1024 * 1024 - 100)).toBe("1 Mo");
    expect(formatFileSize(1024 * 1024 - 1000)).toBe("1023 Ko");
  });
});

describe("counts", () => {
  it("keeps 0 and 1 singular and puts the rest in the plural", () => {
    expect(formatCount(0, "document")).toBe("0 document");
    expect(formatCount(1, "demande")).toBe("1 demande");
    expect(formatCount(2, "document")).toBe("2 documents");
    expect(formatCount(3, "journal", "journaux")).toBe("3 journaux");
    expect(pluralize(1, "non distribué")).toBe("non distribué");
    expect(pluralize(4, "non distribué")).toBe("non distribués");
  });
});

describe("the hold's countdown", () => {
  it("shows minutes and two-digit seconds", () => {
    expect(timeLeftLabel(14 * 60 + 5)).toBe("14 min 05 s");
    expect(timeLeftLabel(42)).toBe("0 min 42 s");
  });

  it("speaks the whole minutes the screen shows, not the minute above", () => {
    expect(timeLeftLabel(14 * 60 + 59)).toMatch(/^14 min/);
    expect(timeLeftSpoken(14 * 60 + 59)).toBe("Il reste 14 minutes pour payer.");
    expect(timeLeftSpoken(14 * 60)).toBe("Il reste 14 minutes pour payer.");
  });

  it("changes its words once a minute, so a polite live region is not chatty", () => {
    const spoken = new Set(Array.from({ length: 15 * 60 }, (_, i) => timeLeftSpoken(15 * 60 - i)));
    // 15 … 1 minutes and "moins d'une minute".
    expect(spoken.size).toBe(16);
  });

  it("warns two minutes before the end, then says when time is up", () => {
    expect(timeLeftSpoken(2 * 60 + 30)).toBe("Il reste 2 minutes pour payer : passé ce délai, les places retenues sont libérées.");
    expect(timeLeftSpoken(61)).toBe("Il reste 1 minute pour payer : passé ce délai, les places retenues sont libérées.");
    expect(timeLeftSpoken(3 * 60)).toBe("Il reste 3 minutes pour payer.");
    expect(timeLeftSpoken(59)).toBe("Il reste moins d'une minute pour payer.");
    expect(timeLeftSpoken(0)).toBe("Le délai de paiement est dépassé.");
  });
});

describe("payment states for staff", () => {
  it("says a payer left PayFiP while the attempt is still checked, and keeps the plain word otherwise", () => {
    expect(paymentStatusLabel({ status: "PENDING", abandonedByPayer: true })).toBe("Abandonné — vérification PayFiP en cours");
    expect(paymentStatusLabel({ status: "PENDING", abandonedByPayer: false })).toBe("En cours");
    expect(paymentStatusLabel({ status: "ABANDONED", abandonedByPayer: true })).toBe("Abandonné");
    expect(paymentStatusLabel({ status: "PAID", abandonedByPayer: false })).toBe("Payé");
  });
});

describe("names", () => {
  it("puts the family name first, in capitals", () => {
    expect(personName({ firstName: "Émile", lastName: "Dupont-Lévêque" })).toBe("DUPONT-LÉVÊQUE Émile");
  });
});
