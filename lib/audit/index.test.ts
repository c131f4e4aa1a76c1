import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { listAuditEvents, recordAudit } from "@/lib/audit";

describe("audit journal", () => {
  it("lists events newest first, 50 a page, with the actor's name and a French label", async () => {
    const db = await getDb();
    const actor = await db.user.create({
      data: { identifiant: "a0d17000", email: "journal@mairie.fr", lastName: "Durand", firstName: "Léa", role: "STAFF", status: "ACTIVE" },
    });
    const start = Date.parse("2026-02-01T08:00:00Z");
    for (let i = 0; i < 120; i++) {
      await db.$transaction((tx) =>
        recordAudit(tx, {
          actorId: actor.id,
          action: "account.reject",
          targetType: "User",
          targetId: `user-${i}`,
          details: { label: `Compte ${i}`, reason: undefined },
        }),
      );
      // Spread the events in time so that the order is unambiguous.
      await db.auditEvent.updateMany({ where: { targetId: `user-${i}` }, data: { createdAt: new Date(start + i * 60_000) } });
    }

    const first = await listAuditEvents();
    expect(first).toMatchObject({ page: 1, pageCount: 3, total: 120 });
    expect(first.events).toHaveLength(50);
    expect(first.events[0]).toMatchObject({
      targetId: "user-119",
      targetLabel: "Compte 119",
      actorName: "Léa Durand",
      actionLabel: "Inscription refusée",
    });
    expect(first.events[0].details).toEqual({ label: "Compte 119" });

    const last = await listAuditEvents({ page: 3 });
    expect(last.events).toHaveLength(20);
    expect(last.events.at(-1)?.targetId).toBe("user-0");

    // A page past the end shows the last one rather than nothing.
    expect((await listAuditEvents({ page: 99 })).page).toBe(3);
    expect((await listAuditEvents({ page: -4 })).page).toBe(1);
  });
});
