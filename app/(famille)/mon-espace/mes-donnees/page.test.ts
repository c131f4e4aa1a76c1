import { beforeEach, describe, expect, it, vi } from "vitest";
import { createCanteen, createFamily, createStaffActor } from "@/lib/bookings/testing";
import { getDb } from "@/lib/db/client";
import { requestClosure } from "@/lib/privacy/closure";
import { renderPage } from "@/lib/test/pages";

const claims = vi.hoisted(() => ({ current: null as { id: string; sv: number } | null }));
vi.mock("@/auth", () => ({ sessionClaims: async () => claims.current }));

const { default: MyDataPage } = await import("./page");
const { default: ClosuresPage } = await import("@/app/admin/fermetures/page");
const { default: RegisterPage } = await import("@/app/admin/registre/page");

beforeEach(() => {
  claims.current = null;
});

describe("Mes données, Fermetures de compte and the registre", () => {
  it("show the family its downloads, history, retention and closure, then staff the closure to confirm", async () => {
    const db = await getDb();
    const canteen = await createCanteen(db);
    const family = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    const staff = await createStaffActor(db);

    claims.current = { id: family.account.id, sv: 0 };
    const first = await renderPage(MyDataPage({ searchParams: Promise.resolve({}) }));
    for (const text of ["Mes données", "Télécharger mes données (JSON)", "Version lisible (HTML)", "Documents (ZIP)", "Historique de mon dossier", "Durées de conservation", "Fermer mon compte", "Demander la fermeture de mon compte"]) {
      expect(first).toContain(text);
    }
    expect(first).toContain('href="/mon-espace/mes-donnees/json"');
    expect(first).toContain("Pièce d&#x27;identité envoyée à l&#x27;inscription</strong> : 1 mois après la vérification du compte, puis effacée");
    expect(first).not.toContain("Confirmer la demande de fermeture");

    const confirming = await renderPage(MyDataPage({ searchParams: Promise.resolve({ fermer: "confirmer" }) }));
    expect(confirming).toContain("Confirmer la demande de fermeture");
    expect(confirming).toContain("Vos factures et paiements sont conservés 10 ans");

    await requestClosure({ actor: { id: family.account.id, householdId: family.household.id }, now: new Date("2026-11-20T10:00:00Z") });
    const requested = await renderPage(MyDataPage({ searchParams: Promise.resolve({}) }));
    expect(requested).toContain("Demande de fermeture envoyée le 20/11/2026");
    expect(requested).toContain("Annuler la demande");
    expect(requested).toContain("Fermeture du compte demandée");

    claims.current = { id: staff.id, sv: 0 };
    const closures = await renderPage(ClosuresPage({ searchParams: Promise.resolve({}) }));
    expect(closures).toContain(family.household.name);
    expect(closures).toContain("Demandée le");
    expect(closures).toContain("Soldé");
    expect(closures).toContain(`href="/admin/fermetures?confirmer=${family.household.id}"`);
    const step = await renderPage(ClosuresPage({ searchParams: Promise.resolve({ confirmer: family.household.id }) }));
    expect(step).toContain("Fermer le compte et effacer les données");

    const register = await renderPage(RegisterPage());
    for (const text of ["Registre des traitements", "Comptes des familles", "Santé et sécurité des enfants", "Facturation et paiements", "Finalité", "Base légale", "Destinataires", "Durée de conservation", "10 ans après la dernière opération"]) {
      expect(register).toContain(text);
    }
  });
});
