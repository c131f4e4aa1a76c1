import { describe, expect, it } from "vitest";
import {
  addMonths,
  ageOn,
  bookingDeadline,
  easterSunday,
  frenchPublicHolidays,
  isPastDeadline,
  openMonths,
  parisDay,
  parisInstant,
  parisTime,
  publicHoliday,
} from "@/lib/dates";
import { parseEuros } from "@/lib/money";

describe("French public holidays", () => {
  it("computes Easter and the days that follow it", () => {
    expect(easterSunday(2024)).toBe("2024-03-31");
    expect(easterSunday(2025)).toBe("2025-04-20");
    expect(easterSunday(2026)).toBe("2026-04-05");
    expect(easterSunday(2027)).toBe("2027-03-28");
    expect(publicHoliday("2026-04-06")).toBe("Lundi de Pâques");
    expect(publicHoliday("2026-05-14")).toBe("Ascension");
    expect(publicHoliday("2026-05-25")).toBe("Lundi de Pentecôte");
    expect(publicHoliday("2026-07-14")).toBe("Fête nationale");
    expect(publicHoliday("2026-06-09")).toBeUndefined();
    expect(frenchPublicHolidays(2026)).toHaveLength(11);
  });
});

describe("Paris time", () => {
  it("knows which Paris day it is around midnight, winter and summer", () => {
    expect(parisDay(new Date("2026-01-14T22:59:00Z"))).toBe("2026-01-14");
    expect(parisDay(new Date("2026-01-14T23:00:00Z"))).toBe("2026-01-15");
    expect(parisDay(new Date("2026-06-14T21:59:00Z"))).toBe("2026-06-14");
    expect(parisDay(new Date("2026-06-14T22:00:00Z"))).toBe("2026-06-15");
  });

  it("places deadlines at Paris wall-clock time across daylight-saving changes", () => {
    // Winter: UTC+1. 2 days before 2026-03-03 at 10:00 Paris = 09:00Z on 03-01.
    expect(bookingDeadline("2026-03-03", 2, "10:00").toISOString()).toBe("2026-03-01T09:00:00.000Z");
    // The deadline falls on the spring-forward day (29 March 2026): already UTC+2 at 10:00.
    expect(bookingDeadline("2026-03-31", 2, "10:00").toISOString()).toBe("2026-03-29T08:00:00.000Z");
    // Deadline on the Saturday before, still winter time, for a day in summer time.
    expect(bookingDeadline("2026-03-30", 2, "10:00").toISOString()).toBe("2026-03-28T09:00:00.000Z");
    // Autumn back (25 October 2026).
    expect(bookingDeadline("2026-10-27", 2, "10:00").toISOString()).toBe("2026-10-25T09:00:00.000Z");
    // Midnight deadlines: 00:00 Paris is the previous UTC day.
    expect(bookingDeadline("2026-06-10", 1, "00:00").toISOString()).toBe("2026-06-08T22:00:00.000Z");
  });

  it("reads the hours a daylight-saving change skips or repeats as @date-fns/tz's TZDate does, and the time of an instant", () => {
    // 02:30 does not exist on 29 March 2026: read with the winter offset, it is 03:30 summer time.
    expect(parisInstant("2026-03-29", "02:30").toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(parisInstant("2026-03-29", "01:59").toISOString()).toBe("2026-03-29T00:59:00.000Z");
    expect(parisInstant("2026-03-29", "03:00").toISOString()).toBe("2026-03-29T01:00:00.000Z");
    // 02:30 comes twice on 25 October 2026: the second, winter-time one.
    expect(parisInstant("2026-10-25", "02:30").toISOString()).toBe("2026-10-25T01:30:00.000Z");
    expect(parisInstant("2026-10-25", "01:30").toISOString()).toBe("2026-10-24T23:30:00.000Z");
    expect(parisTime(new Date("2026-10-25T00:59:00Z"))).toBe("02:59");
    expect(parisTime(new Date("2026-10-25T01:00:00Z"))).toBe("02:00");
    expect(parisTime(new Date("2026-03-29T00:59:00Z"))).toBe("01:59");
    expect(parisTime(new Date("2026-03-29T01:00:00Z"))).toBe("03:00");
  });

  it("closes a day exactly at its deadline", () => {
    expect(isPastDeadline("2026-06-09", 2, "10:00", new Date("2026-06-07T07:59:59Z"))).toBe(false);
    expect(isPastDeadline("2026-06-09", 2, "10:00", new Date("2026-06-07T08:00:00Z"))).toBe(true);
  });

  it("opens the current Paris month and the following ones", () => {
    // 31 Dec 23:30Z is already January in Paris.
    expect(openMonths(new Date("2026-12-31T23:30:00Z"), 2)).toEqual(["2027-01", "2027-02"]);
    expect(openMonths(new Date("2026-11-27T10:00:00Z"), 3)).toEqual(["2026-11", "2026-12", "2027-01"]);
    expect(addMonths("2026-12", 1)).toBe("2027-01");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
  });

  it("counts ages in whole years on the day", () => {
    expect(ageOn("2016-05-09", "2026-05-08")).toBe(9);
    expect(ageOn("2016-05-09", "2026-05-09")).toBe(10);
  });
});

describe("money", () => {
  it("parses cents", () => {
    expect(parseEuros("2,5")).toBe(250);
    expect(parseEuros("3")).toBe(300);
    expect(parseEuros("abc")).toBeUndefined();
  });
});
