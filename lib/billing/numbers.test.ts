import { describe, expect, it } from "vitest";
import { canonicalPaymentIdentifier, newPaymentIdentifier, readPaymentIdentifier, storedSpellings } from "./numbers";

describe("the payment identifier", () => {
  it("is 20 characters of Crockford's base32, without I, L, O or U", () => {
    const identifiers = Array.from({ length: 200 }, newPaymentIdentifier);
    for (const id of identifiers) expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{20}$/);
    expect(new Set(identifiers).size).toBe(identifiers.length);
  });

  it("reads any case, spaces and dashes anywhere, 0/O and 1/I/L alike", () => {
    const read = (input: string) => {
      const result = readPaymentIdentifier(input);
      return result.ok ? result.canonical : result.message;
    };
    const canonical = "K7Q2M9XW4HT3NB8R0Z1V";
    expect(read(canonical)).toBe(canonical);
    expect(read("k7q2m9xw4ht3nb8r0z1v")).toBe(canonical);
    expect(read(" K7Q2-M9XW-4HT3-NB8R-0Z1V ")).toBe(canonical);
    expect(read("k7 q2m9-xw4h t3--nb8r 0z1v")).toBe(canonical);
    expect(read("K7Q2M9XW4HT3NB8ROZIV")).toBe(canonical);
    expect(read("K7Q2M9XW4HT3NB8RoZlV")).toBe(canonical);
    // A word processor's dash, pasted from a copied email.
    expect(read("K7Q2–M9XW–4HT3–NB8R–0Z1V")).toBe(canonical);
  });

  it("keeps what was typed, separators gone, for telling apart two older identifiers", () => {
    expect(readPaymentIdentifier("abcd-efgh ijkl-mnop-qrsu")).toEqual({
      ok: true,
      typed: "ABCDEFGHIJKLMNOPQRSU",
      canonical: "ABCDEFGH1JK1MN0PQRSU",
    });
  });

  it("says how many characters are missing or too many", () => {
    expect(readPaymentIdentifier("K7Q2-M9XW-4HT3-NB8R-0Z")).toEqual({
      ok: false,
      message: "L'identifiant compte 20 caractères : il en manque 2.",
    });
    expect(readPaymentIdentifier("K7Q2M9XW4HT3NB8R0Z1VA")).toEqual({
      ok: false,
      message: "L'identifiant compte 20 caractères : il y en a 1 de trop.",
    });
  });

  it("names a character that cannot be in it, as it was typed", () => {
    expect(readPaymentIdentifier("K7Q2M9XW4HT3NB8R0Z1#")).toEqual({
      ok: false,
      message: "Le caractère « # » ne peut pas figurer dans l'identifiant.",
    });
    expect(readPaymentIdentifier("k7q2m9xw4ht3nb8r0zé")).toEqual({
      ok: false,
      message: "Le caractère « é » ne peut pas figurer dans l'identifiant.",
    });
    expect(readPaymentIdentifier("K7Q2_M9XW")).toEqual({ ok: false, message: "Le caractère « _ » ne peut pas figurer dans l'identifiant." });
    expect(readPaymentIdentifier("K7Q2\u0000M9XW")).toEqual({ ok: false, message: "Le caractère invisible ne peut pas figurer dans l'identifiant." });
  });

  it("asks for it when only separators were typed", () => {
    expect(readPaymentIdentifier(" - ")).toEqual({ ok: false, message: "Indiquez l'identifiant de paiement en ligne." });
  });

  it("lists the stored spellings of a canonical form: the older alphabet had O for 0 and I or L for 1", () => {
    expect(canonicalPaymentIdentifier("ABOILU")).toBe("AB011U");
    expect(storedSpellings("ABCDEFGHJKMNPQRSTVWX")).toEqual(["ABCDEFGHJKMNPQRSTVWX"]);
    expect(storedSpellings("AB01CDEFGHJKMNPQRSTV")?.sort()).toEqual(
      ["AB01CDEFGHJKMNPQRSTV", "ABOICDEFGHJKMNPQRSTV", "ABOLCDEFGHJKMNPQRSTV"].sort(),
    );
    // 8 and 9 never were in the older alphabet: only a Crockford identifier has them.
    expect(storedSpellings("AB01CDEFGHJKMNPQRST8")).toEqual(["AB01CDEFGHJKMNPQRST8"]);
    // Too many 1s to list their spellings: the lookup compares in SQL.
    expect(storedSpellings("1111111ABCDEFGHJKMNP")).toBeNull();
  });
});
