import { expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { describeOnPostgres } from "@/lib/test/postgres";
import { racingClients } from "@/lib/test/racers";
import { campaignWorld, DAYS, NOW } from "./request-fixtures";
import { saveCampaignRequests } from "./requests";

// The window's close against a request in flight: the family's checks ran
// while the campaign was open, then staff closed it ("Clore les demandes
// maintenant" locks and updates the campaign) before the family's
// transaction wrote. The request must not slip into a list the seed is
// already computed from.

describeOnPostgres("a request against the window's close (PostgreSQL)", () => {
  const clients = racingClients(2);

  it("waits for the close to commit, then refuses and writes nothing", async () => {
    const db = await getDb();
    const w = await campaignWorld(db);
    const [staff, family] = clients;
    let locked!: () => void;
    let release!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const closing = staff.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "Campaign" WHERE id = ${w.campaign.id} FOR UPDATE`;
        await tx.campaign.update({ where: { id: w.campaign.id }, data: { closesAt: new Date(NOW.getTime() - 60_000) } });
        locked();
        await released;
      },
      { timeout: 20_000 },
    );
    await isLocked;
    const request = saveCampaignRequests({
      db: family,
      actor: w.family.actor,
      householdId: w.family.household.id,
      campaignId: w.campaign.id,
      children: [{ personId: w.family.children[0].id, days: [DAYS[0]], firstProductId: w.pins.id, together: false }],
      workingParents: false,
      now: NOW,
    }).catch((e: unknown) => e);
    // Only once the family's transaction waits on the campaign's lock does staff commit.
    for (let i = 0; i < 200; i++) {
      const [row] = await db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
      if (row.n > 0) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    release();
    await closing;
    expect(await request).toMatchObject({ code: "EXPIRED" });
    expect(await db.campaignRequest.count({ where: { campaignId: w.campaign.id } })).toBe(0);
  });
});
