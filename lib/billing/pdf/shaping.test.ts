import { readFileSync } from "node:fs";
import * as fontkit from "fontkit";
import { describe, expect, it } from "vitest";
import { interTtf } from "./fonts";
import { shapeByWord } from "./shaping";

const load = () => fontkit.create(readFileSync(interTtf(400))) as fontkit.Font;
const shape = (font: fontkit.Font, text: string) => (font.layout as (...args: unknown[]) => fontkit.GlyphRun)(text, [], undefined, undefined, "ltr");
const summary = (run: { glyphs: fontkit.Glyph[]; positions: fontkit.GlyphPosition[] }) => ({
  ids: run.glyphs.map((g) => g.id),
  advance: run.positions.reduce((sum, p) => sum + p.xAdvance, 0),
});

/** A font that records the texts fontkit is asked to shape. */
function countingFont() {
  const font = load();
  const original = font.layout.bind(font);
  const calls: string[] = [];
  font.layout = ((text: string, ...rest: unknown[]) => {
    calls.push(text);
    return (original as (...args: unknown[]) => fontkit.GlyphRun)(text, ...rest);
  }) as typeof font.layout;
  return { font, calls };
}

describe("shapeByWord", () => {
  const texts = [
    "Cantine Repas cantine 4, 5, 7, 11, 12, 18, 19, 21, 26, 28 mai 2026",
    "Avis de paiement N° 9577 d'un montant de 1 234,50 €",
    "à\u00a0l'ordre\u00a0de\u00a0Régie\u00a0Périscolaire",
    "Famille ÇELİK-ŁUKASZEWSKA (n° 42) — « Accueil du soir » œuvre",
    "  deux  espaces ",
    "",
  ];

  it("gives fontkit's glyphs for the whole text, each word positioned as fontkit positions it alone", () => {
    const plain = load();
    const cached = load();
    shapeByWord(cached);
    const byWord = (text: string) => {
      const runs = (text.match(/[^ ]* |[^ ]+$/g) ?? []).map((word) => summary(shape(plain, word)));
      return { ids: runs.flatMap((r) => r.ids), advance: runs.reduce((sum, r) => sum + r.advance, 0) };
    };
    for (const text of texts) {
      const whole = summary(shape(plain, text));
      // Twice: the second time from the cache.
      for (const run of [shape(cached, text), shape(cached, text)]) {
        expect(summary(run), text).toEqual(byWord(text));
        expect(summary(run).ids, text).toEqual(whole.ids);
        // Inter narrows a figure after a space a little (contextual kerning): under 1 % of the line.
        expect(Math.abs(summary(run).advance - whole.advance), text).toBeLessThanOrEqual(whole.advance * 0.01);
      }
    }
  });

  it("shapes a word once, and leaves other features and directions to fontkit", () => {
    const { font, calls } = countingFont();
    shapeByWord(font);
    shape(font, "Repas cantine Repas");
    shape(font, "Repas cantine");
    expect(calls).toEqual(["Repas ", "cantine ", "Repas", "cantine"]);
    calls.length = 0;
    (font.layout as (...args: unknown[]) => unknown)("Repas", ["smcp"], undefined, undefined, "ltr");
    (font.layout as (...args: unknown[]) => unknown)("Repas", [], undefined, undefined, "rtl");
    expect(calls).toEqual(["Repas", "Repas"]);
  });

  it("keeps at most the given number of words, dropping the least recently used", () => {
    const { font, calls } = countingFont();
    shapeByWord(font, 2);
    shape(font, "a");
    shape(font, "b");
    shape(font, "a");
    shape(font, "c"); // drops b, the least recently used
    shape(font, "a");
    shape(font, "b");
    expect(calls).toEqual(["a", "b", "c", "b"]);
  });
});
