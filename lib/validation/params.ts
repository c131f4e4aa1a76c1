import { notFound } from "next/navigation";
import { isId } from "./ids";

/**
 * The id a page takes from its URL, or the 404 page: an id PostgreSQL could
 * not even compare (a NUL, 10 000 characters) names nothing that exists, so it
 * never reaches a query. Works in generateMetadata too.
 */
export function requireIdParam(value: unknown): string {
  if (!isId(value)) notFound();
  return value;
}
