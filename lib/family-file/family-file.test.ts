import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { dateToDay } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { createAccount, createHousehold } from "@/lib/factories";
import { acceptUpload } from "@/lib/files";
import { makePdf } from "@/lib/files/fixtures";
import { MIGRATIONS_DIR } from "@/lib/db/migrate";
import { acceptRequest, refuseRequest } from "@/lib/requests";
import {
  addPickupPerson,
  getChildFile,
  healthMarks,
  HEALTH_REQUEST_PENDING,
  listChildFilesForStaff,
  removePickupPerson,
  saveConsents,
  saveHealthFile,
  saveStaffNotes,
} from "./index";
import { AddPickupPersonSchema, HealthFileSchema } from "./schemas";

const NOW = new Date("2026-03-10T09:00:00Z");
let counter = 0;

// The PostgreSQL project empties every table between files, the data
// migration's rows (diets, PAI and VACCINS types, the SANTE request type)
// with them: they are put back from the migration itself, which is idempotent.
beforeAll(async () => {
  const db = await getDb();
  const sql = await readFile(path.join(MIGRATIONS_DIR, "20261205031800_family_file_data", "migration.sql"), "utf8");
  for (const statement of sql.split(/;\s*\n/).map((s) => s.replace(/^--.*$/gm, "").trim()).filter(Boolean)) {
    await db.$executeRawUnsafe(statement);
  }
});

async function family() {
  const db = await getDb();
  counter += 1;
  const household = await createHousehold(db, {
    name: `SANTE${counter}`,
    address1: "1 rue Vieille",
    postalCode: "34480",
    city: "Magalas",
    members: [
      { quality: "RESPONSABLE", firstName: "Marie", lastName: `SANTE${counter}` },
      { quality: "ENFANT", firstName: "Emma", lastName: `SANTE${counter}`, birthDate: "2018-04-02" },
    ],
  });
  const parentPerson = household.members.find((m) => m.quality === "RESPONSABLE")!;
  const child = household.members.find((m) => m.quality === "ENFANT")!;
  const user = await createAccount(db, { email: `sante.${counter}@exemple.fr`, firstName: "Marie", lastName: `SANTE${counter}`, personId: parentPerson.id });
  return { db, household, parentPerson, child, user, actor: { id: user.id, householdId: household.id } };
}

async function staffActor() {
  const db = await getDb();
  counter += 1;
  const user = await createAccount(db, { email: `agent.sante.${counter}@mairie.fr`, firstName: "Agent", lastName: "SERVICE", role: "STAFF" });
  return { id: user.id, role: user.role };
}

const upload = (userId: string) => acceptUpload({ bytes: makePdf(), name: "pai.pdf", address: "10.2.0.1", uploadedById: userId });
const key = () => `cle-sante-${Math.random().toString(36).slice(2)}-${Date.now()}`;

/** The health form as posted, parsed by its schema like the action does. */
const healthInput = (personId: string, fields: Record<string, unknown> = {}) =>
  HealthFileSchema.parse({
    personId,
    submissionKey: key(),
    doctorName: "Dr Durand",
    doctorPhone: "0467000000",
    dietIds: [],
    vaccinationsUpToDate: "oui",
    remarks: "",
    allergies: "",
    pai: "non",
    paiValidUntil: "",
    ...fields,
  });

async function appError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("family file: ownership", () => {
  it("answers NOT_FOUND for another household's child and for a member who is not a child, and writes nothing", async () => {
    const victim = await family();
    const attacker = await family();
    for (const personId of [victim.child.id, attacker.parentPerson.id]) {
      expect((await appError(saveHealthFile({ actor: attacker.actor, input: healthInput(personId), now: NOW }))).code).toBe("NOT_FOUND");
      const pickup = AddPickupPersonSchema.parse({ personId, kind: "EMERGENCY", name: "Paul Martin", relationship: "Oncle", phone: "0612345678" });
      expect((await appError(addPickupPerson({ actor: attacker.actor, input: pickup }))).code).toBe("NOT_FOUND");
      expect((await appError(saveConsents({ actor: attacker.actor, input: { personId, PHOTO: "oui" } }))).code).toBe("NOT_FOUND");
      expect(await getChildFile({ householdId: attacker.household.id, personId })).toBeNull();
    }
    const victimsPickup = await addPickupPerson({
      actor: victim.actor,
      input: AddPickupPersonSchema.parse({ personId: victim.child.id, kind: "AUTHORISED", name: "Jean Dupont", relationship: "Grand-père", phone: "0612345678" }),
    });
    // The attacker's own child with the victim's row id: the row is not theirs.
    expect((await appError(removePickupPerson({ actor: attacker.actor, personId: attacker.child.id, pickupPersonId: victimsPickup.id }))).code).toBe("NOT_FOUND");
    const db = await getDb();
    expect(await db.healthFile.count({ where: { personId: victim.child.id } })).toBe(0);
    expect(await db.consent.count({ where: { personId: victim.child.id } })).toBe(0);
    expect(await db.pickupPerson.count({ where: { personId: victim.child.id } })).toBe(1);
  });
});

describe("family file: health", () => {
  it("applies the doctor, diets and vaccinations at once; allergies and PAI wait for staff, who accept them", async () => {
    const { db, child, user, actor } = await family();
    const diets = await db.diet.findMany({ where: { label: { in: ["Sans porc", "Végétarien"] } }, orderBy: { label: "asc" } });
    const pai = await upload(user.id);
    const input = healthInput(child.id, {
      dietIds: diets.map((d) => d.id),
      allergies: "Arachide",
      pai: "oui",
      paiValidUntil: "2026-07-04",
      paiUpload: pai,
    });
    const saved = await saveHealthFile({ actor, input, now: NOW });
    expect(saved).toMatchObject({ applied: true, awaitingReview: true });
    expect(saved.requestId).toBeTruthy();

    const file = (await getChildFile({ householdId: actor.householdId, personId: child.id, now: NOW }))!;
    expect(file.health).toMatchObject({ doctorName: "Dr Durand", doctorPhone: "04 67 00 00 00", vaccinationsUpToDate: true, allergies: null, pai: false });
    expect(file.health.diets.map((d) => d.label).sort()).toEqual(["Sans porc", "Végétarien"]);
    expect(file.pendingHealthRequest).toMatchObject({ id: saved.requestId, allergies: "Arachide", pai: "oui", paiValidUntil: "2026-07-04" });
    expect(file.documents.pai).toHaveLength(1);
    expect(file.documents.pai[0].status).toBe("PENDING");
    expect((await healthMarks(db, [child.id], NOW)).get(child.id)).toEqual({ diets: ["Sans porc", "Végétarien"], pai: false, allergies: false });

    // The same form posted again (double click) finds the first request.
    expect(await saveHealthFile({ actor, input, now: NOW })).toEqual({ applied: false, requestId: saved.requestId, awaitingReview: true });
    // Saved again for the doctor only, with the pending values: allowed, no second request.
    const again = await saveHealthFile({
      actor,
      input: healthInput(child.id, { doctorName: "Dr Roux", dietIds: diets.map((d) => d.id), allergies: "Arachide", pai: "oui", paiValidUntil: "2026-07-04" }),
      now: NOW,
    });
    expect(again).toMatchObject({ applied: true, requestId: null, awaitingReview: true });
    expect(await db.request.count({ where: { personId: child.id } })).toBe(1);

    // Another change of the allergies while one is pending is refused, and nothing of that form is written.
    const refused = await appError(
      saveHealthFile({
        actor,
        input: healthInput(child.id, { doctorName: "Dr Faure", dietIds: [], allergies: "Arachide, kiwi", pai: "oui", paiValidUntil: "2026-07-04" }),
        now: NOW,
      }),
    );
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toBe(HEALTH_REQUEST_PENDING);
    const unchanged = (await getChildFile({ householdId: actor.householdId, personId: child.id, now: NOW }))!;
    expect(unchanged.health.doctorName).toBe("Dr Roux");
    expect(unchanged.health.diets).toHaveLength(2);

    const staff = await staffActor();
    await acceptRequest({ actor: staff, requestId: saved.requestId! });
    const accepted = (await getChildFile({ householdId: actor.householdId, personId: child.id, now: NOW }))!;
    expect(accepted.health).toMatchObject({ allergies: "Arachide", pai: true, paiValidUntil: "2026-07-04", paiValid: true });
    expect(accepted.pendingHealthRequest).toBeNull();
    expect(accepted.documents.pai[0].status).toBe("VALIDATED");
    expect((await healthMarks(db, [child.id], NOW)).get(child.id)).toMatchObject({ pai: true, allergies: true });
    // Past its end date, the PAI no longer marks the child on the day lists.
    expect((await healthMarks(db, [child.id], new Date("2026-07-05T08:00:00Z"))).get(child.id)?.pai).toBe(false);
    const audits = await db.auditEvent.findMany({ where: { targetId: child.id, action: "health.update" }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => a.actorId)).toEqual([user.id, user.id, staff.id]);
  });

  it("a refused SANTE request leaves the file as it was, and the page says it was refused", async () => {
    const { db, child, user, actor } = await family();
    await saveHealthFile({ actor, input: healthInput(child.id), now: NOW });
    const saved = await saveHealthFile({
      actor,
      input: healthInput(child.id, { allergies: "Lait", pai: "oui", paiValidUntil: "2026-09-01", paiUpload: await upload(user.id) }),
      now: NOW,
    });
    await refuseRequest({ actor: await staffActor(), requestId: saved.requestId!, reason: "Le PAI joint n'est pas signé." });
    const file = (await getChildFile({ householdId: actor.householdId, personId: child.id, now: NOW }))!;
    expect(file.health).toMatchObject({ allergies: null, pai: false, paiValidUntil: null });
    expect(file.pendingHealthRequest).toBeNull();
    expect(file.refusedHealthRequest).toMatchObject({ reason: "Le PAI joint n'est pas signé." });
    expect(file.documents.pai[0].status).toBe("REFUSED");
    expect(await healthMarks(db, [child.id], NOW)).toEqual(new Map([[child.id, { diets: [], pai: false, allergies: false }]]));
    // Once refused, a new request may be sent.
    const next = await saveHealthFile({ actor, input: healthInput(child.id, { allergies: "Lait" }), now: NOW });
    expect(next.requestId).toBeTruthy();
  });

  it("refuses a new PAI without its document or already over, with the field's French message and nothing written", async () => {
    const { db, child, actor } = await family();
    const missing = await appError(saveHealthFile({ actor, input: healthInput(child.id, { pai: "oui", paiValidUntil: "2026-07-04" }), now: NOW }));
    expect(missing.fieldErrors).toEqual({ paiFile: "Joignez le PAI signé." });
    const past = await appError(saveHealthFile({ actor, input: healthInput(child.id, { pai: "oui", paiValidUntil: "2026-03-09" }), now: NOW }));
    expect(past.fieldErrors?.paiValidUntil).toMatch(/passée/);
    const form = { personId: child.id, submissionKey: key(), vaccinationsUpToDate: "oui", pai: "oui", paiValidUntil: "" };
    expect(HealthFileSchema.safeParse(form).error?.issues[0]).toMatchObject({
      path: ["paiValidUntil"],
      message: "Indiquez jusqu'à quelle date le PAI est valable.",
    });
    expect(await db.healthFile.count({ where: { personId: child.id } })).toBe(0);
    expect(await db.request.count({ where: { personId: child.id } })).toBe(0);
  });
});

describe("family file: people and consents", () => {
  it("adds a person once however often the form is posted, and removes them once", async () => {
    const { db, child, actor } = await family();
    const input = AddPickupPersonSchema.parse({ personId: child.id, kind: "EMERGENCY", name: "Marie Durand", relationship: "Grand-mère", phone: "06 12 34 56 78" });
    const first = await addPickupPerson({ actor, input });
    expect(await addPickupPerson({ actor, input })).toEqual({ id: first.id, created: false });
    // Someone who may not pick the child up needs no phone; the others do.
    await addPickupPerson({ actor, input: AddPickupPersonSchema.parse({ personId: child.id, kind: "FORBIDDEN", name: "Luc Bernard", relationship: "Voisin" }) });
    expect(AddPickupPersonSchema.safeParse({ personId: child.id, kind: "AUTHORISED", name: "Luc", relationship: "Voisin" }).error?.issues[0].message).toBe(
      "Indiquez le téléphone de la personne.",
    );
    let file = (await getChildFile({ householdId: actor.householdId, personId: child.id }))!;
    expect(file.pickupPersons.map((p) => [p.kind, p.name, p.phone])).toEqual([
      ["EMERGENCY", "Marie Durand", "06 12 34 56 78"],
      ["FORBIDDEN", "Luc Bernard", null],
    ]);
    await removePickupPerson({ actor, personId: child.id, pickupPersonId: first.id });
    expect((await appError(removePickupPerson({ actor, personId: child.id, pickupPersonId: first.id }))).code).toBe("NOT_FOUND");
    file = (await getChildFile({ householdId: actor.householdId, personId: child.id }))!;
    expect(file.pickupPersons.map((p) => p.name)).toEqual(["Luc Bernard"]);
    expect(await db.auditEvent.count({ where: { targetId: child.id, action: { in: ["pickup.save", "pickup.delete"] } } })).toBe(3);
  });

  it("keeps every answer; the latest is in force, and only a changed answer writes a row", async () => {
    const { db, child, actor } = await family();
    expect(await saveConsents({ actor, input: { personId: child.id, PHOTO: "oui", OUTINGS: "oui" }, now: new Date("2026-03-01T10:00:00Z") })).toEqual({
      written: ["PHOTO", "OUTINGS"],
    });
    expect(await saveConsents({ actor, input: { personId: child.id, PHOTO: "non", OUTINGS: "oui", TRANSPORT: "oui" }, now: NOW })).toEqual({
      written: ["PHOTO", "TRANSPORT"],
    });
    // The same answers again (a double submit) write nothing.
    expect(await saveConsents({ actor, input: { personId: child.id, PHOTO: "non", OUTINGS: "oui", TRANSPORT: "oui" }, now: NOW })).toEqual({ written: [] });
    const file = (await getChildFile({ householdId: actor.householdId, personId: child.id }))!;
    const byKind = Object.fromEntries(file.consents.map((c) => [c.kind, c]));
    expect(byKind.PHOTO).toMatchObject({ given: false, byName: expect.stringMatching(/^Marie SANTE/), at: NOW });
    expect(byKind.OUTINGS).toMatchObject({ given: true, at: new Date("2026-03-01T10:00:00Z") });
    expect(byKind.EMERGENCY_CARE).toMatchObject({ given: null, at: null });
    expect(await db.consent.count({ where: { personId: child.id } })).toBe(4);
  });
});

describe("family file: staff", () => {
  it("keeps the staff's notes out of the family's view; a parent cannot write them", async () => {
    const { db, child, actor, user } = await family();
    const staff = await staffActor();
    expect(await saveStaffNotes({ actor: staff, personId: child.id, staffNotes: "Maman prévient si retard." })).toEqual({ changed: true });
    expect(await saveStaffNotes({ actor: staff, personId: child.id, staffNotes: "Maman prévient si retard." })).toEqual({ changed: false });
    expect((await appError(saveStaffNotes({ actor: { id: user.id, role: "PARENT" }, personId: child.id, staffNotes: "x" }))).code).toBe("FORBIDDEN");
    const [staffView] = await listChildFilesForStaff(actor.householdId);
    expect(staffView.staffNotes).toBe("Maman prévient si retard.");
    const familyView = await getChildFile({ householdId: actor.householdId, personId: child.id });
    expect(familyView).not.toHaveProperty("staffNotes");
    expect(JSON.stringify(familyView)).not.toContain("retard");
    expect(await db.auditEvent.count({ where: { targetId: child.id, action: "health.staff_notes" } })).toBe(1);
    expect(dateToDay(staffView.child.birthDate!)).toBe("2018-04-02");
  });
});
