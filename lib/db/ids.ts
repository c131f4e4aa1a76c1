import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/**
 * An id for a row inserted by raw SQL, where Prisma's `cuid()` default does
 * not run: the same shape (a "c" and 24 lowercase letters and digits, about
 * 124 random bits), so nothing downstream can tell the two apart.
 */
export function newRowId(): string {
  return "c" + Array.from(randomBytes(24), (b) => ALPHABET[b % 36]).join("");
}
