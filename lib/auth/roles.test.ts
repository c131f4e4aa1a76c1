import { isHTTPAccessFallbackError } from "next/dist/client/components/http-access-fallback/http-access-fallback";
import { getRedirectError } from "next/dist/client/components/redirect";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createAccount, createHousehold } from "@/lib/factories";
import type { Role, UserStatus } from "@/lib/generated/prisma/client";
import { assertActor, roleGrants } from "./roles";

const claims = vi.hoisted(() => ({ current: null as { id: string; sv: number } | null }));
vi.mock("@/auth", () => ({ sessionClaims: async () => claims.current }));

const { requireRole } = await import("./dal");

let n = 0;
async function signIn(role: Role, { status = "ACTIVE" as UserStatus, linked = role === "PARENT" } = {}) {
  n += 1;
  const db = await getDb();
  let personId: string | undefined;
  if (linked) {
    const household = await createHousehold(db, {
      name: `ROLE${n}`,
      address1: "1 rue du Test",
      postalCode: "75001",
      city: "Paris",
      members: [{ firstName: "P", lastName: `ROLE${n}`, quality: "RESPONSABLE" }],
    });
    personId = household.members[0].id;
  }
  const user = await createAccount(db, { email: `role${n}@exemple.fr`, firstName: "R", lastName: "R", role, status, personId });
  claims.current = { id: user.id, sv: user.sessionVersion };
  return user;
}

/** Where requireRole sent the visitor: "ok", "404" or the redirect's path. */
async function outcome(access: Parameters<typeof requireRole>[0]) {
  try {
    await requireRole(access);
    return "ok";
  } catch (error) {
    if (isHTTPAccessFallbackError(error)) return "404";
    if (isRedirectError(error)) return (error as ReturnType<typeof getRedirectError>).digest.split(";")[2];
    throw error;
  }
}

beforeEach(() => {
  claims.current = null;
});

describe("requireRole: the one check of pages and actions", () => {
  it("sends a signed-out visitor to sign in, whatever the access", async () => {
    for (const access of ["user", "parent", "staff", "admin"] as const) expect(await outcome(access)).toBe("/connexion");
  });

  it("admits a linked parent to parent pages and answers 404 on staff pages", async () => {
    await signIn("PARENT");
    expect(await outcome("user")).toBe("ok");
    expect(await outcome("parent")).toBe("ok");
    expect(await outcome("staff")).toBe("404");
    expect(await outcome("admin")).toBe("404");
  });

  it("sends a parent still under review, or not yet linked to a household, to the waiting page", async () => {
    await signIn("PARENT", { status: "PENDING_REVIEW", linked: false });
    expect(await outcome("parent")).toBe("/en-attente");
    await signIn("PARENT", { linked: false });
    expect(await outcome("parent")).toBe("/en-attente");
  });

  it("sends staff from parent pages to the back office, and keeps admin pages for administrators", async () => {
    await signIn("STAFF");
    expect(await outcome("parent")).toBe("/admin");
    expect(await outcome("staff")).toBe("ok");
    expect(await outcome("admin")).toBe("404");
    await signIn("ADMIN");
    expect(await outcome("staff")).toBe("ok");
    expect(await outcome("admin")).toBe("ok");
  });
});

describe("assertActor: the domain's check", () => {
  it("refuses a parent as staff and staff as admin, with a French message and 403", () => {
    const refusal = (role: Role, access: "staff" | "admin") => {
      try {
        assertActor({ role }, access);
        return null;
      } catch (error) {
        return error;
      }
    };
    expect(refusal("PARENT", "staff")).toMatchObject({ code: "FORBIDDEN", status: 403, message: "Cette action est réservée au personnel du service." });
    expect(refusal("STAFF", "admin")).toBeInstanceOf(AppError);
    expect(refusal("STAFF", "staff")).toBeNull();
    expect(refusal("ADMIN", "staff")).toBeNull();
    expect(refusal("ADMIN", "admin")).toBeNull();
  });

  it("grants an unknown access to nobody", () => {
    expect(roleGrants("ADMIN", "root" as never)).toBe(false);
  });
});
