import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createCanteen, createFamily, createStaffActor } from "@/lib/bookings/testing";
import { getWorkingParents, setWorkingParentsConfirmation } from "./working-parents";

const NOW = new Date("2027-01-10T09:00:00Z");

describe("working parents, as staff confirm them", () => {
  it("confirms (recording the situation as declared), withdraws, audits each change and writes nothing when unchanged", async () => {
    const db = await getDb();
    const canteen = await createCanteen(db);
    const family = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    const staff = await createStaffActor(db);
    const householdId = family.household.id;
    await db.household.update({ where: { id: householdId }, data: { workingParents: true } });

    expect(await setWorkingParentsConfirmation({ actor: staff, householdId, confirm: true, now: NOW })).toEqual({ changed: true });
    expect(await getWorkingParents(householdId)).toMatchObject({ declared: true, confirmedAt: NOW, confirmedBy: "Agent GUICHET" });
    expect(await setWorkingParentsConfirmation({ actor: staff, householdId, confirm: true, now: NOW })).toEqual({ changed: false });
    expect(await db.auditEvent.count({ where: { action: "household.working_parents", targetId: householdId } })).toBe(1);

    await setWorkingParentsConfirmation({ actor: staff, householdId, confirm: false, now: NOW });
    expect(await getWorkingParents(householdId)).toMatchObject({ declared: true, confirmedAt: null, confirmedBy: null });
    const events = await db.auditEvent.findMany({ where: { action: "household.working_parents", targetId: householdId }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => (e.details as { confirmed: boolean }).confirmed)).toEqual([true, false]);

    // A parent cannot confirm their own household.
    const refused = await setWorkingParentsConfirmation({ actor: family.actor, householdId, confirm: true, now: NOW }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("FORBIDDEN");
  });
});
