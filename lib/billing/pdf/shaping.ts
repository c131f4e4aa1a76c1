import type { Font as FontkitFont, Glyph, GlyphPosition } from "fontkit";

/** Shaped words kept per font; an invoice or certificate has a few hundred, a batch repeats most of them. */
export const WORD_CACHE_LIMIT = 5_000;

type Layout = FontkitFont["layout"];
type Shaped = { glyphs: Glyph[]; positions: GlyphPosition[] };

/**
 * Makes a fontkit font shape text a word at a time and remember each word,
 * as pdfkit does for its own text. react-pdf shapes every text run whole and
 * anew, and Inter's contextual alternates make shaping most of a PDF's time:
 * "40,00 €" costs a fifth of a millisecond, a label a whole one, on every
 * invoice. A word ends after a space, which keeps its advance. What is lost is
 * positioning that looks across a space: Inter sets a figure that follows a
 * space slightly wider, so a run of dates is under 1 % narrower than shaped
 * whole. pdfkit's own text is set the same way.
 *
 * Only left-to-right text with the default features is cached (react-pdf passes `[]` unless a style
 * sets `fontFeatureSettings`): any other call goes to fontkit unchanged. The
 * cached glyph and position objects are shared, so callers must not mutate
 * them; react-pdf scales positions into new objects and only reads glyphs.
 */
export function shapeByWord(font: FontkitFont, limit = WORD_CACHE_LIMIT): void {
  const original: Layout = font.layout.bind(font);
  const words = new Map<string, Shaped>();

  const shapeWord = (word: string): Shaped => {
    const hit = words.get(word);
    if (hit) {
      // Most recently used last, so the oldest is the one dropped.
      words.delete(word);
      words.set(word, hit);
      return hit;
    }
    const { glyphs, positions } = (original as (...args: unknown[]) => Shaped)(word, undefined, undefined, undefined, "ltr");
    const shaped = { glyphs, positions };
    words.set(word, shaped);
    if (words.size > limit) words.delete(words.keys().next().value!);
    return shaped;
  };

  const layout = (text: string, features?: unknown, script?: unknown, language?: unknown, direction?: string) => {
    const defaults = features === undefined || (Array.isArray(features) && features.length === 0);
    // react-pdf orders bidirectional text itself and asks for "ltr"; a run
    // fontkit may reverse must be shaped whole.
    if (!defaults || script !== undefined || language !== undefined || direction !== "ltr") {
      return (original as (...args: unknown[]) => Shaped)(text, features, script, language, direction);
    }
    const glyphs: Glyph[] = [];
    const positions: GlyphPosition[] = [];
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      if (text[i] !== " ") continue;
      const word = shapeWord(text.slice(start, i + 1));
      glyphs.push(...word.glyphs);
      positions.push(...word.positions);
      start = i + 1;
    }
    if (start < text.length) {
      const word = shapeWord(text.slice(start));
      glyphs.push(...word.glyphs);
      positions.push(...word.positions);
    }
    return { glyphs, positions };
  };
  font.layout = layout as unknown as Layout;
}
