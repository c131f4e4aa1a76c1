import { beforeEach, describe, expect, it, vi } from "vitest";
import { createCanteen, createFamily, createStaffActor } from "@/lib/bookings/testing";
import { getDb } from "@/lib/db/client";
import { formData, runAction } from "@/lib/test/pages";

const claims = vi.hoisted(() => ({ current: null as { id: string; sv: number } | null }));
vi.mock("@/auth", () => ({ sessionClaims: async () => claims.current }));
// Outside a request there is no cache to revalidate.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { confirmClosureAction } = await import("./actions");
const { requestClosureAction, cancelClosureAction } = await import("@/app/(famille)/mon-espace/mes-donnees/actions");

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
    expect(await runAction(requestClosureAction, formData())).toBe("redirect:/mon-espace/mes-donnees#fermer-mon-compte");
    expect(await runAction(requestClosureAction, formData())).toMatchObject({ status: "error", message: "La fermeture de votre compte est déjà demandée." });
    expect(await runAction(cancelClosureAction, formData())).toBe("redirect:/mon-espace/mes-donnees?fermeture=annulee#fermer-mon-compte");
    expect(await runAction(cancelClosureAction, formData())).toMatchObject({ status: "error", message: "Aucune demande de fermeture n'est en cours." });
    await runAction(requestClosureAction, formData());
    // A parent posting to the staff action is answered like any stranger to /admin.
    expect(await runAction(confirmClosureAction, formData({ householdId: family.household.id }))).toBe("404");

    claims.current = { id: staff.id, sv: 0 };
    expect(await runAction(confirmClosureAction, formData({ householdId: "../../etc" }))).toMatchObject({ status: "error", fieldErrors: { householdId: "Famille introuvable." } });
    expect(await runAction(confirmClosureAction, formData({ householdId: "inconnue" }))).toMatchObject({ status: "error", message: "Famille introuvable." });
    expect((await db.household.findUniqueOrThrow({ where: { id: family.household.id } })).closedAt).toBeNull();
    expect(await runAction(confirmClosureAction, formData({ householdId: family.household.id }))).toBe(`redirect:/admin/fermetures?fermee=${family.household.id}`);
    expect(await runAction(confirmClosureAction, formData({ householdId: family.household.id }))).toMatchObject({ status: "error", message: "Ce compte est déjà fermé." });
    expect(await db.auditEvent.count({ where: { action: "household.close", targetId: family.household.id } })).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: family.account.id } })).status).toBe("DISABLED");
  });
});
