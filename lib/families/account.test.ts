import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { confirmEmailChange, EMAIL_CHANGE_THROTTLED, requestEmailChange, updateOwnContact } from "./account";
import { getFamilyMember } from "@/lib/households";

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

describe("email-change requests are throttled", () => {
  const mailsTo = async (to: string) => (await getDb()).emailMessage.count({ where: { to } });

  it("one account gets 3 confirmation links an hour, whatever the addresses, then a French refusal and no mail", async () => {
    const { user } = await parent(10);
    for (let i = 1; i <= 3; i++) await requestEmailChange({ userId: user.id, email: `cible.${i}@exemple.fr` });
    const refused = requestEmailChange({ userId: user.id, email: "cible.4@exemple.fr" });
    await expect(refused).rejects.toMatchObject({ code: "THROTTLED", message: EMAIL_CHANGE_THROTTLED });
    expect(EMAIL_CHANGE_THROTTLED).toBe("Trop de demandes de changement d'adresse : réessayez dans une heure.");
    expect(await mailsTo("cible.4@exemple.fr")).toBe(0);
    // Not even the same address again.
    await expect(requestEmailChange({ userId: user.id, email: "cible.1@exemple.fr" })).rejects.toMatchObject({ code: "THROTTLED" });
    expect(await mailsTo("cible.1@exemple.fr")).toBe(1);
  });

  it("one address receives 3 links an hour, whichever accounts ask", async () => {
    const victim = "victime@exemple.fr";
    for (let n = 11; n <= 13; n++) {
      const { user } = await parent(n);
      await requestEmailChange({ userId: user.id, email: victim });
    }
    const { user } = await parent(14);
    await expect(requestEmailChange({ userId: user.id, email: "Victime@Exemple.fr" })).rejects.toMatchObject({
      code: "THROTTLED",
      message: EMAIL_CHANGE_THROTTLED,
    });
    expect(await mailsTo(victim)).toBe(3);
    // That account may still ask for another address.
    await requestEmailChange({ userId: user.id, email: "autre@exemple.fr" });
    expect(await mailsTo("autre@exemple.fr")).toBe(1);
  });

  it("requests fired all at once do not slip past the limit", async () => {
    const { user } = await parent(15);
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => requestEmailChange({ userId: user.id, email: `rafale.${i}@exemple.fr` })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    const db = await getDb();
    expect(await db.emailMessage.count({ where: { to: { startsWith: "rafale." } } })).toBe(3);
  });
});
