import NextAuth, { CredentialsSignin } from "next-auth";
import { getToken } from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { authenticate } from "@/lib/accounts/authenticate";
import { clientAddress } from "@/lib/auth/client-address";
import { revokeSession } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";

/** Carries the domain's French message to the sign-in action. */
export class LoginRefused extends CredentialsSignin {
  constructor(message: string) {
    super(message);
    this.code = message;
  }
}

export const { handlers, signIn, signOut } = NextAuth(() => ({
  secret: env().authSecret,
  trustHost: true,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/connexion", error: "/connexion" },
  providers: [
    Credentials({
      credentials: { login: {}, password: {} },
      async authorize(credentials, request) {
        try {
          const user = await authenticate({
            login: String(credentials?.login ?? ""),
            password: String(credentials?.password ?? ""),
            address: clientAddress(request.headers),
          });
          return { id: user.id, sv: user.sessionVersion };
        } catch (error) {
          if (error instanceof AppError) throw new LoginRefused(error.message);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sv?: number }).sv ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      // Only ids travel in the session; the DAL reads the rest from the database.
      return { ...session, user: { id: token.uid as string, sv: token.sv as number } as never };
    },
  },
  events: {
    // Every sign-out (the app's action or POST /api/auth/signout) ends the
    // session on the server too: a copied cookie stops working.
    async signOut(message) {
      if ("token" in message && message.token) await revokeSession({ id: message.token.uid, sv: message.token.sv });
    },
  },
  logger: {
    // A refused sign-in is an expected outcome, not a server error.
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
}));

/**
 * The session's claims (only ids travel in it, see the session callback),
 * for the DAL: what `auth()` returns, at a third of its cost. From a Server
 * Component or an action, `auth()` runs Auth.js's whole session endpoint on
 * a made-up request: it decrypts the cookie, then encrypts a fresh one to
 * slide its expiry into a Set-Cookie that next-auth throws away there (it
 * reads only the JSON body). This decrypts it and nothing more, with
 * Auth.js's own reader: same cookie name, chunks and key (salted by the
 * name), same expiry check. The name follows the URL Auth.js builds for
 * that request (createActionURL in @auth/core): AUTH_URL when set, else the
 * forwarded protocol, https by default. The Authorization header getToken
 * would also read is not passed: sessions live in the cookie alone.
 */
export async function sessionClaims(): Promise<{ id: string; sv: number } | null> {
  const request = await headers();
  const url = process.env.AUTH_URL ?? process.env.NEXTAUTH_URL;
  const forwarded = request.get("x-forwarded-proto") ?? "https";
  const protocol = url ? new URL(url).protocol : forwarded.endsWith(":") ? forwarded : `${forwarded}:`;
  const token = await getToken({
    req: { headers: { cookie: request.get("cookie") ?? "" } },
    secret: env().authSecret,
    secureCookie: protocol === "https:",
  });
  return typeof token?.uid === "string" && typeof token.sv === "number" ? { id: token.uid, sv: token.sv } : null;
}
