import { normalizeSearchText } from "@/lib/households/search-text";

const MAX_TERMS = 5;

/**
 * How many of a household's rows a "Recherche" looks through, newest first.
 * A family sends a few dozen files and démarches over the years; the bound
 * only keeps a runaway household from loading without end.
 */
export const SEARCHED_ROWS = 1000;

/** How many matching rows a list shows. */
const SHOWN_ROWS = 200;

/**
 * The family's "Recherche" over its own files and démarches, given newest
 * first: the first matches, where every word appears in one of the row's
 * texts, ignoring case and accents ("helene" finds "Hélène"), by the same
 * normalisation as the staff household search. File and type names have no
 * normalised column to query, and one household's rows are few, so the
 * match runs here rather than in SQL.
 */
export function searchRows<T>(rows: T[], query: string, textsOf: (row: T) => (string | null)[]): T[] {
  const terms = normalizeSearchText(query).split(/\s+/).filter(Boolean).slice(0, MAX_TERMS);
  const matches = rows.filter((row) => {
    // A term has no space, so it cannot match across two texts joined by one.
    const haystack = normalizeSearchText(textsOf(row).filter(Boolean).join(" "));
    return terms.every((term) => haystack.includes(term));
  });
  return matches.slice(0, SHOWN_ROWS);
}
