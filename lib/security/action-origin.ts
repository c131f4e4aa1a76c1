/**
 * Next refuses a server action whose Origin is not the request's host (its
 * CSRF check), but answers 500 — with an error logged — as if the server had
 * failed. proxy.ts asks the same question first and answers 403.
 *
 * Same rule as Next (next/dist/server/app-render/action-handler.js): a
 * request Next may treat as an action (POST with a Next-Action header, or a
 * form POST — multipart or url-encoded — for the progressive, script-less
 * forms) whose Origin is present and matches neither the first
 * x-forwarded-host nor the host. No Origin: let through, as Next does (not a
 * browser, or one that sends no credentials cross-site anyway). "null"
 * (sandboxed or privacy-redirected contexts) is foreign.
 */
export function isForeignOriginAction(method: string, headers: Headers): boolean {
  if (method.toUpperCase() !== "POST") return false;
  const contentType = (headers.get("content-type") ?? "").toLowerCase();
  const possibleAction =
    headers.has("next-action") ||
    contentType.startsWith("multipart/form-data") ||
    contentType.startsWith("application/x-www-form-urlencoded");
  if (!possibleAction) return false;
  const origin = headers.get("origin");
  if (origin === null) return false;
  const originHost = hostOf(origin);
  if (!originHost) return true;
  const forwardedHost = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = headers.get("host");
  return originHost !== forwardedHost && originHost !== host;
}

function hostOf(origin: string): string | null {
  if (origin === "null") return null;
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
