import { NextResponse, type NextRequest } from "next/server";

// Only a convenience: anonymous visitors of private pages go to the sign-in
// page. Every page and action still authorises itself through lib/auth/dal.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const signedIn = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!signedIn) {
    return NextResponse.redirect(new URL("/connexion", request.url));
  }
  return NextResponse.next();
}

export const config = {
  matcher: ["/accueil/:path*", "/demandes/:path*", "/factures/:path*", "/mon-espace/:path*", "/admin/:path*"],
};
