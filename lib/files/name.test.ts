import { describe, expect, it } from "vitest";
import { displayName } from "./index";
import { visibleFileName } from "./name";

describe("visibleFileName", () => {
  it("removes bidi overrides, embeddings, isolates and marks", () => {
    // Shown as "factureexe.pdf" with the override left in.
    expect(visibleFileName("facture\u202Efdp.exe")).toBe("facturefdp.exe");
    for (const c of ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C"]) {
      expect(visibleFileName(`a${c}b.pdf`), c.codePointAt(0)!.toString(16)).toBe("ab.pdf");
    }
  });

  it("removes other invisible format and control characters, keeps accents and spaces", () => {
    expect(visibleFileName("a\u200Bb\u200Dc\uFEFFd\u00ADe\u2028f\u0000g\u0085h.pdf")).toBe("abcdefgh.pdf");
    expect(visibleFileName("Attestation employeur été 2025.pdf")).toBe("Attestation employeur été 2025.pdf");
    expect(visibleFileName("وثيقة.pdf")).toBe("وثيقة.pdf");
  });
});

describe("displayName strips them when the file is recorded", () => {
  it("keeps the real extension whatever the override tried to show", () => {
    expect(displayName("facture\u202Efdp.exe", "pdf")).toBe("facturefdp.pdf");
    expect(displayName("\u2067\u202E.pdf", "pdf")).toBe("document.pdf");
  });
});
