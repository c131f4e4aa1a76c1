import { describe, expect, it } from "vitest";
import { cleanSearch, isId, SEARCH_MAX_LENGTH } from "./ids";
import { hasForbiddenCharacters, stripControlCharacters } from "./text";

describe("isId", () => {
  it("accepts the ids the app hands out", () => {
    for (const id of ["cmf3k2x9a0000qz8l5h2v7y1c", "clx0000000000000000000000", "IDENTITE", "QF_CAF", "a-b_c"]) expect(isId(id)).toBe(true);
  });

  it("refuses what PostgreSQL would choke on and what has no place in a URL segment", () => {
    for (const value of ["", "\u0000", "abc\u0000", "\ud800", "a".repeat(65), "../x", "a b", "a/b", "a.b", "%00", "é", "abc\n", null, undefined, 42, ["abc"], { id: "abc" }]) {
      expect(isId(value)).toBe(false);
    }
  });
});

describe("cleanSearch", () => {
  it("turns NUL and other control characters into spaces and trims", () => {
    expect(cleanSearch("\u0000")).toBe("");
    expect(cleanSearch("Du\u0000pont")).toBe("Du pont");
    expect(cleanSearch("  Martin\t\r\n  Lucas \u0007")).toBe("Martin Lucas");
  });

  it("keeps accents, apostrophes and emoji", () => {
    expect(cleanSearch("Hélène d'Arc 🙂")).toBe("Hélène d'Arc 🙂");
  });

  it("replaces lone surrogates", () => {
    expect(cleanSearch("a\ud800b").isWellFormed()).toBe(true);
  });

  it("takes the first of a repeated parameter and ignores what is not text", () => {
    expect(cleanSearch(["Durand", "Martin"])).toBe("Durand");
    expect(cleanSearch(undefined)).toBe("");
    expect(cleanSearch([])).toBe("");
    expect(cleanSearch(42)).toBe("");
    expect(cleanSearch({ q: "x" })).toBe("");
  });

  it("keeps at most 100 characters, without splitting an emoji", () => {
    expect(cleanSearch("a".repeat(10_000))).toHaveLength(SEARCH_MAX_LENGTH);
    const cut = cleanSearch("a".repeat(99) + "🙂🙂");
    expect(cut.isWellFormed()).toBe(true);
    expect(cut.endsWith("🙂")).toBe(true);
  });
});

describe("hasForbiddenCharacters / stripControlCharacters", () => {
  it("lets through what a keyboard types, tab and line breaks included", () => {
    expect(hasForbiddenCharacters("Ligne 1\r\nLigne 2\tfin — «é» 🙂")).toBe(false);
  });

  it("catches NUL, the other C0 controls, DEL and lone surrogates", () => {
    for (const value of ["\u0000", "a\u0001", "\u001f", "\u007f", "\u000b", "\ud800", "x\udfff"]) expect(hasForbiddenCharacters(value)).toBe(true);
  });

  it("strips to well-formed text without controls", () => {
    const stripped = stripControlCharacters("a\u0000b\nc\ud800");
    expect(hasForbiddenCharacters(stripped)).toBe(false);
    expect(stripped).toBe("a b c\ufffd");
  });
});
