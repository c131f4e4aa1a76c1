import { stripControlCharacters } from "./text";

// Every id the app hands out is a Prisma cuid() (25 lowercase letters and
// digits). The check is looser than that on purpose, so that a change of id
// format does not turn working links into 404s: what it must keep out is what
// makes PostgreSQL throw (NUL, invalid UTF-8) and what has no business in a
// URL segment (slashes, dots, spaces, 10 000 characters).
const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Whether a value taken from the URL or a form may be looked up as a record id. */
export function isId(value: unknown): value is string {
  return typeof value === "string" && ID.test(value);
}

export const SEARCH_MAX_LENGTH = 100;

/**
 * Free text from a search box (`?q=`, `?famille=`), safe to hand to Prisma:
 * the first value when the parameter is repeated, control characters (NUL
 * included) turned into spaces, spaces collapsed, at most 100 characters.
 * A search box is one place where silently tidying the input is the kind thing.
 */
export function cleanSearch(value: unknown): string {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first !== "string") return "";
  const tidy = stripControlCharacters(first).replace(/\s+/g, " ").trim();
  // Cut by code points, so that an emoji at the limit is not split into a lone surrogate.
  return Array.from(tidy).slice(0, SEARCH_MAX_LENGTH).join("").trim();
}
