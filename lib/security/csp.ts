/**
 * The Content-Security-Policy of the portal's pages, built per request by
 * proxy.ts around a fresh nonce. Next reads the nonce back from the request's
 * CSP header and puts it on its own scripts (every page renders at request
 * time: see app/layout.tsx), so no inline script runs without it.
 */

export type CspOptions = {
  /** Base64, fresh for every request (see newNonce). */
  nonce: string;
  /** `next dev` evaluates code (React's error overlays): allow eval there only. */
  development: boolean;
  /** Served over https: ask browsers to upgrade any http sub-request. */
  https: boolean;
  /** UploadThing in use: the browser sends files straight to its hosts. */
  uploadthing: boolean;
  /** Origin of the PayFiP payment page, where the payment form ends up (a redirect after the POST). */
  paymentOrigin?: string | null;
  /** Staff pages show PDFs in an <object>, served by the portal's own file route. */
  selfObjects?: boolean;
};

/** Hosts @uploadthing/react talks to from the browser: upload (ingest) and file URLs. */
export const UPLOADTHING_CONNECT_SOURCES = ["https://*.ingest.uploadthing.com", "https://utfs.io", "https://*.ufs.sh"];

export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

export function buildCsp(options: CspOptions): string {
  const { nonce } = options;
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(nonce)) throw new Error("Nonce CSP invalide.");
  const formAction = ["'self'"];
  const payment = options.paymentOrigin ? originOf(options.paymentOrigin) : null;
  if (payment) formAction.push(payment);
  const directives: [string, string[]][] = [
    ["default-src", ["'self'"]],
    ["script-src", ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(options.development ? ["'unsafe-eval'"] : [])]],
    // Next's route announcer, next/image and Tailwind's arbitrary values write style attributes.
    ["style-src", ["'self'", "'unsafe-inline'"]],
    ["img-src", ["'self'", "data:", "blob:"]],
    ["font-src", ["'self'"]],
    ["connect-src", ["'self'", ...(options.uploadthing ? UPLOADTHING_CONNECT_SOURCES : [])]],
    ["object-src", options.selfObjects ? ["'self'"] : ["'none'"]],
    ["frame-src", ["'self'"]],
    ["frame-ancestors", ["'none'"]],
    ["form-action", formAction],
    ["base-uri", ["'self'"]],
  ];
  const parts = directives.map(([name, values]) => `${name} ${values.join(" ")}`);
  if (options.https) parts.push("upgrade-insecure-requests");
  return parts.join("; ");
}

/** 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** `https://host[:port]`, or null for anything that is not an absolute http(s) URL. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.origin : null;
  } catch {
    return null;
  }
}
