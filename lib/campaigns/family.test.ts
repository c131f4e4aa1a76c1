import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { dayToDate } from "@/lib/dates";
import { createCampaign, createCampaignRequest } from "@/lib/factories";
import { createFamily, uniqueSuffix } from "@/lib/bookings/testing";
import { countStatements } from "@/lib/test/count-statements";
import { getFamilyCampaignPage, listHouseholdCampaigns } from "./family";
import { campaignWorld, DAYS, NOW } from "./request-fixtures";

const statements = countStatements();

async function world() {
  const w = await campaignWorld(await getDb());
  const [emma] = w.family.children;
  const mine = await createCampaignRequest(w.db, {
    campaignId: w.campaign.id,
    householdId: w.family.household.id,
    personId: emma.id,
    firstProductId: w.pins.id,
    secondProductId: w.sources.id,
    days: [DAYS[0], DAYS[1]],
  });
  const theirs = await createCampaignRequest(w.db, {
    campaignId: w.campaign.id,
    householdId: w.other.household.id,
    personId: w.other.children[0].id,
    firstProductId: w.pins.id,
    days: [DAYS[0], DAYS[1]],
  });
  return { ...w, mine, theirs };
}

/** The allocation's writes, as far as a family reads them: an attributed day with its held booking and invoice, a waitlisted one with its entry. */
async function allocate(w: Awaited<ReturnType<typeof world>>) {
  const { db } = w;
  const heldUntil = new Date("2027-01-28T09:00:00Z");
  await db.campaign.update({ where: { id: w.campaign.id }, data: { allocatedAt: new Date("2027-01-25T09:00:00Z") } });
  const slot = (n: number) => db.slot.findUniqueOrThrow({ where: { productId_date: { productId: w.pins.id, date: dayToDate(DAYS[n]) } } });
  const invoice = (householdId: string, number: number) =>
    db.invoice.create({ data: { number, householdId, status: "PENDING_PAYMENT", totalCents: 1200, paymentIdentifier: `P${uniqueSuffix()}${number}` } });
  const booking = (householdId: string, personId: string, slotId: string, invoiceId: string) =>
    db.booking.create({ data: { slotId, personId, householdId, status: "HELD", heldUntil, unitPriceCents: 1200, invoiceId } });
  const [day0, day1] = [await slot(0), await slot(1)];

  const mineInvoice = await invoice(w.family.household.id, 910001);
  const theirInvoice = await invoice(w.other.household.id, 910002);
  const [mine0, mine1] = w.mine.days;
  const [their0, their1] = w.theirs.days;
  const myBooking = await booking(w.family.household.id, w.family.children[0].id, day0.id, mineInvoice.id);
  const theirBooking = await booking(w.other.household.id, w.other.children[0].id, day0.id, theirInvoice.id);
  await db.campaignRequestDay.update({ where: { id: mine0.id }, data: { outcome: "ATTRIBUTED", productId: w.pins.id, choice: 1, decidedBy: "DRAW", bookingId: myBooking.id } });
  await db.campaignRequestDay.update({ where: { id: their0.id }, data: { outcome: "ATTRIBUTED", productId: w.pins.id, choice: 1, decidedBy: "DRAW", bookingId: theirBooking.id } });
  // Day 1: they wait first (rank 1), a declined entry sat at rank 2, we wait at rank 3 → we are second now.
  await db.campaignRequestDay.update({ where: { id: their1.id }, data: { outcome: "WAITLISTED", productId: w.pins.id, choice: 1, rank: 1, decidedBy: "DRAW" } });
  await db.campaignRequestDay.update({ where: { id: mine1.id }, data: { outcome: "WAITLISTED", productId: w.pins.id, choice: 1, rank: 3, decidedBy: "DRAW" } });
  const stranger = await createFamily(db, { schoolClassId: (await db.person.findUniqueOrThrow({ where: { id: w.family.children[0].id } })).schoolClassId! });
  await db.waitlistEntry.createMany({
    data: [
      { slotId: day1.id, personId: w.other.children[0].id, householdId: w.other.household.id, rank: 1, campaignRequestDayId: their1.id },
      { slotId: day1.id, personId: stranger.children[0].id, householdId: stranger.household.id, rank: 2, status: "DECLINED" },
      { slotId: day1.id, personId: w.family.children[0].id, householdId: w.family.household.id, rank: 3, campaignRequestDayId: mine1.id },
    ],
  });
  return { mineInvoice, theirInvoice, heldUntil, stranger };
}

describe("family campaign reads", () => {
  it("lists the campaigns not yet over, with whether this household asked", async () => {
    const w = await world();
    await createCampaign(w.db, {
      label: "Vacances passées",
      productIds: [w.pins.id],
      firstDay: "2026-12-21",
      lastDay: "2027-01-08",
      opensAt: new Date("2026-11-01T08:00:00Z"),
      closesAt: new Date("2026-11-15T08:00:00Z"),
      allocationDay: "2026-11-20",
    });
    statements.length = 0;
    const mine = await listHouseholdCampaigns({ householdId: w.family.household.id, now: NOW });
    // Read on every view of Accueil and Demandes.
    expect(statements).toHaveLength(1);
    expect(mine.map((c) => c.label)).not.toContain("Vacances passées");
    expect(mine.find((c) => c.id === w.campaign.id)).toMatchObject({ phase: "OPEN", hasRequest: true, firstDay: DAYS[0] });
    const stranger = await createFamily(w.db, { schoolClassId: w.family.children[0].schoolClassId! });
    expect((await listHouseholdCampaigns({ householdId: stranger.household.id, now: NOW })).find((c) => c.id === w.campaign.id)).toMatchObject({ hasRequest: false });
  });

  it("while open: the household's children with the days each may ask per centre, and only its own request", async () => {
    const w = await world();
    statements.length = 0;
    const page = (await getFamilyCampaignPage({ householdId: w.family.household.id, campaignId: w.campaign.id, now: NOW }))!;
    // The campaign, the household, its requests, its children, the days open.
    expect(statements.length, statements.join("\n\n")).toBeLessThanOrEqual(5);
    expect(page.campaign.phase).toBe("OPEN");
    expect(page.products.map((p) => p.name)).toEqual(["Centre des Pins", "Centre des Sources", "Les Petits Loups"]);
    expect(page.form!.map((c) => c.personId)).toEqual(w.family.children.map((c) => c.id));
    // Les Sources is closed on the Wednesday; Les Petits Loups takes no child of 10.
    expect(page.form![0].daysByProduct).toEqual({ [w.pins.id]: DAYS, [w.sources.id]: DAYS.filter((d) => d !== DAYS[2]) });
    expect(page.requests).toEqual([
      {
        personId: w.family.children[0].id,
        firstName: "Emma",
        lastName: w.family.children[0].lastName,
        firstProductId: w.pins.id,
        secondProductId: w.sources.id,
        together: false,
        days: [DAYS[0], DAYS[1]],
      },
    ]);
    expect(page.results).toBeNull();
    expect(await getFamilyCampaignPage({ householdId: w.family.household.id, campaignId: "c000000000000000000000000", now: NOW })).toBeNull();
  });

  it("once allocated: per day what was given or the place in the queue now, and the invoice to pay, of this household only", async () => {
    const w = await world();
    const { mineInvoice, theirInvoice, heldUntil, stranger } = await allocate(w);
    const after = new Date("2027-01-26T09:00:00Z");
    statements.length = 0;
    const page = (await getFamilyCampaignPage({ householdId: w.family.household.id, campaignId: w.campaign.id, now: after }))!;
    // The campaign, the household, its requests with their outcomes, the queue positions, the invoices.
    expect(statements.length, statements.join("\n\n")).toBeLessThanOrEqual(5);
    expect(page.campaign.phase).toBe("ALLOCATED");
    expect(page.form).toBeNull();
    expect(page.results!.children).toHaveLength(1);
    expect(page.results!.children[0].days).toEqual([
      {
        day: DAYS[0],
        outcome: "ATTRIBUTED",
        productName: "Centre des Pins",
        choice: 1,
        rank: null,
        booking: { status: "HELD", heldUntil, invoiceId: mineInvoice.id },
        waitlist: null,
      },
      {
        day: DAYS[1],
        outcome: "WAITLISTED",
        productName: "Centre des Pins",
        choice: 1,
        rank: 3,
        booking: null,
        waitlist: { status: "WAITING", position: 2, offerExpiresAt: null },
      },
    ]);
    expect(page.results!.invoices).toEqual([{ id: mineInvoice.id, number: 910001, totalCents: 1200, status: "PENDING_PAYMENT", heldUntil }]);
    const text = JSON.stringify(page);
    for (const foreign of [theirInvoice.id, w.other.children[0].id, w.other.household.id, stranger.children[0].id]) expect(text).not.toContain(foreign);

    // The other household reads its own, first in the queue it is not in.
    const theirs = (await getFamilyCampaignPage({ householdId: w.other.household.id, campaignId: w.campaign.id, now: after }))!;
    expect(theirs.results!.invoices.map((i) => i.id)).toEqual([theirInvoice.id]);
    expect(theirs.results!.children[0].days[1].waitlist).toMatchObject({ status: "WAITING", position: 1 });
    expect(JSON.stringify(theirs)).not.toContain(mineInvoice.id);
  });
});
