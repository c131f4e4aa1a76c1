import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { dayToDate, type Day } from "@/lib/dates";
import { createCampaign, createCampaignRequest } from "@/lib/factories";
import { createFamily, createStaffActor, openDays, uniqueSuffix } from "@/lib/bookings/testing";
import { runAllocation } from "./run";
import {
  campaignAttributedForStaff,
  campaignListCsv,
  campaignRequestsForStaff,
  campaignWaitlistForStaff,
  getCampaignForStaff,
  listCampaignsForStaff,
} from "./staff";

const DAYS: Day[] = ["2027-02-15", "2027-02-16"];
const NOW = new Date("2027-01-19T09:00:00Z");

/** One place a day at the Pins: the first of two families is given it, the other waits at rank 1. */
async function allocated() {
  const db = await getDb();
  const suffix = uniqueSuffix();
  const service = await db.service.create({ data: { name: `Accueil de loisirs ${suffix}` } });
  const site = await db.site.create({ data: { name: `École ${suffix}` } });
  const schoolClass = await db.schoolClass.create({ data: { siteId: site.id, name: "CP", teacher: "MME DURAND" } });
  const tariffs = { create: [{ regime: null, qfMin: 0, qfMax: null, unitPriceCents: 1000, validFrom: dayToDate("2020-01-01") }] };
  const pins = await db.product.create({ data: { serviceId: service.id, name: "Centre des Pins", tariffs } });
  await openDays(db, pins.id, DAYS, 1);
  const campaign = await createCampaign(db, {
    label: `Hiver ${suffix}`,
    productIds: [pins.id],
    firstDay: DAYS[0],
    lastDay: DAYS[1],
    opensAt: new Date("2027-01-04T08:00:00Z"),
    closesAt: new Date("2027-01-18T17:00:00Z"),
    allocationDay: "2027-01-20",
    rules: ["RESIDENT"],
  });
  const families = [await createFamily(db, { schoolClassId: schoolClass.id }), await createFamily(db, { schoolClassId: schoolClass.id })];
  for (const f of families) {
    await createCampaignRequest(db, { campaignId: campaign.id, householdId: f.household.id, personId: f.children[0].id, firstProductId: pins.id, days: DAYS });
  }
  return { db, campaign, families, staff: await createStaffActor(db) };
}

describe("staff reads of a campaign", () => {
  it("lists the campaign, shows the seed from the close, then the places given and the waiting list, and exports each list", async () => {
    const { campaign, staff } = await allocated();
    const listed = (await listCampaignsForStaff({ now: NOW })).find((c) => c.id === campaign.id);
    expect(listed).toMatchObject({ label: campaign.label, firstDay: DAYS[0], lastDay: DAYS[1], requests: 2, phase: "CLOSED" });
    const open = await getCampaignForStaff(campaign.id, { now: new Date("2027-01-10T09:00:00Z") });
    expect(open).toMatchObject({ phase: "OPEN", seed: null, rulesText: "Résidents de la commune d'abord, puis tirage au sort" });
    const closed = await getCampaignForStaff(campaign.id, { now: NOW });
    expect(closed!.seed).toMatch(/^[0-9a-f]{64}$/);

    const run = await runAllocation({ actor: staff, campaignId: campaign.id, now: NOW });
    expect((await getCampaignForStaff(campaign.id, { now: NOW }))!).toMatchObject({ phase: "ALLOCATED", seed: closed!.seed });
    expect(run.seed).toBe(closed!.seed);

    const requests = await campaignRequestsForStaff(campaign.id);
    expect(requests).toHaveLength(2);
    expect(requests.map((r) => r.days.map((d) => d.outcome).join(",")).sort()).toEqual(["ATTRIBUTED,ATTRIBUTED", "WAITLISTED,WAITLISTED"]);
    const given = await campaignAttributedForStaff(campaign.id);
    expect(given.map((g) => g.day)).toEqual(DAYS);
    expect(given.every((g) => g.status === "HELD" && g.product === "Centre des Pins")).toBe(true);
    const waiting = await campaignWaitlistForStaff(campaign.id);
    expect(waiting.map((w) => [w.day, w.rank, w.status])).toEqual([
      [DAYS[0], 1, "WAITING"],
      [DAYS[1], 1, "WAITING"],
    ]);

    const csv = await campaignListCsv(campaign.id, "attente", NOW);
    const lines = csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toBe('"Date";"Prestation";"Rang";"Enfant";"Famille";"Décidé par";"Statut"');
    expect(lines[1]).toMatch(/^"15\/02\/2027";"Centre des Pins";"1";"FAMILLE [0-9A-F]+ Emma";"FAMILLE [0-9a-f]+";"(résident|tirage au sort)";"En liste d'attente"$/);
    const givenCsv = (await campaignListCsv(campaign.id, "attribuees", NOW)).split("\r\n");
    expect(givenCsv[0]).toBe('\uFEFF"Date";"Prestation";"Choix";"Enfant";"Famille";"Décidé par";"Statut"');
    expect(givenCsv[1]).toContain("En attente de paiement (jusqu'au 22/01/2027 10:00)");
    expect((await campaignListCsv(campaign.id, "demandes", NOW)).split("\r\n")).toHaveLength(4);
  });
});
