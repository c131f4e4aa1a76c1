import { describe, expect, it } from "vitest";
import { requestPasswordReset, type Later } from "@/lib/accounts/register";
import { getDb } from "@/lib/db/client";
import { createAccount } from "@/lib/factories";

/** Stands in for `after`: keeps the tasks until the test runs them, "after the answer". */
function collector() {
  const tasks: (() => Promise<void>)[] = [];
  const later: Later = (task) => void tasks.push(task);
  return { tasks, later, runAll: async () => Promise.all(tasks.splice(0).map((task) => task())) };
}

async function traces(userId?: string) {
  const db = await getDb();
  return {
    tokens: userId ? await db.token.count({ where: { userId, purpose: "PASSWORD_RESET" } }) : 0,
    emails: await db.emailMessage.count({ where: { template: "password-reset" } }),
  };
}

describe("password reset request timing", () => {
  it("does the same work before answering for a known and an unknown login: the account is only looked at afterwards", async () => {
    const db = await getDb();
    const user = await createAccount(db, { email: "timing@exemple.fr", password: "Ancien-2026", firstName: "T", lastName: "T" });
    const before = await traces(user.id);

    const known = collector();
    await requestPasswordReset(user.identifiant, { address: "t1", later: known.later });
    const unknown = collector();
    await requestPasswordReset("personne@inconnu.fr", { address: "t2", later: unknown.later });

    // Answered: nothing about the account has happened yet, on either path, and both left the same work behind.
    expect(await traces(user.id)).toEqual(before);
    expect(known.tasks).toHaveLength(1);
    expect(unknown.tasks).toHaveLength(1);

    await known.runAll();
    await unknown.runAll();
    const afterwards = await traces(user.id);
    expect(afterwards.tokens).toBe(before.tokens + 1);
    expect(afterwards.emails).toBe(before.emails + 1);
  });

  it("the address's rate limit is checked before answering, alike for both", async () => {
    const { later, tasks } = collector();
    for (let i = 0; i < 10; i++) await requestPasswordReset(`inconnu${i}@exemple.fr`, { address: "flood", later });
    await expect(requestPasswordReset("timing@exemple.fr", { address: "flood", later })).rejects.toThrow(/Trop de demandes/);
    expect(tasks).toHaveLength(10);
  });
});
