import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect } from "vitest";
import { getDb } from "@/lib/db/client";
import { MIGRATIONS_DIR } from "@/lib/db/migrate";
import { AppError } from "@/lib/errors";
import { createAccount, createHousehold } from "@/lib/factories";
import { itOnPostgres } from "@/lib/test/postgres";
import { addPickupPerson, HEALTH_REQUEST_PENDING, saveConsents, saveHealthFile } from "./index";
import { AddPickupPersonSchema, HealthFileSchema } from "./schemas";

const RACERS = 6;

beforeAll(async () => {
  const db = await getDb();
  const sql = await readFile(path.join(MIGRATIONS_DIR, "20261205031800_family_file_data", "migration.sql"), "utf8");
  for (const statement of sql.split(/;\s*\n/).map((s) => s.replace(/^--.*$/gm, "").trim()).filter(Boolean)) {
    await db.$executeRawUnsafe(statement);
  }
});

async function family(tag: string) {
  const db = await getDb();
  const household = await createHousehold(db, {
    name: `COURSE ${tag}`,
    address1: "1 rue Vieille",
    postalCode: "34480",
    city: "Magalas",
    members: [
      { quality: "RESPONSABLE", firstName: "Marie", lastName: `COURSE ${tag}` },
      { quality: "ENFANT", firstName: "Emma", lastName: `COURSE ${tag}` },
    ],
  });
  const parent = household.members.find((m) => m.quality === "RESPONSABLE")!;
  const child = household.members.find((m) => m.quality === "ENFANT")!;
  const user = await createAccount(db, { email: `course.${tag}@exemple.fr`, firstName: "Marie", lastName: "COURSE", personId: parent.id });
  return { db, child, actor: { id: user.id, householdId: household.id } };
}

// Two parents (or two tabs) saving the same child's file at once: the
// household's lock makes the second wait and see what the first wrote.
describe("family file under concurrent posts", () => {
  itOnPostgres("sends one SANTE request for a child however many different changes race; the others are refused", async () => {
    const { db, child, actor } = await family("sante");
    const results = await Promise.allSettled(
      Array.from({ length: RACERS }, (_, i) =>
        saveHealthFile({
          actor,
          input: HealthFileSchema.parse({
            personId: child.id,
            submissionKey: `course-sante-${i}-${Date.now()}-xxxxxxxx`,
            vaccinationsUpToDate: "oui",
            allergies: `Allergie ${i}`,
            pai: "non",
          }),
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(AppError);
      expect((r as PromiseRejectedResult).reason.message).toBe(HEALTH_REQUEST_PENDING);
    }
    expect(await db.request.count({ where: { personId: child.id, status: "PENDING" } })).toBe(1);
  });

  itOnPostgres("writes one row for a person or a consent posted several times at once", async () => {
    const { db, child, actor } = await family("contacts");
    const input = AddPickupPersonSchema.parse({ personId: child.id, kind: "EMERGENCY", name: "Marie Durand", relationship: "Grand-mère", phone: "0612345678" });
    await Promise.all(Array.from({ length: RACERS }, () => addPickupPerson({ actor, input })));
    await Promise.all(Array.from({ length: RACERS }, () => saveConsents({ actor, input: { personId: child.id, PHOTO: "oui" } })));
    expect(await db.pickupPerson.count({ where: { personId: child.id } })).toBe(1);
    expect(await db.consent.count({ where: { personId: child.id } })).toBe(1);
  });
});
