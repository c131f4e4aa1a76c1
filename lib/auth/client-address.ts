/**
 * The client's address for throttling. Behind the host's proxy the first
 * X-Forwarded-For entry is the client; without a proxy there is no header.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "local";
}
