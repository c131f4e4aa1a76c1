import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createAccount } from "@/lib/factories";
import { addDays, parisDay } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { fieldErrors } from "@/lib/forms";
import { getConformity, getDeclaration } from "@/lib/accessibility";
import { DeclarationSchema } from "@/lib/accessibility/schemas";
import { updateDeclaration } from "@/lib/accessibility/update";

const today = parisDay(new Date());

const form = (overrides: Record<string, string> = {}): Record<string, string> => ({
  establishedOn: today,
  auditDate: today,
  auditor: "Auto-évaluation du service",
  criteriaMet: "35",
  criteriaNotMet: "5",
  criteriaNotApplicable: "40",
  "nonAccessible.0.content": "Factures PDF",
  "nonAccessible.0.reason": "NON_CONFORMITE",
  "nonAccessible.0.detail": "Non balisées.",
  "nonAccessible.0.alternative": "Version accessible",
  "nonAccessible.1.content": "",
  "nonAccessible.1.reason": "",
  "nonAccessible.1.detail": "",
  "nonAccessible.1.alternative": "",
  technologies: "HTML5\r\n\r\nCSS\r\n JavaScript ",
  testEnvironment: "Firefox et NVDA",
  tools: "axe-core",
  "pagesAudited.0.title": "Connexion",
  "pagesAudited.0.url": "/connexion",
  "pagesAudited.1.title": "",
  "pagesAudited.1.url": "",
  contactEmail: "Jeunesse@Val-Fleuri.example",
  contactAddress: "ZAE Les Garrigues\r\n34480 Magalas",
  contactFormUrl: "",
  multiYearPlanUrl: "www.val-fleuri.example/schema",
  actionPlanUrl: "https://www.val-fleuri.example/plan-2026",
  ...overrides,
});

const errorsOf = (fields: Record<string, string>) => {
  const parsed = DeclarationSchema.safeParse(fields);
  return parsed.success ? {} : fieldErrors(parsed.error);
};

async function createUser(role: "ADMIN" | "STAFF") {
  const id = randomBytes(4).toString("hex");
  const user = await createAccount(await getDb(), { email: `${id}@mairie.fr`, lastName: "Admin", firstName: "Alice", role });
  return { id: user.id, role: user.role };
}

describe("the declaration form", () => {
  it("reads repeated fieldsets and one-item-per-line lists, dropping blank rows", () => {
    const input = DeclarationSchema.parse(form());
    expect(input.nonAccessible).toEqual([{ content: "Factures PDF", reason: "NON_CONFORMITE", detail: "Non balisées.", alternative: "Version accessible" }]);
    expect(input.pagesAudited).toEqual([{ title: "Connexion", url: "/connexion" }]);
    expect(input.technologies).toEqual(["HTML5", "CSS", "JavaScript"]);
    expect(input.contactEmail).toBe("jeunesse@val-fleuri.example");
    expect(input.contactAddress).toBe("ZAE Les Garrigues\n34480 Magalas");
    expect(input.multiYearPlanUrl).toBe("https://www.val-fleuri.example/schema");
    expect(input.contactFormUrl).toBeNull();
    expect(input).toMatchObject({ criteriaMet: 35, criteriaNotMet: 5, criteriaNotApplicable: 40 });
  });

  it("takes dates typed dd/mm/yyyy as well as from a date input, never in the future", () => {
    expect(DeclarationSchema.parse(form({ establishedOn: "04/12/2026", auditDate: "3/12/2026" }))).toMatchObject({
      establishedOn: "2026-12-04",
      auditDate: "2026-12-03",
    });
    expect(errorsOf(form({ establishedOn: "31/02/2026" })).establishedOn).toMatch(/n'est pas valide/);
    expect(errorsOf(form({ establishedOn: addDays(today, 1) })).establishedOn).toMatch(/futur/);
    expect(errorsOf(form({ establishedOn: "" })).establishedOn).toMatch(/Indiquez la date/);
    expect(errorsOf(form({ establishedOn: "2026-01-01", auditDate: "2026-02-01" })).auditDate).toMatch(/ne peut pas suivre/);
  });

  it("takes counts as whole numbers adding up to at most 106", () => {
    expect(errorsOf(form({ criteriaMet: "-1" })).criteriaMet).toMatch(/entre 0 et 106/);
    expect(errorsOf(form({ criteriaMet: "3,5" })).criteriaMet).toMatch(/entre 0 et 106/);
    expect(errorsOf(form({ criteriaMet: "107" })).criteriaMet).toMatch(/entre 0 et 106/);
    expect(errorsOf(form({ criteriaMet: "60", criteriaNotMet: "7" })).criteriaMet).toMatch(/106 critères : les trois nombres en totalisent 107/);
    expect(errorsOf(form({ criteriaMet: "66", criteriaNotMet: "0" }))).toEqual({});
  });

  it("has all three counts, the audit's date and its author, or none of them", () => {
    const none = DeclarationSchema.parse(form({ criteriaMet: "", criteriaNotMet: "", criteriaNotApplicable: "", auditDate: "", auditor: "" }));
    expect(none).toMatchObject({ criteriaMet: null, criteriaNotMet: null, criteriaNotApplicable: null, auditDate: null });
    expect(errorsOf(form({ criteriaNotApplicable: "" })).criteriaNotApplicable).toMatch(/Indiquez aussi ce nombre/);
    expect(errorsOf(form({ auditDate: "" })).auditDate).toMatch(/date de l'audit/);
    expect(errorsOf(form({ auditor: "" })).auditor).toMatch(/qui a réalisé/);
    expect(errorsOf(form({ criteriaMet: "", criteriaNotMet: "", criteriaNotApplicable: "" })).criteriaMet).toMatch(/résultats de cet audit/);
  });

  it("names the field of a half-filled row, and refuses a reason it does not know", () => {
    const errors = errorsOf(
      form({
        "nonAccessible.1.detail": "Sans nom",
        "nonAccessible.0.reason": "AUTRE",
        "pagesAudited.0.url": "javascript:alert(1)",
        "pagesAudited.1.url": "/factures",
      }),
    );
    expect(errors["nonAccessible.1.content"]).toMatch(/Nommez le contenu/);
    expect(errors["nonAccessible.1.reason"]).toMatch(/Choisissez la raison/);
    expect(errors["nonAccessible.0.reason"]).toMatch(/Choisissez la raison/);
    expect(errors["pagesAudited.1.title"]).toMatch(/titre de la page/);
    expect(errors["pagesAudited.0.url"]).toMatch(/n'est pas valide/);
  });

  it("refuses a bad email, a missing postal address and more rows than the form offers", () => {
    const errors = errorsOf(form({ contactEmail: "jeunesse@", contactAddress: "  " }));
    expect(errors.contactEmail).toMatch(/n'est pas valide/);
    expect(errors.contactAddress).toMatch(/adresse postale/);
    const forged = form();
    for (let i = 0; i < 40; i++) {
      forged[`pagesAudited.${i}.title`] = `Page ${i}`;
      forged[`pagesAudited.${i}.url`] = `/p${i}`;
    }
    expect(errorsOf(forged).pagesAudited).toMatch(/au plus 30/);
    // An index past what a form could post is not a row at all (no 10⁹-long array).
    const input = DeclarationSchema.parse({ ...form(), "pagesAudited.1000000000.title": "x" });
    expect(input.pagesAudited).toHaveLength(1);
  });
});

describe("saving the declaration", () => {
  it("writes the single row, audited, and the footer's status follows the counts", async () => {
    const actor = await createUser("ADMIN");
    expect(await getConformity()).toEqual({ status: "NONE", rate: null });

    const first = await updateDeclaration({ actor, input: DeclarationSchema.parse(form()) });
    expect(first.changed).toContain("critères respectés");
    const saved = await getDeclaration();
    expect(saved).toMatchObject({ establishedOn: today, criteriaMet: 35, conformity: { status: "PARTIAL", rate: 87.5 } });
    expect(saved.pagesAudited).toEqual([{ title: "Connexion", url: "/connexion" }]);

    // Saving the same form again writes nothing.
    expect(await updateDeclaration({ actor, input: DeclarationSchema.parse(form()) })).toEqual({ changed: [] });

    const second = await updateDeclaration({ actor, input: DeclarationSchema.parse(form({ criteriaMet: "10", criteriaNotMet: "30" })) });
    expect(second.changed).toEqual(["critères respectés", "critères non respectés"]);
    const db = await getDb();
    expect(await db.accessibilityDeclaration.count()).toBe(1);
    const events = await db.auditEvent.findMany({ where: { targetId: "accessibilite" }, orderBy: { createdAt: "asc" } });
    expect(events).toHaveLength(2);
    expect(events[1].details).toMatchObject({
      label: "Déclaration d'accessibilité",
      from: "partiellement conforme (87,5\u00a0%)",
      to: "non conforme (25,0\u00a0%)",
    });
    expect(events.every((e) => e.actorId === actor.id)).toBe(true);
  });

  it("is for admins only", async () => {
    const agent = await createUser("STAFF");
    const error = await updateDeclaration({ actor: agent, input: DeclarationSchema.parse(form()) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("FORBIDDEN");
  });
});
