import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getActiveRequestType, listActiveRequestTypes } from "@/lib/requests";
import {
  createDocumentType,
  createRequestType,
  createSchoolClass,
  createSite,
  listReferentials,
  parseFieldLines,
  RequestTypeSchema,
  setRequestTypeActive,
} from "./index";

describe("referentials", () => {
  it("staff add sites, classes, document types and démarches; a deactivated démarche leaves the parents' list", async () => {
    const db = await getDb();
    const actor = await db.user.create({
      data: { identifiant: "a8000001", email: "agent.ref@mairie.fr", firstName: "A", lastName: "REF", role: "STAFF", status: "ACTIVE" },
      select: { id: true, role: true },
    });
    const site = await createSite({ actor, name: "École des Pins", address: null });
    await createSchoolClass({ actor, siteId: site.id, name: "CE1", teacher: "M. Blanc" });
    await expect(createSite({ actor, name: "École des Pins", address: null })).rejects.toBeInstanceOf(AppError);
    const type = await createDocumentType({ actor, code: "ATTESTATION", label: "Attestation employeur", description: null });
    const input = RequestTypeSchema.parse({
      code: "horaires",
      label: "Horaires atypiques",
      service: "Accueil de loisirs",
      action: "OTHER",
      needsMember: "on",
      documentTypeId: type.id,
      fields: "horaires | Vos horaires | textarea | obligatoire",
    });
    const created = await createRequestType({ actor, ...input });
    const listed = await getActiveRequestType("HORAIRES");
    expect(listed).toMatchObject({ label: "Horaires atypiques", needsMember: true, documentTypes: [{ label: "Attestation employeur" }] });
    expect(listed?.fields).toEqual([{ name: "horaires", label: "Vos horaires", type: "textarea", required: true }]);

    await setRequestTypeActive({ actor, id: created.id, active: false });
    expect((await listActiveRequestTypes()).map((t) => t.code)).not.toContain("HORAIRES");
    const all = await listReferentials();
    expect(all.sites[0].classes[0]).toMatchObject({ name: "CE1", teacher: "M. Blanc", pupils: 0 });
    expect(await db.auditEvent.count({ where: { action: "referential.update" } })).toBe(5);
  });

  it("explains a malformed field line", () => {
    expect(parseFieldLines("nom seulement").error).toMatch(/Ligne 1/);
  });
});
