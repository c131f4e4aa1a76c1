import { describe, expect, it } from "vitest";
import { getDb, type Db } from "@/lib/db/client";
import { describeOnPostgres } from "@/lib/test/postgres";
import { racingClients } from "@/lib/test/racers";
import { AppError } from "@/lib/errors";
import { dateToDay, dayToDate, type Day } from "@/lib/dates";
import { createBooking, createCampaign, createCampaignRequest } from "@/lib/factories";
import { activeBookingWhere } from "@/lib/bookings/context";
import { createFamily, createStaffActor, openDays, uniqueSuffix } from "@/lib/bookings/testing";
import { allocate, type AllocationInput, type Outcome } from "./allocate";
import { formatCents, formatDateTime, fullDayLabel } from "@/lib/format";
import { commitAllocation, loadAllocation, normaliseTown, prepareAllocation, previewAllocation, runAllocation } from "./run";

const DAYS: Day[] = ["2027-02-15", "2027-02-16", "2027-02-17", "2027-02-18", "2027-02-19"];
const OPENS = new Date("2027-01-04T08:00:00Z");
const CLOSES = new Date("2027-01-18T17:00:00Z");
const NOW = new Date("2027-01-19T09:00:00Z");

const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof AppError ? `${e.code}: ${e.message}` : e));

/** Two holiday centres of one service, priced by QF like the seed's Journée. */
async function centres(db: Db, { capacity }: { capacity: number }) {
  const suffix = uniqueSuffix();
  const service = await db.service.create({ data: { name: `Accueil de loisirs ${suffix}` } });
  const site = await db.site.create({ data: { name: `Groupe scolaire ${suffix}` } });
  const schoolClass = await db.schoolClass.create({ data: { siteId: site.id, name: "CE2", teacher: "M. MARTIN" } });
  const tariffs = {
    create: [
      { regime: "RG" as const, qfMin: 0, qfMax: 450, unitPriceCents: 800, validFrom: dayToDate("2020-01-01") },
      { regime: "RG" as const, qfMin: 451, qfMax: null, unitPriceCents: 1400, validFrom: dayToDate("2020-01-01") },
    ],
  };
  const pins = await db.product.create({ data: { serviceId: service.id, name: "Centre des Pins", defaultCapacity: capacity, tariffs } });
  const lac = await db.product.create({ data: { serviceId: service.id, name: "Centre du Lac", defaultCapacity: capacity, tariffs } });
  await openDays(db, pins.id, DAYS, capacity);
  await openDays(db, lac.id, DAYS, capacity);
  return { service, schoolClass, pins, lac };
}

/** Twelve households asking for few places: siblings, second choices, residents and not. */
async function scenario({ capacity = 3, rules = ["RESIDENT", "SIBLINGS"] as const } = {}) {
  const db = await getDb();
  const { schoolClass, pins, lac } = await centres(db, { capacity });
  const campaign = await createCampaign(db, {
    label: `Vacances d'hiver ${uniqueSuffix()}`,
    productIds: [pins.id, lac.id],
    firstDay: DAYS[0],
    lastDay: DAYS[4],
    opensAt: OPENS,
    closesAt: CLOSES,
    allocationDay: "2027-01-20",
    rules: [...rules],
    payWithinDays: 3,
  });
  const families = [];
  for (let i = 0; i < 12; i++) {
    const children = i % 4 === 0 ? 2 : 1;
    const family = await createFamily(db, { schoolClassId: schoolClass.id, children, qf: i % 2 ? 300 : 900 });
    if (i % 3 === 0) await db.household.update({ where: { id: family.household.id }, data: { city: "Pézenas" } });
    const days = DAYS.slice(i % 3, (i % 3) + 3);
    for (const child of family.children) {
      await createCampaignRequest(db, {
        campaignId: campaign.id,
        householdId: family.household.id,
        personId: child.id,
        firstProductId: i % 2 ? lac.id : pins.id,
        secondProductId: i % 5 === 0 ? undefined : i % 2 ? pins.id : lac.id,
        together: children > 1,
        days,
      });
    }
    families.push(family);
  }
  const staff = await createStaffActor(db);
  return { db, campaign, pins, lac, families, staff, schoolClass };
}

async function written(db: Db, campaignId: string) {
  const days = await db.campaignRequestDay.findMany({
    where: { request: { campaignId } },
    include: { request: true, booking: { include: { slot: true } }, waitlistEntry: true },
    orderBy: [{ requestId: "asc" }, { date: "asc" }],
  });
  return days;
}

async function counts(db: Db, campaignId: string) {
  return {
    bookings: await db.booking.count({ where: { campaignDay: { request: { campaignId } } } }),
    invoices: await db.invoice.count(),
    waitlist: await db.waitlistEntry.count({ where: { campaignRequestDay: { request: { campaignId } } } }),
    audit: await db.auditEvent.count({ where: { action: { startsWith: "campaign." } } }),
    emails: await db.emailMessage.count({ where: { template: "campaign-result" } }),
  };
}

describe("runAllocation", () => {
  it("writes every outcome once: priced holds within capacity, siblings together, gapless ranks and invoices, audit, emails", async () => {
    const { db, campaign, families, staff, pins, lac } = await scenario();
    const invoicesBefore = await db.invoice.count();
    const run = await runAllocation({ actor: staff, campaignId: campaign.id, now: NOW });
    expect(run.attributed).toBeGreaterThan(0);
    expect(run.waitlisted).toBeGreaterThan(0);
    // Nothing changed since the pre-pass: every email was rendered before the locks.
    expect(run.emailsRenderedInTransaction).toBe(0);

    const days = await written(db, campaign.id);
    expect(days.every((d) => d.outcome !== "PENDING")).toBe(true);
    expect(run.attributed + run.waitlisted).toBe(days.length);

    // Capacity: the allocation's holds never exceed a slot.
    const slots = await db.slot.findMany({ where: { productId: { in: [pins.id, lac.id] } } });
    for (const slot of slots) {
      expect(await db.booking.count({ where: { slotId: slot.id, ...activeBookingWhere(NOW) } })).toBeLessThanOrEqual(slot.capacity);
    }

    // Attributed days hold a priced place for payWithinDays; waiting ones have an entry at their rank.
    for (const d of days) {
      if (d.outcome === "ATTRIBUTED") {
        expect(d.booking).toMatchObject({ status: "HELD", personId: d.request.personId, heldUntil: new Date(NOW.getTime() + 3 * 86_400_000) });
        expect(d.booking!.slot.productId).toBe(d.productId);
        expect(dateToDay(d.booking!.slot.date)).toBe(dateToDay(d.date));
        expect([800, 1400]).toContain(d.booking!.unitPriceCents);
        expect(d.waitlistEntry).toBeNull();
      } else {
        expect(d.booking).toBeNull();
        expect(d.waitlistEntry).toMatchObject({ status: "WAITING", rank: d.rank, personId: d.request.personId });
        expect(d.productId).toBe(d.request.firstProductId);
      }
    }

    // Siblings marked together: on each day both given, or both waiting with one rank and one group.
    for (const family of families.filter((f) => f.children.length > 1)) {
      const theirs = days.filter((d) => d.request.householdId === family.household.id);
      for (const day of new Set(theirs.map((d) => dateToDay(d.date)))) {
        const pair = theirs.filter((d) => dateToDay(d.date) === day);
        expect(pair).toHaveLength(2);
        expect(pair[0].outcome).toBe(pair[1].outcome);
        expect(pair[0].productId).toBe(pair[1].productId);
        if (pair[0].outcome === "WAITLISTED") {
          expect(pair[0].rank).toBe(pair[1].rank);
          expect(pair[0].waitlistEntry!.groupKey).toBeTruthy();
          expect(pair[0].waitlistEntry!.groupKey).toBe(pair[1].waitlistEntry!.groupKey);
        }
      }
    }

    // Waiting ranks per slot: 1..n without gaps, one per unit.
    const entries = await db.waitlistEntry.findMany({ where: { campaignRequestDay: { request: { campaignId: campaign.id } } } });
    const bySlot = new Map<string, Set<number>>();
    for (const e of entries) bySlot.set(e.slotId, (bySlot.get(e.slotId) ?? new Set()).add(e.rank));
    for (const ranks of bySlot.values()) expect([...ranks].sort((a, b) => a - b)).toEqual([...ranks].map((_, i) => i + 1));

    // One pending invoice per household given a day, numbered without a gap, totalling its priced days.
    const invoices = await db.invoice.findMany({ where: { bookings: { some: { campaignDay: { request: { campaignId: campaign.id } } } } }, include: { bookings: true }, orderBy: { number: "asc" } });
    const givenHouseholds = new Set(days.filter((d) => d.outcome === "ATTRIBUTED").map((d) => d.request.householdId));
    expect(invoices).toHaveLength(givenHouseholds.size);
    expect(run.invoices).toBe(givenHouseholds.size);
    expect(await db.invoice.count()).toBe(invoicesBefore + givenHouseholds.size);
    expect(new Set(invoices.map((i) => i.householdId)).size).toBe(invoices.length);
    invoices.forEach((invoice, i) => {
      expect(invoice.number).toBe(invoices[0].number + i);
      expect(invoice.status).toBe("PENDING_PAYMENT");
      expect(invoice.totalCents).toBe(invoice.bookings.reduce((sum, b) => sum + b.unitPriceCents, 0));
      expect(invoice.bookings.length).toBe(days.filter((d) => d.outcome === "ATTRIBUTED" && d.request.householdId === invoice.householdId).length);
    });

    // The journal: the run with its seed, and each child's decisions with the rule that took them.
    const stored = await db.campaign.findUniqueOrThrow({ where: { id: campaign.id } });
    expect(stored).toMatchObject({ seed: run.seed, allocatedAt: NOW, allocatedById: staff.id });
    const allocateEvent = await db.auditEvent.findFirstOrThrow({ where: { action: "campaign.allocate", targetId: campaign.id } });
    expect(allocateEvent.details).toMatchObject({ seed: run.seed, attributed: run.attributed, waitlisted: run.waitlisted });
    const decisions = await db.auditEvent.findMany({ where: { action: "campaign.decision", targetType: "CampaignRequest" } });
    const requestIds = new Set(days.map((d) => d.requestId));
    expect(decisions.filter((e) => requestIds.has(e.targetId!))).toHaveLength(requestIds.size);
    const texts = decisions.flatMap((e) => [...((e.details as { attribuees: string[] }).attribuees ?? []), ...((e.details as { attente: string[] }).attente ?? [])]);
    expect(texts.some((t) => /^\d\d\/02\/2027 : Centre (des Pins|du Lac) \((1er|2e) choix, (résident|fratrie|tirage au sort|places suffisantes|fratrie plus nombreuse que les places restantes)\)$/.test(t))).toBe(true);
    expect(texts.some((t) => /^\d\d\/02\/2027 : rang \d+ \(.+\)$/.test(t))).toBe(true);

    // One email per household (each has one parent account), in the transaction.
    const emails = await db.emailMessage.findMany({ where: { template: "campaign-result", subject: `${campaign.label} : résultat de votre demande` } });
    expect(emails).toHaveLength(families.length);
    expect(run.emailIds).toHaveLength(families.length);
    const given = days.find((d) => d.outcome === "ATTRIBUTED")!;
    const family = families.find((f) => f.household.id === given.request.householdId)!;
    const mail = emails.find((e) => e.to === family.account.email)!;
    expect(mail.text).toContain("à payer avant le 22/01/2027 10:00");
    expect(mail.text).toContain(`/demandes/campagnes/${campaign.id}`);
    const waiting = days.find((d) => d.outcome === "WAITLISTED")!;
    const waitingMail = emails.find((e) => e.to === families.find((f) => f.household.id === waiting.request.householdId)!.account.email)!;
    expect(waitingMail.text).toContain(`rang ${waiting.rank}`);

    // Anyone holding the stored inputs and seed finds the same outcomes.
    const rerun = allocate({ ...(stored.inputs as unknown as Omit<AllocationInput, "seed">), seed: stored.seed! });
    const storedOutcomes = days.map((d) => [d.requestId, dateToDay(d.date), d.outcome, d.productId, d.rank, d.decidedBy]);
    const rerunOutcomes = rerun.outcomes.map((o: Outcome) => [o.requestId, o.day, o.result, o.productId, o.rank, o.decidedBy]);
    expect(rerunOutcomes).toEqual(storedOutcomes);

    // A second launch (double click, second tab) is refused and writes nothing.
    const before = await counts(db, campaign.id);
    expect(await codeOf(runAllocation({ actor: staff, campaignId: campaign.id, now: new Date(NOW.getTime() + 60_000) }))).toBe(
      "CONFLICT: L'attribution a déjà été lancée le 19/01/2027 10:00.",
    );
    expect(await counts(db, campaign.id)).toEqual(before);
  });

  it("is deterministic: the same requests and seed give the same preview, and the run gives what the preview showed", async () => {
    const { db, campaign, staff } = await scenario({ capacity: 2 });
    const first = await previewAllocation({ campaignId: campaign.id, now: NOW });
    const second = await previewAllocation({ campaignId: campaign.id, now: NOW });
    expect(second).toEqual(first);
    const loaded = await loadAllocation(db, campaign.id, NOW);
    expect(allocate(loaded.input)).toEqual(allocate(structuredClone(loaded.input)));
    // Nothing was written by the previews.
    expect(await db.campaignRequestDay.count({ where: { request: { campaignId: campaign.id }, outcome: { not: "PENDING" } } })).toBe(0);
    const run = await runAllocation({ actor: staff, campaignId: campaign.id, now: NOW });
    expect(run).toMatchObject({ seed: first.seed, attributed: first.attributed, waitlisted: first.waitlisted });
  });

  it("counts places left by bookings already made, and refuses a launch before the window closed", async () => {
    const { db, campaign, pins, staff, families } = await scenario({ capacity: 3 });
    const other = families[1];
    await createBooking(db, { productId: pins.id, personId: other.children[0].id, householdId: other.household.id, day: DAYS[2], unitPriceCents: 800 });
    const loaded = await loadAllocation(db, campaign.id, NOW);
    expect(loaded.input.places[`${pins.id}|${DAYS[2]}`]).toBe(2);
    expect(await codeOf(runAllocation({ actor: staff, campaignId: campaign.id, now: new Date(CLOSES.getTime() - 1000) }))).toBe(
      "CONFLICT: Les demandes ne sont pas encore closes : l'attribution ne peut pas être lancée.",
    );
    expect(await db.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).toMatchObject({ allocatedAt: null, seed: null });
    await runAllocation({ actor: staff, campaignId: campaign.id, now: NOW });
    const slot = await db.slot.findUniqueOrThrow({ where: { productId_date: { productId: pins.id, date: dayToDate(DAYS[2]) } } });
    expect(await db.booking.count({ where: { slotId: slot.id, ...activeBookingWhere(NOW) } })).toBe(3);
  });

  it("refuses to run, writing nothing, when a day given has no tariff", async () => {
    const { db, campaign, staff, pins, lac } = await scenario();
    await db.tariff.deleteMany({ where: { productId: { in: [pins.id, lac.id] } } });
    const before = await counts(db, campaign.id);
    expect(await codeOf(runAllocation({ actor: staff, campaignId: campaign.id, now: NOW }))).toMatch(
      /^INVALID: Aucun tarif n'est défini pour Centre (des Pins|du Lac) le [a-z]+ \d+ février 2027 : ajoutez-en un avant de lancer l'attribution\.$/,
    );
    expect(await counts(db, campaign.id)).toEqual(before);
    expect(await db.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).toMatchObject({ allocatedAt: null, seed: null });
    expect(await db.campaignRequestDay.count({ where: { request: { campaignId: campaign.id }, outcome: { not: "PENDING" } } })).toBe(0);
  });

  it("reads residents (towns compared without case or accents), confirmed working parents, and children enrolled the year before", async () => {
    const { db, campaign, families, pins } = await scenario();
    await db.authoritySettings.upsert({
      where: { id: 1 },
      create: {
        id: 1,
        name: "Commune",
        address1: "1 place de la Mairie",
        postalCode: "34480",
        city: "Magalas",
        phone: "04 67 00 00 00",
        email: "jeunesse@commune.fr",
        openingHours: {},
        legalNotice: "…",
        accessibility: "…",
        cgu: "…",
        userGuide: "…",
        residentCities: ["PEZENAS "],
      },
      update: { residentCities: ["PEZENAS "] },
    });
    try {
      const [declared, confirmed] = [families[1], families[2]];
      await db.household.update({ where: { id: declared.household.id }, data: { workingParents: true } });
      await db.household.update({ where: { id: confirmed.household.id }, data: { workingParents: true, workingParentsConfirmedAt: NOW } });
      // Families[3] asks Centre du Lac first: a Pins booking last year does not make it enrolled there; families[4] asks Pins.
      await openDays(db, pins.id, ["2026-07-06"], 10);
      for (const f of [families[3], families[4]]) {
        await createBooking(db, { productId: pins.id, personId: f.children[0].id, householdId: f.household.id, day: "2026-07-06", unitPriceCents: 800 });
      }
      const { input } = await loadAllocation(db, campaign.id, NOW);
      const of = (f: (typeof families)[number]) => input.requests.find((r) => r.personId === f.children[0].id)!;
      expect(of(families[0]).resident).toBe(true); // "Pézenas"
      expect(of(families[1]).resident).toBe(false); // "Paris"
      expect(of(declared).workingParents).toBe(false);
      expect(of(confirmed).workingParents).toBe(true);
      expect(of(families[3]).enrolled).toBe(false);
      expect(of(families[4]).enrolled).toBe(true);
      expect(of(families[0]).siblingGroup).toBe("together");
      expect(of(families[1]).siblingGroup).toBeNull();
      expect(normaliseTown("  Saint-Étienne   du  Rouvray")).toBe("saint-etienne du rouvray");
    } finally {
      await db.authoritySettings.deleteMany({});
    }
  });
});

describeOnPostgres("two launches at once (PostgreSQL)", () => {
  // One client (own pool) per launch, so the two transactions truly overlap.
  const clients = racingClients(2);

  it("runs the allocation once: the second waits on the campaign's lock, then finds it allocated and writes nothing", async () => {
    const { db, campaign, staff } = await scenario();
    const results = await Promise.allSettled(clients.map((client) => runAllocation({ db: client, actor: staff, campaignId: campaign.id, now: NOW })));
    const done = results.filter((r) => r.status === "fulfilled");
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(done).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(AppError);
    expect((refused[0] as AppError).message).toBe("L'attribution a déjà été lancée le 19/01/2027 10:00.");
    const run = (done[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof runAllocation>>>).value;
    expect((await counts(db, campaign.id)).bookings).toBe(run.attributed);
    expect(await db.auditEvent.count({ where: { action: "campaign.allocate", targetId: campaign.id } })).toBe(1);
  });
});

describe("runAllocation's two passes", () => {
  /** What each household's email must say, from what was committed. */
  async function expectedLines(db: Db, campaignId: string, productNames: Map<string, string>) {
    const days = await db.campaignRequestDay.findMany({
      where: { request: { campaignId } },
      include: { request: true },
      orderBy: [{ requestId: "asc" }, { date: "asc" }],
    });
    const byHousehold = new Map<string, string[]>();
    for (const d of days) {
      const line =
        d.outcome === "ATTRIBUTED"
          ? `- ${fullDayLabel(dateToDay(d.date))} : ${productNames.get(d.productId!)}`
          : `- ${fullDayLabel(dateToDay(d.date))} : ${productNames.get(d.productId!)}, rang ${d.rank}`;
      byHousehold.set(d.request.householdId, [...(byHousehold.get(d.request.householdId) ?? []), line]);
    }
    return byHousehold;
  }

  it("renders the emails before locking, and renders again under the locks those whose content changed in between", async () => {
    const { db, campaign, staff, pins, lac, families } = await scenario({ capacity: 2 });
    const other = families[1];
    const taken = await createBooking(db, { productId: pins.id, personId: other.children[0].id, householdId: other.household.id, day: DAYS[2], unitPriceCents: 800 });
    const before = await previewAllocation({ campaignId: campaign.id, now: NOW });
    const prepared = await prepareAllocation({ db, actor: staff, campaignId: campaign.id, now: NOW });
    expect(prepared.emails).toBe(families.length);
    expect(prepared.rendered.size).toBeGreaterThan(0);
    // Pre-pass written nothing.
    expect(await db.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).toMatchObject({ allocatedAt: null, seed: null });
    expect(await db.emailMessage.count({ where: { template: "campaign-result", subject: `${campaign.label} : résultat de votre demande` } })).toBe(0);

    // Between the two passes: a cancellation frees a place, staff add places on another day.
    await db.booking.update({ where: { id: taken.id }, data: { status: "CANCELLED", cancelledAt: NOW } });
    await db.slot.update({ where: { productId_date: { productId: lac.id, date: dayToDate(DAYS[1]) } }, data: { capacity: 4 } });

    const run = await commitAllocation({ db, actor: staff, prepared });
    expect(run.attributed).toBeGreaterThan(before.attributed);
    // Every email says exactly what was committed: each day given or waiting with its rank, the amount, the deadline.
    const lines = await expectedLines(db, campaign.id, new Map([pins, lac].map((p) => [p.id, p.name])));
    const emails = await db.emailMessage.findMany({ where: { id: { in: run.emailIds } } });
    expect(emails).toHaveLength(families.length);
    // The emails whose content changed were rendered again under the locks (at least the child given the freed place); the others came from the pre-pass.
    const prerendered = new Set([...prepared.rendered.values()].map((r) => r.html));
    const changed = new Set(emails.map((e) => e.html).filter((html) => !prerendered.has(html)));
    expect(changed.size).toBeGreaterThan(0);
    expect(run.emailsRenderedInTransaction).toBe(changed.size);
    for (const family of families) {
      const mail = emails.find((e) => e.to === family.account.email)!;
      const said = mail.text.split("\n").map((l) => l.trim()).filter((l) => l.startsWith("- "));
      expect(said.sort()).toEqual([...lines.get(family.household.id)!].sort());
      const invoice = await db.invoice.findFirst({ where: { householdId: family.household.id, bookings: { some: { campaignDay: { request: { campaignId: campaign.id } } } } }, include: { bookings: true } });
      if (invoice) {
        expect(mail.text).toContain(`Montant : ${formatCents(invoice.totalCents)} à payer avant le ${formatDateTime(invoice.bookings[0].heldUntil)}`);
        expect(invoice.bookings[0].heldUntil).toEqual(new Date(NOW.getTime() + 3 * 86_400_000));
      } else {
        expect(mail.text).toContain("vous n'avez rien à payer");
      }
    }
  });

  it("refuses a second launch before any rendering, and again under the lock when another launch finished in between", async () => {
    const { db, campaign, staff } = await scenario();
    const stale = await prepareAllocation({ db, actor: staff, campaignId: campaign.id, now: NOW });
    await runAllocation({ actor: staff, campaignId: campaign.id, now: NOW });
    const before = await counts(db, campaign.id);
    const refusal = "CONFLICT: L'attribution a déjà été lancée le 19/01/2027 10:00.";
    // The pre-pass refuses at once (no read of the requests, no email rendered).
    expect(await codeOf(prepareAllocation({ db, actor: staff, campaignId: campaign.id, now: NOW }))).toBe(refusal);
    // A pre-pass made before the other launch committed: the transaction refuses it under the campaign's lock.
    expect(await codeOf(commitAllocation({ db, actor: staff, prepared: stale }))).toBe(refusal);
    expect(await counts(db, campaign.id)).toEqual(before);
  });
});
