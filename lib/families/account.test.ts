import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { confirmEmailChange, requestEmailChange, updateOwnContact } from "./account";
import { getFamilyMember } from "./index";

async function parent(n: number) {
  const db = await getDb();
  const household = await db.household.create({ data: { name: `COMPTE${n}`, address1: "1 rue", postalCode: "34480", city: "Magalas" } });
  const person = await db.person.create({ data: { householdId: household.id, quality: "RESPONSABLE", lastName: `COMPTE${n}`, firstName: "Lea" } });
  const user = await db.user.create({
    data: { identifiant: `e${String(n).padStart(7, "0")}`, email: `compte.${n}@exemple.fr`, firstName: "Lea", lastName: "X", status: "ACTIVE", personId: person.id },
  });
  return { household, person, user };
}

/** The secret is only in the email; the test reads it back from the outbox file. */
async function lastConfirmSecret(to: string) {
  const { readdir, readFile } = await import("node:fs/promises");
  const path = await import("node:path");
  const { env } = await import("@/lib/env");
  const dir = path.join(env().dataDir, "outbox");
  const files = (await readdir(dir)).filter((f) => f.endsWith(".json")).sort();
  for (const file of files.reverse()) {
    const message = JSON.parse(await readFile(path.join(dir, file), "utf8")) as { to: string; html: string };
    if (message.to === to) return decodeURIComponent(/jeton=([^"&]+)/.exec(message.html)![1]);
  }
  throw new Error("no email");
}

describe("a parent's own contact details", () => {
  it("phones are saved on the account and the member record", async () => {
    const { household, person, user } = await parent(1);
    await updateOwnContact({ userId: user.id, phone: "04 67 00 00 00", mobile: "06 12 34 56 78" });
    const member = await getFamilyMember({ householdId: household.id, personId: person.id });
    expect(member).toMatchObject({ phone: "04 67 00 00 00", mobile: "06 12 34 56 78" });
  });

  it("a new email counts only once confirmed, and only once", async () => {
    const db = await getDb();
    const { user } = await parent(2);
    await requestEmailChange({ userId: user.id, email: "Nouvelle.Adresse@Exemple.fr" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe("compte.2@exemple.fr");
    const secret = await lastConfirmSecret("nouvelle.adresse@exemple.fr");
    await confirmEmailChange(secret);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe("nouvelle.adresse@exemple.fr");
    await expect(confirmEmailChange(secret)).rejects.toBeInstanceOf(AppError);
  });

  it("another household's member reads as missing", async () => {
    const a = await parent(3);
    const b = await parent(4);
    expect(await getFamilyMember({ householdId: b.household.id, personId: a.person.id })).toBeNull();
  });
});
