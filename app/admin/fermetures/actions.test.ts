import { isRedirectError } from "next/dist/client/components/redirect-error";
import { isHTTPAccessFallbackError } from "next/dist/client/components/http-access-fallback/http-access-fallback";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createCanteen, createFamily, createStaffActor } from "@/lib/bookings/testing";
import { getDb } from "@/lib/db/client";
import { idle, type FormState } from "@/lib/forms";

const claims = vi.hoisted(() => ({ current: null as { id: string; sv: number } | null }));
vi.mock("@/auth", () => ({ sessionClaims: async () => claims.current }));
// Outside a request there is no cache to revalidate.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { confirmClosureAction } = await import("./actions");
const { requestClosureAction, cancelClosureAction } = await import("@/app/(famille)/mon-espace/mes-donnees/actions");

const form = (fields: Record<string, string> = {}) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

/** "redirect:<path>", "404", or the form state the action answered. */
async function run(action: (prev: FormState, data: unknown) => Promise<FormState>, data: FormData) {
  try {
    return await action(idle, data);
  } catch (error) {
    if (isRedirectError(error)) return `redirect:${error.digest.split(";")[2]}`;
    if (isHTTPAccessFallbackError(error)) return "404";
    throw error;
  }
}

beforeEach(() => {
  claims.current = null;
});

describe("closure actions", () => {
  it("the family asks from its own session; staff confirm once; a parent cannot confirm; a bad id changes nothing", async () => {
    const db = await getDb();
    const canteen = await createCanteen(db);
    const family = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    const staff = await createStaffActor(db);

    claims.current = { id: family.account.id, sv: 0 };
    expect(await run(requestClosureAction, form())).toBe("redirect:/mon-espace/mes-donnees#fermer-mon-compte");
    expect(await run(requestClosureAction, form())).toMatchObject({ status: "error", message: "La fermeture de votre compte est déjà demandée." });
    expect(await run(cancelClosureAction, form())).toBe("redirect:/mon-espace/mes-donnees?fermeture=annulee#fermer-mon-compte");
    expect(await run(cancelClosureAction, form())).toMatchObject({ status: "error", message: "Aucune demande de fermeture n'est en cours." });
    await run(requestClosureAction, form());
    // A parent posting to the staff action is answered like any stranger to /admin.
    expect(await run(confirmClosureAction, form({ householdId: family.household.id }))).toBe("404");

    claims.current = { id: staff.id, sv: 0 };
    expect(await run(confirmClosureAction, form({ householdId: "../../etc" }))).toMatchObject({ status: "error", fieldErrors: { householdId: "Famille introuvable." } });
    expect(await run(confirmClosureAction, form({ householdId: "inconnue" }))).toMatchObject({ status: "error", message: "Famille introuvable." });
    expect((await db.household.findUniqueOrThrow({ where: { id: family.household.id } })).closedAt).toBeNull();
    expect(await run(confirmClosureAction, form({ householdId: family.household.id }))).toBe(`redirect:/admin/fermetures?fermee=${family.household.id}`);
    expect(await run(confirmClosureAction, form({ householdId: family.household.id }))).toMatchObject({ status: "error", message: "Ce compte est déjà fermé." });
    expect(await db.auditEvent.count({ where: { action: "household.close", targetId: family.household.id } })).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: family.account.id } })).status).toBe("DISABLED");
  });
});
