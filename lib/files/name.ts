/**
 * Characters that change how a file name reads without being seen: controls
 * (C0, C1), Unicode format characters (bidi embeddings, overrides and
 * isolates U+202A–U+202E and U+2066–U+2069, the LRM/RLM/ALM marks, zero-width
 * characters, the BOM, soft hyphen, ...) and line/paragraph separators.
 * "facture\u202Efdp.exe" would otherwise show as "factureexe.pdf".
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** A sender's file name fit to show: the invisible characters removed. Pure, safe on the client. */
export function visibleFileName(name: string): string {
  return name.replace(INVISIBLE, "");
}
