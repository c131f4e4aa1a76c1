import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createAccount } from "@/lib/factories";
import { getServiceEmails, setServiceEmails, unsubscribeFromServiceEmails, unsubscribeUrl } from "./unsubscribe";

async function parent(email: string) {
  return createAccount(await getDb(), { email, firstName: "Claire", lastName: "Fabre" });
}

const auditOf = async (userId: string) =>
  (await getDb()).auditEvent.findMany({ where: { action: "account.service_emails", targetId: userId }, orderBy: { createdAt: "asc" }, select: { actorId: true, details: true } });

describe("service emails: off by the link, back on in Mon espace", () => {
  it("turns them off from a genuine link only, back on from Mon espace, and audits each change once", async () => {
    const user = await parent("aller-retour@exemple.fr");
    expect(await getServiceEmails({ userId: user.id })).toBe(true);

    expect(await unsubscribeFromServiceEmails({ userId: user.id, signature: "faux" })).toBe(false);
    expect(await getServiceEmails({ userId: user.id })).toBe(true);
    // A reminders link does not turn service emails off.
    const reminders = new URL(unsubscribeUrl(user.id, "rappels"));
    expect(await unsubscribeFromServiceEmails({ userId: user.id, signature: reminders.searchParams.get("s")! })).toBe(false);

    const link = new URL(unsubscribeUrl(user.id));
    const signature = link.searchParams.get("s")!;
    expect(await unsubscribeFromServiceEmails({ userId: user.id, signature })).toBe(true);
    // A mail scanner or a second click: still true, nothing more recorded.
    expect(await unsubscribeFromServiceEmails({ userId: user.id, signature })).toBe(true);
    expect(await getServiceEmails({ userId: user.id })).toBe(false);

    await setServiceEmails({ userId: user.id, receive: true });
    await setServiceEmails({ userId: user.id, receive: true });
    expect(await getServiceEmails({ userId: user.id })).toBe(true);

    expect(await auditOf(user.id)).toEqual([
      { actorId: user.id, details: { label: "Claire Fabre", serviceEmails: "désactivés", via: "lien" } },
      { actorId: user.id, details: { label: "Claire Fabre", serviceEmails: "réactivés", via: "mon-espace" } },
    ]);
  });

  it("can also be turned off from Mon espace, without a mail at hand", async () => {
    const user = await parent("sans-lien@exemple.fr");
    await setServiceEmails({ userId: user.id, receive: false });
    expect(await getServiceEmails({ userId: user.id })).toBe(false);
    expect((await auditOf(user.id)).map((e) => e.details)).toEqual([{ label: "Claire Fabre", serviceEmails: "désactivés", via: "mon-espace" }]);
  });
});
