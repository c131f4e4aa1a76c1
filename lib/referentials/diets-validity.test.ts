import { describe, expect, it } from "vitest";
import { createStaffActor, uniqueSuffix } from "@/lib/bookings/testing";
import { getDb } from "@/lib/db/client";
import { fieldErrors } from "@/lib/forms";
import {
  createDiet,
  createDocumentType,
  DietSchema,
  DocumentTypeSchema,
  DocumentTypeValiditySchema,
  listReferentials,
  renameDiet,
  setDietActive,
  setDocumentTypeValidity,
} from "./index";

describe("diets and document validity", () => {
  it("staff add, rename and deactivate a diet, each journaled as diet.save; a duplicate name is refused", async () => {
    const db = await getDb();
    const actor = await createStaffActor(db);
    const label = `Sans fruits à coque ${uniqueSuffix()}`;
    const diet = await createDiet({ actor, ...DietSchema.parse({ label: `  ${label} ` }) });
    expect(diet.label).toBe(label);
    await expect(createDiet({ actor, label })).rejects.toMatchObject({ code: "CONFLICT", message: "Un régime porte déjà ce nom." });
    const other = await createDiet({ actor, label: `Végétalien ${uniqueSuffix()}` });
    await expect(renameDiet({ actor, id: diet.id, label: other.label })).rejects.toMatchObject({ message: "Un régime porte déjà ce nom." });
    await renameDiet({ actor, id: diet.id, label: `${label} (noix)` });
    await renameDiet({ actor, id: diet.id, label: `${label} (noix)` });
    await setDietActive({ actor, id: diet.id, active: false });
    await expect(setDietActive({ actor, id: "inconnu", active: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listReferentials()).diets.find((d) => d.id === diet.id)).toMatchObject({ label: `${label} (noix)`, active: false, children: 0 });
    const events = await db.auditEvent.findMany({ where: { actorId: actor.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.action, (e.details as { change: string }).change])).toEqual([
      ["diet.save", "création"],
      ["diet.save", "création"],
      ["diet.save", `renommé (était « ${label} »)`],
      ["diet.save", "désactivé"],
    ]);
    expect(DietSchema.safeParse({ label: " " }).success).toBe(false);
  });

  it("sets a document type's validity in months, empty meaning without end, refusing nonsense in French", async () => {
    const db = await getDb();
    const actor = await createStaffActor(db);
    const parsed = DocumentTypeSchema.parse({ code: `dom_${uniqueSuffix()}`, label: "Justificatif", validityMonths: "3" });
    const type = await createDocumentType({ actor, ...parsed });
    expect(type.validityMonths).toBe(3);
    await setDocumentTypeValidity({ actor, ...DocumentTypeValiditySchema.parse({ id: type.id, validityMonths: "" }) });
    expect((await listReferentials()).documentTypes.find((d) => d.id === type.id)?.validityMonths).toBeNull();
    await setDocumentTypeValidity({ actor, id: type.id, validityMonths: 12 });
    expect((await db.documentType.findUniqueOrThrow({ where: { id: type.id } })).validityMonths).toBe(12);
    const bad = DocumentTypeValiditySchema.safeParse({ id: type.id, validityMonths: "0" });
    expect(fieldErrors(bad.error!)).toEqual({ validityMonths: "Durée de validité : 1 mois au moins." });
    expect(fieldErrors(DocumentTypeValiditySchema.safeParse({ id: type.id, validityMonths: "douze" }).error!)).toEqual({
      validityMonths: "Durée de validité : un nombre de mois.",
    });
    const changes = await db.auditEvent.findMany({ where: { actorId: actor.id, targetId: type.id }, orderBy: { createdAt: "asc" } });
    expect(changes.map((e) => (e.details as { change: string }).change)).toEqual(["création", "validité sans limite", "validité 12 mois"]);
  });
});
