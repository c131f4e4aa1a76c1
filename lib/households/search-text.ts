/**
 * Household search ignores accents and case, on PostgreSQL and PGlite alike,
 * without the unaccent extension (PGlite lacks it): names are stored a second
 * time, normalised, in `searchText` columns that a database trigger keeps
 * up to date (migration household_search), and the query is normalised the
 * same way here. The SQL function `search_normalize` in that migration uses
 * exactly these two strings and replacements; a test checks they agree.
 */
export const SEARCH_ACCENTED = "àâäáãåÀÂÄÁÃÅçćÇĆéèêëÉÈÊËîïíìÎÏÍÌñÑôöóòõøÔÖÓÒÕØùûüúÙÛÜÚÿýŸÝ";
export const SEARCH_PLAIN = "aaaaaaaaaaaacccceeeeeeeeiiiiiiiinnoooooooooooouuuuuuuuyyyy";

const PLAIN_OF = new Map([...SEARCH_ACCENTED].map((c, i) => [c, SEARCH_PLAIN[i]]));

/** "Hélène Œuvray" → "helene oeuvray". */
export function normalizeSearchText(text: string): string {
  return [...text]
    .map((c) => PLAIN_OF.get(c) ?? c)
    .join("")
    .replace(/[œŒ]/g, "oe")
    .replace(/[æÆ]/g, "ae")
    .replace(/[A-Z]/g, (c) => c.toLowerCase());
}
