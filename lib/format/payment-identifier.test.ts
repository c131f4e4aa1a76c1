import { describe, expect, it } from "vitest";
import { formatPaymentIdentifier } from "@/lib/format";

describe("payment identifiers", () => {
  it("prints groups of 4 joined by dashes", () => {
    expect(formatPaymentIdentifier("K7Q2M9XW4HT3NB8R0Z1V")).toBe("K7Q2-M9XW-4HT3-NB8R-0Z1V");
  });

  it("leaves a shorter last group as it is", () => {
    expect(formatPaymentIdentifier("ABCDEF")).toBe("ABCD-EF");
    expect(formatPaymentIdentifier("")).toBe("");
  });
});
