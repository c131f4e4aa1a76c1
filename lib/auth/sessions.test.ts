import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { createAccount } from "@/lib/factories";

// The cookie's claims as sessionClaims() reads them; signOut only clears the cookie.
const claims = vi.hoisted(() => ({ current: null as { id: string; sv: number } | null }));
const signOut = vi.hoisted(() => vi.fn(async (_options?: unknown) => {}));
vi.mock("@/auth", () => ({
  sessionClaims: async () => claims.current,
  signOut,
}));

const { getCurrentUser } = await import("@/lib/auth/dal");
const { signOutAction, signOutEverywhereAction } = await import("@/lib/auth/actions");
const { revokeSession } = await import("@/lib/auth/sessions");

let n = 0;
async function signedIn() {
  n += 1;
  const db = await getDb();
  const user = await createAccount(db, { email: `session${n}@exemple.fr`, password: "Bonjour-2026", firstName: "S", lastName: "S" });
  const cookie = { id: user.id, sv: user.sessionVersion };
  claims.current = cookie;
  return { user, cookie };
}

beforeEach(() => {
  signOut.mockClear();
  claims.current = null;
});

describe("signing out", () => {
  it("ends the session on the server: a copy of the cookie no longer signs in", async () => {
    const { user, cookie } = await signedIn();
    expect((await getCurrentUser())?.id).toBe(user.id);

    await signOutAction(new FormData());
    expect(signOut).toHaveBeenCalledWith({ redirectTo: "/connexion" });

    // The copied cookie carries the same claims as before the sign-out.
    claims.current = { ...cookie };
    expect(await getCurrentUser()).toBeNull();
  });

  it("signing out with a stale cookie, or twice, bumps the version once", async () => {
    const { user, cookie } = await signedIn();
    await revokeSession(cookie);
    await revokeSession(cookie);
    await revokeSession({ id: user.id, sv: cookie.sv + 5 });
    await revokeSession({ id: user.id, sv: "0" });
    await revokeSession(null);
    const db = await getDb();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(cookie.sv + 1);
  });

  it("« Se déconnecter de tous les appareils » ends every session of the account and says so", async () => {
    const { user, cookie } = await signedIn();
    const db = await getDb();
    const other = await createAccount(db, { email: `autre${n}@exemple.fr`, firstName: "A", lastName: "A" });

    await signOutEverywhereAction(new FormData());
    expect(signOut).toHaveBeenCalledWith({ redirectTo: "/connexion?message=deconnecte-partout" });
    claims.current = { ...cookie };
    expect(await getCurrentUser()).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(cookie.sv + 1);
    // Nobody else's sessions move.
    expect((await db.user.findUniqueOrThrow({ where: { id: other.id } })).sessionVersion).toBe(other.sessionVersion);
  });

  it("« Se déconnecter de tous les appareils » needs a valid session", async () => {
    claims.current = null;
    await expect(signOutEverywhereAction(new FormData())).rejects.toThrow(/NEXT_REDIRECT/);
    expect(signOut).not.toHaveBeenCalled();
  });
});
