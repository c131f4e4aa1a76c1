import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { updateHousehold, updateMemberClass } from "./edit";
import { getHousehold, listHouseholdHistory } from "./index";

describe("staff edits of a household", () => {
  it("updates address, resources and a child's class, each in the household's history", async () => {
    const db = await getDb();
    const actor = await db.user.create({
      data: { identifiant: "a9000001", email: "agent.edit@mairie.fr", firstName: "Agent", lastName: "EDIT", role: "STAFF", status: "ACTIVE" },
      select: { id: true, role: true },
    });
    const household = await db.household.create({ data: { name: "EDIT", address1: "1 rue", postalCode: "34480", city: "Magalas" } });
    const other = await db.household.create({ data: { name: "AUTRE", address1: "2 rue", postalCode: "34480", city: "Magalas" } });
    const child = await db.person.create({ data: { householdId: household.id, quality: "ENFANT", lastName: "EDIT", firstName: "Jules" } });
    const site = await db.site.create({ data: { name: "École du Centre" } });
    const schoolClass = await db.schoolClass.create({ data: { siteId: site.id, name: "CP", teacher: "Mme Roux" } });

    await updateHousehold({
      actor,
      householdId: household.id,
      address1: "5 place de la Mairie",
      address2: null,
      postalCode: "34290",
      city: "Servian",
      qf: 480,
      regime: "RG",
      qfValidUntil: new Date("2027-06-30T00:00:00Z"),
      cafNumber: "998877",
    });
    await updateMemberClass({ actor, personId: child.id, schoolClassId: schoolClass.id });

    const after = await getHousehold(household.id);
    expect(after).toMatchObject({ address1: "5 place de la Mairie", city: "Servian", qf: 480, regime: "RG", cafNumber: "998877" });
    expect(after?.members[0]).toMatchObject({ schoolClass: "CP (École du Centre)", schoolClassId: schoolClass.id });
    const history = await listHouseholdHistory(household.id);
    expect(history.map((h) => h.actionLabel).sort()).toEqual(["Famille modifiée", "Membre de la famille modifié"]);
    expect(await listHouseholdHistory(other.id)).toEqual([]);
  });
});
