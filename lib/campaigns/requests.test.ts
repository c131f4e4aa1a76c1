import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { dateToDay, type Day } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { createBooking, createCampaignRequest } from "@/lib/factories";
import { campaignWorld, DAYS, NOW } from "./request-fixtures";
import { requestFieldKey, saveCampaignRequests } from "./requests";

type World = Awaited<ReturnType<typeof campaignWorld>>;

async function world(window?: Parameters<typeof campaignWorld>[1]) {
  return campaignWorld(await getDb(), window);
}

function save(w: World, children: Parameters<typeof saveCampaignRequests>[0]["children"], extra: Partial<Parameters<typeof saveCampaignRequests>[0]> = {}) {
  return saveCampaignRequests({
    actor: w.family.actor,
    householdId: w.family.household.id,
    campaignId: w.campaign.id,
    children,
    workingParents: false,
    now: NOW,
    ...extra,
  });
}

/** What is stored for the household: per child its choices and days. */
async function stored(w: World, householdId = w.family.household.id) {
  const requests = await w.db.campaignRequest.findMany({
    where: { campaignId: w.campaign.id, householdId },
    orderBy: { person: { firstName: "asc" } },
    include: { days: { orderBy: { date: "asc" } } },
  });
  return requests.map((r) => ({
    personId: r.personId,
    first: r.firstProductId,
    second: r.secondProductId,
    together: r.together,
    days: r.days.map((d) => dateToDay(d.date)),
    outcomes: [...new Set(r.days.map((d) => d.outcome))],
  }));
}

const refusal = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e as AppError);

describe("saveCampaignRequests", () => {
  it("stores each child's days and choices; the same form twice changes nothing and writes one audit event", async () => {
    const w = await world();
    const [emma, lucas] = w.family.children;
    const form = [
      { personId: emma.id, days: [DAYS[1], DAYS[0], DAYS[0]], firstProductId: w.pins.id, secondProductId: w.sources.id, together: true },
      { personId: lucas.id, days: [DAYS[0], DAYS[1]], firstProductId: w.pins.id, together: true },
    ];
    const first = await save(w, form);
    expect(first).toMatchObject({ children: 2, days: 4, changed: true });
    const state = await stored(w);
    expect(state).toEqual([
      { personId: emma.id, first: w.pins.id, second: w.sources.id, together: true, days: [DAYS[0], DAYS[1]], outcomes: ["PENDING"] },
      { personId: lucas.id, first: w.pins.id, second: null, together: true, days: [DAYS[0], DAYS[1]], outcomes: ["PENDING"] },
    ]);
    const dayIds = await w.db.campaignRequestDay.findMany({ where: { request: { householdId: w.family.household.id } }, select: { id: true }, orderBy: { id: "asc" } });

    const again = await save(w, form);
    expect(again.changed).toBe(false);
    expect(await stored(w)).toEqual(state);
    // Nothing rewritten: the same rows, so nothing that could rank by time moved.
    expect(await w.db.campaignRequestDay.findMany({ where: { request: { householdId: w.family.household.id } }, select: { id: true }, orderBy: { id: "asc" } })).toEqual(dayIds);
    const events = await w.db.auditEvent.findMany({ where: { action: "campaign.request", targetId: w.campaign.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: w.family.actor.id, targetType: "Campaign" });
    expect((events[0].details as { demandes: string[] }).demandes[0]).toMatch(/^Emma .* : 15\/02\/2027, 16\/02\/2027 \(1er choix Centre des Pins, 2e choix Centre des Sources, ensemble\)$/);
  });

  it("a change replaces the days and choices; unticking every day of a child withdraws its request", async () => {
    const w = await world();
    const [emma, lucas] = w.family.children;
    await save(w, [
      { personId: emma.id, days: [DAYS[0], DAYS[1], DAYS[2]], firstProductId: w.pins.id, secondProductId: w.sources.id, together: false },
      { personId: lucas.id, days: [DAYS[0]], firstProductId: w.pins.id, together: false },
    ]);
    await save(w, [
      { personId: emma.id, days: [DAYS[1], DAYS[5]], firstProductId: w.sources.id, together: false },
      { personId: lucas.id, days: [], firstProductId: w.pins.id, together: false },
    ]);
    expect(await stored(w)).toEqual([{ personId: emma.id, first: w.sources.id, second: null, together: false, days: [DAYS[1], DAYS[5]], outcomes: ["PENDING"] }]);
    // A child left out of the submission has no request either.
    const result = await save(w, []);
    expect(result).toMatchObject({ children: 0, days: 0, changed: true });
    expect(await stored(w)).toEqual([]);
    expect(await w.db.campaignRequestDay.count({ where: { request: { campaignId: w.campaign.id } } })).toBe(0);
    // Nothing ticked and nothing to withdraw is a slip: refused, the declaration not saved either.
    const empty = await refusal(save(w, [{ personId: emma.id, days: [], firstProductId: w.pins.id, together: false }], { workingParents: true }));
    expect(empty).toMatchObject({ code: "INVALID", fieldErrors: { [requestFieldKey(emma.id, "days")]: "Cochez au moins un jour pour faire une demande." } });
    expect((await w.db.household.findUniqueOrThrow({ where: { id: w.family.household.id } })).workingParents).toBe(false);
  });

  it("refuses outside the open window (upcoming, closed, allocated) and changes nothing", async () => {
    const w = await world();
    const [emma] = w.family.children;
    await createCampaignRequest(w.db, { campaignId: w.campaign.id, householdId: w.family.household.id, personId: emma.id, firstProductId: w.pins.id, days: [DAYS[0]] });
    const before = await stored(w);
    const form = [{ personId: emma.id, days: [DAYS[3]], firstProductId: w.sources.id, together: false }];

    const early = await refusal(save(w, form, { now: new Date("2027-01-05T07:59:00Z"), workingParents: true }));
    expect(early).toMatchObject({ code: "CONFLICT", message: "Les demandes ouvriront le 05/01/2027 09:00." });

    const late = await refusal(save(w, form, { now: new Date("2027-01-20T22:59:00Z"), workingParents: true }));
    expect(late).toMatchObject({ code: "EXPIRED", message: "Les demandes sont closes depuis le 20/01/2027 23:59 : la demande ne peut plus être modifiée." });

    await w.db.campaign.update({ where: { id: w.campaign.id }, data: { allocatedAt: NOW } });
    expect(await refusal(save(w, form, { workingParents: true }))).toMatchObject({ code: "EXPIRED" });

    expect(await stored(w)).toEqual(before);
    expect((await w.db.household.findUniqueOrThrow({ where: { id: w.family.household.id } })).workingParents).toBe(false);
    expect(await w.db.auditEvent.count({ where: { action: "campaign.request", targetId: w.campaign.id } })).toBe(0);
  });

  it("another household's child, or an unknown campaign, is introuvable and nothing is written", async () => {
    const w = await world();
    const theirs = w.other.children[0];
    const error = await refusal(save(w, [{ personId: theirs.id, days: [DAYS[0]], firstProductId: w.pins.id, together: false }]));
    expect(error).toMatchObject({ code: "NOT_FOUND", message: "Enfant introuvable." });
    // Mixed with an own child: still refused as a whole.
    const mixed = await refusal(
      save(w, [
        { personId: w.family.children[0].id, days: [DAYS[0]], firstProductId: w.pins.id, together: false },
        { personId: theirs.id, days: [DAYS[0]], firstProductId: w.pins.id, together: false },
      ]),
    );
    expect(mixed).toMatchObject({ code: "NOT_FOUND" });
    const unknown = await refusal(save(w, [], { campaignId: "c000000000000000000000000" }));
    expect(unknown).toMatchObject({ code: "NOT_FOUND", message: "Campagne introuvable." });
    expect(await w.db.campaignRequest.count({ where: { campaignId: w.campaign.id } })).toBe(0);
  });

  it("refuses an ineligible child, a day outside the campaign or closed at the first choice, and a bad second choice, all at once", async () => {
    const w = await world();
    const [emma, lucas] = w.family.children;
    const foreign = await w.db.product.create({ data: { serviceId: w.service.id, name: "Hors campagne" } });
    const error = await refusal(
      save(w, [
        // Born in 2016: too old for Les Petits Loups (6 ans au plus).
        { personId: emma.id, days: [DAYS[0]], firstProductId: w.petits.id, together: false },
        { personId: lucas.id, days: [DAYS[0], "2027-03-01"], firstProductId: w.pins.id, secondProductId: w.pins.id, together: false },
      ]),
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error!.code).toBe("INVALID");
    expect(error!.fieldErrors).toEqual({
      [requestFieldKey(emma.id, "firstProductId")]: "Emma, Les Petits Loups, lundi 15 février 2027 : Réservé aux enfants de 6 ans au plus.",
      [requestFieldKey(lucas.id, "secondProductId")]: "Lucas : le second choix doit être un autre centre que le premier.",
      [requestFieldKey(lucas.id, "days")]: "Lucas : le lundi 1 mars 2027 n'est pas un jour de la campagne (du 15/02/2027 au 26/02/2027).",
    });

    const closed = await refusal(save(w, [{ personId: emma.id, days: [DAYS[2]], firstProductId: w.sources.id, together: false }]));
    expect(closed!.fieldErrors).toEqual({ [requestFieldKey(emma.id, "days")]: "Emma : Centre des Sources n'est pas ouvert le mercredi 17 février 2027." });
    // Closed at the second choice only: allowed (the allocation finds no place there).
    await save(w, [{ personId: emma.id, days: [DAYS[2]], firstProductId: w.pins.id, secondProductId: w.sources.id, together: false }]);
    await save(w, []);

    const second = await refusal(save(w, [{ personId: emma.id, days: [DAYS[0]], firstProductId: w.pins.id, secondProductId: w.petits.id, together: false }]));
    expect(second!.fieldErrors).toEqual({ [requestFieldKey(emma.id, "secondProductId")]: "Emma, Les Petits Loups, lundi 15 février 2027 : Réservé aux enfants de 6 ans au plus." });
    const outside = await refusal(save(w, [{ personId: emma.id, days: [DAYS[0]], firstProductId: foreign.id, together: false }]));
    expect(outside!.fieldErrors).toEqual({ [requestFieldKey(emma.id, "firstProductId")]: "Emma : choisissez le premier choix parmi les centres de la campagne." });
    expect(await w.db.campaignRequest.count({ where: { campaignId: w.campaign.id } })).toBe(0);
  });

  it("'ensemble' alone is stored false; with a sibling it is kept", async () => {
    const w = await world();
    const [emma, lucas] = w.family.children;
    await save(w, [
      { personId: emma.id, days: [DAYS[0]], firstProductId: w.pins.id, together: true },
      { personId: lucas.id, days: [], firstProductId: w.pins.id, together: true },
    ]);
    expect((await stored(w)).map((r) => r.together)).toEqual([false]);
    await save(w, [
      { personId: emma.id, days: [DAYS[0]], firstProductId: w.pins.id, together: true },
      { personId: lucas.id, days: [DAYS[0]], firstProductId: w.pins.id, together: true },
    ]);
    expect((await stored(w)).map((r) => r.together)).toEqual([true, true]);
  });

  it("a new working-parents declaration clears the staff's confirmation; the same one keeps it", async () => {
    const w = await world();
    const staff = w.other.account.id;
    const household = () => w.db.household.findUniqueOrThrow({ where: { id: w.family.household.id } });
    await w.db.household.update({ where: { id: w.family.household.id }, data: { workingParents: true, workingParentsConfirmedAt: NOW, workingParentsConfirmedById: staff } });
    const form: { personId: string; days: Day[]; firstProductId: string; together: boolean }[] = [
      { personId: w.family.children[0].id, days: [DAYS[0]], firstProductId: w.pins.id, together: false },
    ];
    await save(w, form, { workingParents: true });
    expect(await household()).toMatchObject({ workingParents: true, workingParentsConfirmedAt: NOW, workingParentsConfirmedById: staff });
    const result = await save(w, form, { workingParents: false });
    expect(result.changed).toBe(true);
    expect(await household()).toMatchObject({ workingParents: false, workingParentsConfirmedAt: null, workingParentsConfirmedById: null });
    await save(w, form, { workingParents: true });
    expect(await household()).toMatchObject({ workingParents: true, workingParentsConfirmedAt: null });
  });
  it("refuses a day the child already holds at one of the centres, and writes nothing", async () => {
    const w = await world();
    const [emma] = w.family.children;
    // Booked before the campaign was opened, at the second centre.
    await createBooking(w.db, { productId: w.sources.id, personId: emma.id, householdId: w.family.household.id, day: DAYS[1], unitPriceCents: 900 });
    const error = await refusal(save(w, [{ personId: emma.id, days: [DAYS[0], DAYS[1]], firstProductId: w.pins.id, together: false }]));
    expect(error).toBeInstanceOf(AppError);
    expect(error?.fieldErrors?.[requestFieldKey(emma.id, "days")]).toMatch(/^Emma a déjà une place le mardi 16 février 2027 \(Centre des Sources\)/);
    expect(await stored(w)).toEqual([]);
    // The other days are asked as usual.
    await save(w, [{ personId: emma.id, days: [DAYS[0]], firstProductId: w.pins.id, together: false }]);
    expect((await stored(w)).map((r) => r.days)).toEqual([[DAYS[0]]]);
  });
});

describe("saveCampaignRequests and the yearly file update", () => {
  it("refuses a centre's days of a school year the family has not confirmed its file for, as the hold would", async () => {
    const w = await world();
    const [emma] = w.family.children;
    await w.db.service.update({ where: { id: w.service.id }, data: { requiresFileUpdate: true } });
    const update = await w.db.fileUpdateCampaign.create({ data: { label: "Rentrée de février", schoolYearStart: new Date(`${DAYS[0]}T00:00:00Z`), deadline: new Date(`${DAYS[0]}T00:00:00Z`) } });
    try {
      const form = [{ personId: emma.id, days: [DAYS[0]], firstProductId: w.pins.id, together: false }];
      const error = await refusal(save(w, form));
      expect(error?.fieldErrors?.[requestFieldKey(emma.id, "firstProductId")]).toMatch(/Mettez à jour votre dossier famille avant de réserver à partir du/);
      expect(await stored(w)).toEqual([]);
      await w.db.fileUpdateConfirmation.create({ data: { campaignId: update.id, householdId: w.family.household.id } });
      expect(await save(w, form)).toMatchObject({ children: 1, days: 1 });
    } finally {
      await w.db.fileUpdateCampaign.update({ where: { id: update.id }, data: { closedAt: NOW } });
    }
  });
});
