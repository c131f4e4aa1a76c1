import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { dateToDay, dayToDate } from "@/lib/dates";
import { createCampaignRequest } from "@/lib/factories";
import { createFamily, createStaffActor, uniqueSuffix } from "@/lib/bookings/testing";
import { CampaignSchema, closeCampaignNow, parisDateTimeValue, saveCampaign } from "./campaigns";

const NOW = new Date("2026-12-01T09:00:00Z");

const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof AppError ? `${e.code}: ${e.message}` : e));

async function products() {
  const db = await getDb();
  const suffix = uniqueSuffix();
  const service = await db.service.create({ data: { name: `Accueil de loisirs ${suffix}` } });
  const site = await db.site.create({ data: { name: `École ${suffix}` } });
  const schoolClass = await db.schoolClass.create({ data: { siteId: site.id, name: "CP", teacher: "MME DURAND" } });
  const pins = await db.product.create({ data: { serviceId: service.id, name: "Centre des Pins", defaultCapacity: 24 } });
  const lac = await db.product.create({ data: { serviceId: service.id, name: "Centre du Lac", defaultCapacity: 16 } });
  return { db, service, pins, lac, schoolClass, staff: await createStaffActor(db) };
}

/** The form as staff post it. */
function form(productIds: string[], overrides: Record<string, unknown> = {}) {
  return {
    label: "Vacances d'hiver 2027",
    productIds,
    firstDay: "2027-02-15",
    lastDay: "2027-02-26",
    opensAt: "2027-01-04T08:30",
    closesAt: "2027-01-18T18:00",
    allocationDay: "2027-01-20",
    rule1: "RESIDENT",
    rule2: "SIBLINGS",
    rule3: "",
    rule4: "",
    payWithinDays: "3",
    offerHours: "48",
    ...overrides,
  };
}

const errorsOf = (input: Record<string, unknown>) => {
  const parsed = CampaignSchema.safeParse(input);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
};

describe("CampaignSchema", () => {
  it("reads the form: Paris times, rules in order without the empty ones", () => {
    const input = CampaignSchema.parse(form(["b", "a"]));
    expect(input).toMatchObject({
      productIds: ["a", "b"],
      firstDay: "2027-02-15",
      opensAt: new Date("2027-01-04T07:30:00Z"),
      closesAt: new Date("2027-01-18T17:00:00Z"),
      rules: ["RESIDENT", "SIBLINGS"],
      payWithinDays: 3,
      offerHours: 48,
    });
    expect(parisDateTimeValue(input.opensAt)).toBe("2027-01-04T08:30");
  });

  it("refuses, in French, what cannot be a campaign", () => {
    expect(errorsOf(form([]))).toMatchObject({ productIds: "Choisissez au moins une prestation." });
    expect(errorsOf(form(["a", "b", "c", "d"]))).toMatchObject({ productIds: "Choisissez au plus 3 prestations." });
    expect(errorsOf(form(["a"], { lastDay: "2027-02-14" }))).toMatchObject({ lastDay: "Le dernier jour doit suivre le premier jour." });
    expect(errorsOf(form(["a"], { lastDay: "2027-04-18" }))).toMatchObject({ lastDay: "Une campagne couvre 62 jours au plus." });
    expect(errorsOf(form(["a"], { lastDay: "2027-04-17" }))).toEqual({});
    expect(errorsOf(form(["a"], { closesAt: "2027-01-04T08:30" }))).toMatchObject({ closesAt: "La clôture des demandes doit suivre leur ouverture." });
    expect(errorsOf(form(["a"], { allocationDay: "2027-01-17" }))).toMatchObject({
      allocationDay: "L'attribution ne peut être annoncée avant la clôture des demandes.",
    });
    expect(errorsOf(form(["a"], { allocationDay: "2027-01-18" }))).toEqual({});
    expect(errorsOf(form(["a"], { rule3: "RESIDENT" }))).toMatchObject({ rule3: "Cette règle est déjà choisie plus haut." });
    expect(errorsOf(form(["a"], { rule3: "DRAW" }))).toMatchObject({ rule3: "Règle inconnue." });
    expect(errorsOf(form(["a"], { payWithinDays: "0" }))).toMatchObject({ payWithinDays: "Au moins 1 jour pour payer." });
    expect(errorsOf(form(["a"], { payWithinDays: "31" }))).toMatchObject({ payWithinDays: "30 jours au plus pour payer." });
    expect(errorsOf(form(["a"], { offerHours: "337" }))).toMatchObject({ offerHours: "336 heures (14 jours) au plus." });
    expect(errorsOf(form(["a"], { opensAt: "2027-13-04T08:30" }))).toMatchObject({ opensAt: "Date et heure invalides (jj/mm/aaaa hh:mm)." });
  });
});

describe("saveCampaign", () => {
  it("creates the campaign, opens its weekdays (not holidays nor closures) and audits; an unchanged save writes nothing", async () => {
    const { db, pins, lac, staff } = await products();
    await db.closure.create({ data: { label: "Pont", startDate: dayToDate("2027-02-19"), endDate: dayToDate("2027-02-19") } });
    // A day staff already opened keeps its own capacity.
    await db.slot.create({ data: { productId: pins.id, date: dayToDate("2027-02-15"), capacity: 5 } });
    const input = CampaignSchema.parse(form([pins.id, lac.id]));
    const { id, changed } = await saveCampaign({ actor: staff, input, now: NOW });
    expect(changed).toBe(true);
    const campaign = await db.campaign.findUniqueOrThrow({ where: { id }, include: { products: true } });
    expect(campaign).toMatchObject({ label: "Vacances d'hiver 2027", rules: ["RESIDENT", "SIBLINGS"], payWithinDays: 3, offerHours: 48, createdById: staff.id });
    expect(campaign.products.map((p) => p.id).sort()).toEqual([pins.id, lac.id].sort());
    const slots = await db.slot.findMany({ where: { productId: pins.id }, orderBy: { date: "asc" } });
    expect(slots.map((s) => dateToDay(s.date))).toEqual(["2027-02-15", "2027-02-16", "2027-02-17", "2027-02-18", "2027-02-22", "2027-02-23", "2027-02-24", "2027-02-25", "2027-02-26"]);
    expect(slots.map((s) => s.capacity)).toEqual([5, 24, 24, 24, 24, 24, 24, 24, 24]);
    expect(await db.slot.count({ where: { productId: lac.id, capacity: 16 } })).toBe(9);
    expect(await db.auditEvent.count({ where: { action: "campaign.save", targetId: id } })).toBe(1);

    expect(await saveCampaign({ actor: staff, id, input, now: NOW })).toEqual({ id, changed: false });
    expect(await db.auditEvent.count({ where: { action: "campaign.save", targetId: id } })).toBe(1);

    await saveCampaign({ actor: staff, id, input: { ...input, payWithinDays: 5 }, now: NOW });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "campaign.save", targetId: id }, orderBy: { createdAt: "desc" } });
    expect(event.details).toMatchObject({ fields: ["délai de paiement"] });
  });

  it("refuses a second campaign on a product and days another one covers", async () => {
    const { pins, lac, staff } = await products();
    await saveCampaign({ actor: staff, input: CampaignSchema.parse(form([pins.id])), now: NOW });
    expect(await codeOf(saveCampaign({ actor: staff, input: CampaignSchema.parse(form([pins.id, lac.id], { firstDay: "2027-02-26", lastDay: "2027-03-05" })), now: NOW }))).toBe(
      "CONFLICT: La campagne « Vacances d'hiver 2027 » couvre déjà ces prestations du 15/02/2027 au 26/02/2027.",
    );
    // Another product on those days, or the same product later, is another campaign.
    expect(await codeOf(saveCampaign({ actor: staff, input: CampaignSchema.parse(form([lac.id])), now: NOW }))).toBe("ok");
    expect(await codeOf(saveCampaign({ actor: staff, input: CampaignSchema.parse(form([pins.id], { firstDay: "2027-03-01", lastDay: "2027-03-05" })), now: NOW }))).toBe("ok");
  });

  it("keeps products and days once families requested, and everything but the label once allocated", async () => {
    const { db, pins, lac, staff, schoolClass } = await products();
    const input = CampaignSchema.parse(form([pins.id, lac.id]));
    const { id } = await saveCampaign({ actor: staff, input, now: NOW });
    const family = await createFamily(db, { schoolClassId: schoolClass.id });
    await createCampaignRequest(db, { campaignId: id, householdId: family.household.id, personId: family.children[0].id, firstProductId: pins.id, days: ["2027-02-15"] });
    const locked = "CONFLICT: Des familles ont déjà fait une demande : les prestations et les jours ne peuvent plus changer.";
    expect(await codeOf(saveCampaign({ actor: staff, id, input: { ...input, productIds: [pins.id] }, now: NOW }))).toBe(locked);
    expect(await codeOf(saveCampaign({ actor: staff, id, input: { ...input, lastDay: "2027-02-25" }, now: NOW }))).toBe(locked);
    expect(await codeOf(saveCampaign({ actor: staff, id, input: { ...input, closesAt: new Date("2027-01-19T17:00:00Z") }, now: NOW }))).toBe("ok");

    await db.campaign.update({ where: { id }, data: { allocatedAt: NOW } });
    expect(await codeOf(saveCampaign({ actor: staff, id, input: { ...input, offerHours: 24 }, now: NOW }))).toBe(
      "CONFLICT: Les places sont attribuées : seul l'intitulé peut encore changer.",
    );
    const current = await db.campaign.findUniqueOrThrow({ where: { id } });
    expect(await codeOf(saveCampaign({ actor: staff, id, input: { ...input, closesAt: current.closesAt, label: "Hiver 2027" }, now: NOW }))).toBe("ok");
    expect((await db.campaign.findUniqueOrThrow({ where: { id } })).label).toBe("Hiver 2027");
  });

  it("only staff save campaigns", async () => {
    const { pins, schoolClass } = await products();
    const db = await getDb();
    const family = await createFamily(db, { schoolClassId: schoolClass.id });
    expect(await codeOf(saveCampaign({ actor: family.actor, input: CampaignSchema.parse(form([pins.id])), now: NOW }))).toMatch(/^FORBIDDEN/);
  });
});

describe("closeCampaignNow", () => {
  it("closes an open window at once, and only an open one", async () => {
    const { db, pins, staff } = await products();
    const { id } = await saveCampaign({ actor: staff, input: CampaignSchema.parse(form([pins.id])), now: NOW });
    const early = new Date("2027-01-03T12:00:00Z");
    expect(await codeOf(closeCampaignNow({ actor: staff, campaignId: id, now: early }))).toBe("CONFLICT: Les demandes ne sont pas ouvertes : rien à clore.");
    const during = new Date("2027-01-10T12:00:00Z");
    await closeCampaignNow({ actor: staff, campaignId: id, now: during });
    expect((await db.campaign.findUniqueOrThrow({ where: { id } })).closesAt).toEqual(during);
    expect(await codeOf(closeCampaignNow({ actor: staff, campaignId: id, now: during }))).toBe("CONFLICT: Les demandes ne sont pas ouvertes : rien à clore.");
    expect(await db.auditEvent.count({ where: { action: "campaign.save", targetId: id } })).toBe(2);
  });
});
