import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { isForeignOriginAction } from "@/lib/security/action-origin";
import { refuseActionBody, refusePath, type Refusal } from "@/lib/security/malformed";
import { STRICT_TRANSPORT_SECURITY, buildCsp, newNonce, originOf } from "@/lib/security/csp";

// Runs before every request but built assets (see the matcher): refuses
// what Next would answer with a 500 (undecodable paths, cross-site or
// undecodable server actions), sends anonymous visitors of private pages to
// the sign-in page, and gives each page its Content-Security-Policy around a
// fresh nonce.
//
// The sign-in redirect is only a convenience: every page and action still
// authorises itself through lib/auth/dal.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const PRIVATE_PREFIXES = ["/accueil", "/demandes", "/factures", "/mon-espace", "/admin"];

function isPrivate(pathname: string): boolean {
  return PRIVATE_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

function refuse({ status, message }: Refusal) {
  return new NextResponse(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const badPath = refusePath(pathname);
  if (badPath) return refuse(badPath);
  // API routes (JSON, files, Auth.js, PayFiP's notification, uploads) read
  // their own bodies and send no HTML: nothing more to do for them here.
  if (pathname.startsWith("/api/")) return NextResponse.next();

  // Next would refuse it too, but with a 500 and an error in the logs.
  if (isForeignOriginAction(request.method, request.headers)) {
    return refuse({ status: 403, message: "Requête refusée : origine non autorisée." });
  }
  const badBody = await refuseActionBody(request);
  if (badBody) return refuse(badBody);

  if (isPrivate(pathname)) {
    const signedIn = SESSION_COOKIES.some((name) => request.cookies.has(name));
    if (!signedIn) {
      return NextResponse.redirect(new URL("/connexion", request.url));
    }
  }

  const settings = env();
  const https = settings.appUrl.startsWith("https://");
  const nonce = newNonce();
  const csp = buildCsp({
    nonce,
    development: settings.nodeEnv === "development",
    https,
    uploadthing: Boolean(settings.uploadthingToken),
    paymentOrigin: paymentOrigin(settings.payfip.paymentPageUrl, settings.appUrl),
    selfObjects: pathname === "/admin" || pathname.startsWith("/admin/"),
  });

  // Next reads the nonce from the request's CSP header and stamps its scripts with it.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

/** PayFiP's page, unless it is the portal's own simulator (already 'self'). */
function paymentOrigin(paymentPageUrl: string, appUrl: string): string | null {
  const origin = originOf(paymentPageUrl);
  return origin && origin !== originOf(appUrl) ? origin : null;
}

export const config = {
  matcher: [
    // Every page and route. Not: built assets, the favicon, and the upload
    // routes: Next buffers a proxied request's body up to 10 MB and hands
    // the route only that much, which would cut a photo at the limit.
    "/((?!api/uploads|api/uploadthing|_next/static/|_next/image|favicon.ico).*)",
  ],
};
