import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { dayToDate } from "@/lib/dates";
import { env } from "@/lib/env";
import { decideAbsenceReport, reportAbsence } from "@/lib/absences";
import { setSlotCapacity, setSlotClosed } from "@/lib/catalogue/calendar";
import { activeBookingWhere } from "@/lib/bookings/context";
import { cancelPendingBookings, expireStaleHolds } from "@/lib/bookings/cancel";
import { cancelBookedDays } from "@/lib/bookings/cancel-days";
import { holdBookings } from "@/lib/bookings/hold";
import { getFamilyCalendar } from "@/lib/bookings/calendar";
import { getBookingGrid, listHouseholdBookings } from "@/lib/bookings/queries";
import { createCanteen, createFamily, createStaffActor, newSubmissionKey, openDays } from "@/lib/bookings/testing";
import { createCampaign, createCampaignRequest, createPaidBookings } from "@/lib/factories";
import { runMaintenance } from "@/lib/maintenance";
import { readLatestEmailTo } from "@/lib/mail/outbox";
import { acceptOffer } from "./accept";
import { declineOffer, dropPassedEntries, expireOffers, joinWaitlist, leaveWaitlist, offerFreedPlaces, offerFreedPlacesAfterCommit } from "./index";
import { listHouseholdWaitlist, slotWaitlist } from "./queries";

// The canteen closes bookings 2 days before at 10:00 (Paris): 9 June closes on 7 June, 08:00 UTC.
const NOW = new Date("2026-06-03T08:00:00Z");
const DAY = "2026-06-09";
const DEADLINE = new Date("2026-06-07T08:00:00Z");
const HOUR = 3_600_000;

type Family = Awaited<ReturnType<typeof createFamily>>;

/** A day of `capacity` places, all held (unpaid) by one family, and others ready to wait for them. */
async function fullDay({ capacity = 1, waiting = 2, siblings = 1 }: { capacity?: number; waiting?: number; siblings?: number } = {}) {
  const db = await getDb();
  const canteen = await createCanteen(db, { capacity });
  const [slot] = await openDays(db, canteen.product.id, [DAY], capacity);
  const holder = await createFamily(db, { schoolClassId: canteen.schoolClass.id, children: capacity });
  const hold = await holdBookings({
    actor: holder.actor,
    householdId: holder.household.id,
    selections: holder.children.map((c) => ({ personId: c.id, productId: canteen.product.id, date: DAY })),
    submissionKey: newSubmissionKey(),
    now: NOW,
  });
  const others: Family[] = [];
  for (let i = 0; i < waiting; i++) others.push(await createFamily(db, { schoolClassId: canteen.schoolClass.id, children: siblings }));
  const join = (f: Family, child = 0, now = NOW) => joinWaitlist({ actor: f.actor, householdId: f.household.id, personId: f.children[child].id, slotId: slot.id, now });
  const entriesOf = (f: Family) => db.waitlistEntry.findMany({ where: { householdId: f.household.id }, include: { booking: true }, orderBy: { personId: "asc" } });
  const active = (now = NOW) => db.booking.count({ where: { slotId: slot.id, ...activeBookingWhere(now) } });
  const offerEmails = () =>
    db.emailMessage.findMany({ where: { template: "waitlist-offer", to: { in: others.map((o) => o.account.email) } }, orderBy: { createdAt: "asc" } });
  return { db, canteen, slot, holder, hold, others, join, entriesOf, active, offerEmails };
}

const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof AppError ? `${e.code}: ${e.message}` : e));

describe("joining a waiting list", () => {
  it("appends to a full day at the next rank, refusing twice, a day with room, another family's child and a passed deadline", async () => {
    const { db, canteen, slot, others, join, holder } = await fullDay({ waiting: 2 });
    const first = await join(others[0]);
    expect(first).toMatchObject({ rank: 1, position: 1 });
    const second = await join(others[1]);
    expect(second).toMatchObject({ rank: 2, position: 2 });
    expect(await codeOf(join(others[0]))).toMatch(/^CONFLICT: Emma est déjà sur la liste d'attente du/);
    // The holder's child already has the place.
    expect(await codeOf(join(holder))).toMatch(/^CONFLICT: Emma a déjà une réservation le/);
    // Another household's child: not found, as if it did not exist.
    expect(
      await codeOf(joinWaitlist({ actor: others[0].actor, householdId: others[0].household.id, personId: others[1].children[0].id, slotId: slot.id, now: NOW })),
    ).toMatch(/^NOT_FOUND/);
    expect(await codeOf(join(others[0], 0, new Date(DEADLINE.getTime() + 1)))).toMatch(/^INVALID: Délai de réservation dépassé/);
    // A day with room is booked, not waited for.
    const [roomy] = await openDays(db, canteen.product.id, ["2026-06-11"], 3);
    expect(
      await codeOf(joinWaitlist({ actor: others[0].actor, householdId: others[0].household.id, personId: others[0].children[0].id, slotId: roomy.id, now: NOW })),
    ).toMatch(/^CONFLICT: Il reste de la place/);
    expect(await db.waitlistEntry.count({ where: { slotId: slot.id } })).toBe(2);
    const audit = await db.auditEvent.count({ where: { action: "waitlist.join", targetId: first.entryId } });
    expect(audit).toBe(1);
  });

  it("a child waiting fills the day for a first-come hold: a freed place goes to the list first", async () => {
    const { db, canteen, others, join, holder, hold } = await fullDay({ capacity: 2, waiting: 2 });
    await join(others[0]);
    // Staff free one place by hand (no hook): one free place, one child waiting.
    await db.booking.updateMany({ where: { invoiceId: hold.invoiceId, personId: holder.children[0].id }, data: { status: "CANCELLED", heldUntil: null } });
    const attempt = holdBookings({
      actor: others[1].actor,
      householdId: others[1].household.id,
      selections: [{ personId: others[1].children[0].id, productId: canteen.product.id, date: DAY }],
      submissionKey: newSubmissionKey(),
      now: NOW,
    });
    expect(await codeOf(attempt)).toMatch(/^CONFLICT: Complet/);
  });

  it("leaving: the entry is removed, another family's entry is not found", async () => {
    const { db, others, join } = await fullDay();
    const { entryId } = await join(others[0]);
    expect(await codeOf(leaveWaitlist({ actor: others[1].actor, householdId: others[1].household.id, entryId, now: NOW }))).toMatch(/^NOT_FOUND/);
    await leaveWaitlist({ actor: others[0].actor, householdId: others[0].household.id, entryId, now: NOW });
    expect((await db.waitlistEntry.findUniqueOrThrow({ where: { id: entryId } })).status).toBe("REMOVED");
    // Twice: harmless.
    await leaveWaitlist({ actor: others[0].actor, householdId: others[0].household.id, entryId, now: NOW });
  });

  it("an offer is answered, not left: leaving is refused while a place is offered", async () => {
    const { others, join, holder, hold } = await fullDay();
    const { entryId } = await join(others[0]);
    await cancelPendingBookings({ actor: holder.actor, householdId: holder.household.id, invoiceId: hold.invoiceId, now: NOW });
    expect(await codeOf(leaveWaitlist({ actor: others[0].actor, householdId: others[0].household.id, entryId, now: NOW }))).toBe(
      "CONFLICT: Une place vous est proposée ce jour-là : acceptez-la ou refusez-la.",
    );
  });
});

describe("offering freed places", () => {
  it("cancelling a held day offers it to rank 1 only: a held booking without invoice until the offer ends, an email, an audit", async () => {
    const { db, slot, holder, hold, others, join, entriesOf, active, offerEmails } = await fullDay({ waiting: 2 });
    await join(others[0]);
    await join(others[1]);
    await cancelPendingBookings({ actor: holder.actor, householdId: holder.household.id, invoiceId: hold.invoiceId, now: NOW });
    const [offered] = await entriesOf(others[0]);
    expect(offered.status).toBe("OFFERED");
    expect(offered.offerExpiresAt).toEqual(new Date(NOW.getTime() + 48 * HOUR));
    expect(offered.booking).toMatchObject({ status: "HELD", invoiceId: null, unitPriceCents: 250, heldUntil: offered.offerExpiresAt });
    expect((await entriesOf(others[1]))[0].status).toBe("WAITING");
    expect(await active()).toBe(1);
    const emails = await offerEmails();
    expect(emails.map((e) => [e.to, e.subject])).toEqual([[others[0].account.email, "Une place s'est libérée le mardi 9 juin (Repas cantine)"]]);
    // Delivered after commit: the outbox holds what was sent.
    const sent = await readLatestEmailTo(others[0].account.email);
    expect(sent?.html).toContain("/demandes/liste-attente");
    expect(sent?.html).toContain("Voir la proposition");
    expect(await db.auditEvent.count({ where: { action: "waitlist.offer", targetId: offered.id } })).toBe(1);
    // Offering again changes nothing: the offer's hold takes the place.
    expect(await offerFreedPlaces({ slotIds: [slot.id], now: NOW })).toBe(0);
    // Not a booking yet: "Mes réservations" does not list the offer (it has no invoice to pay).
    const bookings = await listHouseholdBookings({ householdId: others[0].household.id, month: "2026-06", now: NOW });
    expect(bookings.children.flatMap((c) => c.bookings)).toEqual([]);
    const list = await listHouseholdWaitlist({ householdId: others[1].household.id, now: NOW });
    expect(list).toMatchObject([{ status: "WAITING", position: 1, statusLabel: "En liste d'attente" }]);
  });

  it("siblings kept together are offered together, or skipped (keeping their rank) when the places left cannot hold them", async () => {
    const { db, slot, holder, hold, others, entriesOf } = await fullDay({ capacity: 2, waiting: 2, siblings: 2 });
    const [twins, single] = others;
    // The twins wait as one unit (an allocation's sibling group), rank 1; one child of the other family, rank 2.
    await db.waitlistEntry.createMany({
      data: [
        ...twins.children.map((c) => ({ slotId: slot.id, personId: c.id, householdId: twins.household.id, rank: 1, groupKey: "twins" })),
        { slotId: slot.id, personId: single.children[0].id, householdId: single.household.id, rank: 2 },
      ],
    });
    expect(await slotWaitlist({ productId: slot.productId, day: DAY })).toHaveLength(3);
    // One place frees: too small for the twins, who keep rank 1; the single child gets it.
    const [one] = await db.booking.findMany({ where: { invoiceId: hold.invoiceId }, orderBy: { id: "asc" } });
    await cancelBookedDays({ actor: holder.actor, householdId: holder.household.id, bookingIds: [one.id], now: NOW });
    expect((await entriesOf(twins)).map((e) => e.status)).toEqual(["WAITING", "WAITING"]);
    expect((await entriesOf(single))[0].status).toBe("OFFERED");
    const position = await listHouseholdWaitlist({ householdId: twins.household.id, now: NOW });
    expect(position.map((p) => p.position)).toEqual([1, 1]);
    // The single child declines and the other place frees: two places, the twins get both, in one email.
    await declineOffer({ actor: single.actor, householdId: single.household.id, entryId: (await entriesOf(single))[0].id, now: NOW });
    expect((await entriesOf(twins)).map((e) => e.status)).toEqual(["WAITING", "WAITING"]);
    await cancelPendingBookings({ actor: holder.actor, householdId: holder.household.id, invoiceId: hold.invoiceId, now: NOW });
    expect((await entriesOf(twins)).map((e) => e.status)).toEqual(["OFFERED", "OFFERED"]);
    const emails = await db.emailMessage.findMany({ where: { template: "waitlist-offer", to: twins.account.email } });
    expect(emails).toHaveLength(1);
    expect((await readLatestEmailTo(twins.account.email))?.html).toMatch(/Emma et Lucas/);
    // Accepting one accepts both: one invoice for the two children.
    const accepted = await acceptOffer({ actor: twins.actor, householdId: twins.household.id, entryId: (await entriesOf(twins))[0].id, now: NOW });
    expect(accepted.totalCents).toBe(500);
    expect((await entriesOf(twins)).map((e) => [e.status, e.booking?.invoiceId])).toEqual([
      ["ACCEPTED", accepted.invoiceId],
      ["ACCEPTED", accepted.invoiceId],
    ]);
  });

  it("no offer once the day's booking deadline has passed; maintenance then drops the entry", async () => {
    const { db, slot, others, join, entriesOf, hold } = await fullDay();
    await join(others[0]);
    const late = new Date(DEADLINE.getTime() + HOUR);
    await db.booking.updateMany({ where: { invoiceId: hold.invoiceId }, data: { status: "CANCELLED", heldUntil: null } });
    expect(await offerFreedPlaces({ slotIds: [slot.id], now: late })).toBe(0);
    expect((await entriesOf(others[0]))[0].status).toBe("WAITING");
    expect(await dropPassedEntries(late)).toBeGreaterThanOrEqual(1);
    expect((await entriesOf(others[0]))[0].status).toBe("REMOVED");
  });

  it("an offer close to the deadline ends at the deadline", async () => {
    const { others, join, entriesOf, holder, hold } = await fullDay();
    await join(others[0]);
    const now = new Date(DEADLINE.getTime() - 2 * HOUR);
    await cancelPendingBookings({ actor: holder.actor, householdId: holder.household.id, invoiceId: hold.invoiceId, now });
    expect((await entriesOf(others[0]))[0].offerExpiresAt).toEqual(DEADLINE);
  });

  it("an offer not answered in time expires and moves on; accepting it then is refused", async () => {
    const { others, join, entriesOf, holder, hold, active } = await fullDay();
    await join(others[0]);
    await join(others[1]);
    await cancelPendingBookings({ actor: holder.actor, householdId: holder.household.id, invoiceId: hold.invoiceId, now: NOW });
    const [first] = await entriesOf(others[0]);
    const later = new Date(NOW.getTime() + 49 * HOUR);
    // Before the maintenance run: the hold has ended, the acceptance is refused.
    expect(await codeOf(acceptOffer({ actor: others[0].actor, householdId: others[0].household.id, entryId: first.id, now: later }))).toMatch(/^CONFLICT: Cette proposition a expiré/);
    expect(await listHouseholdWaitlist({ householdId: others[0].household.id, now: later })).toMatchObject([{ status: "EXPIRED" }]);
    expect(await expireOffers(later)).toBeGreaterThanOrEqual(1);
    const [expired] = await entriesOf(others[0]);
    expect(expired.status).toBe("EXPIRED");
    expect(expired.booking?.status).toBe("EXPIRED");
    const [next] = await entriesOf(others[1]);
    expect(next.status).toBe("OFFERED");
    expect(next.offerExpiresAt).toEqual(DEADLINE);
    expect(await active(later)).toBe(1);
    expect(await codeOf(acceptOffer({ actor: others[0].actor, householdId: others[0].household.id, entryId: first.id, now: later }))).toMatch(/^CONFLICT: Cette proposition a expiré/);
  });

  it("accepting invoices the place (pending payment, the first-come hold); a second click answers with the same invoice; another family's entry is not found", async () => {
    const { db, others, join, entriesOf, holder, hold, active } = await fullDay();
    const { entryId } = await join(others[0]);
    await cancelPendingBookings({ actor: holder.actor, householdId: holder.household.id, invoiceId: hold.invoiceId, now: NOW });
    const stranger = others[1];
    expect(await codeOf(acceptOffer({ actor: stranger.actor, householdId: stranger.household.id, entryId, now: NOW }))).toMatch(/^NOT_FOUND/);
    expect(await codeOf(declineOffer({ actor: stranger.actor, householdId: stranger.household.id, entryId, now: NOW }))).toMatch(/^NOT_FOUND/);
    const at = new Date(NOW.getTime() + HOUR);
    const accepted = await acceptOffer({ actor: others[0].actor, householdId: others[0].household.id, entryId, now: at });
    expect(accepted).toMatchObject({ totalCents: 250, alreadyDone: false });
    const invoice = await db.invoice.findUniqueOrThrow({ where: { id: accepted.invoiceId }, include: { lines: true } });
    expect(invoice).toMatchObject({ status: "PENDING_PAYMENT", householdId: others[0].household.id, totalCents: 250 });
    expect(invoice.lines).toHaveLength(1);
    const [entry] = await entriesOf(others[0]);
    expect(entry.status).toBe("ACCEPTED");
    expect(entry.booking).toMatchObject({ status: "HELD", invoiceId: accepted.invoiceId, heldUntil: new Date(at.getTime() + env().holdMinutes * 60_000) });
    const again = await acceptOffer({ actor: others[0].actor, householdId: others[0].household.id, entryId, now: at });
    expect(again).toMatchObject({ invoiceId: accepted.invoiceId, alreadyDone: true });
    expect(await db.invoice.count({ where: { householdId: others[0].household.id } })).toBe(1);
    expect(await active(at)).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "waitlist.accept", targetId: entryId } })).toBe(1);
    expect(await listHouseholdWaitlist({ householdId: others[0].household.id, now: at })).toMatchObject([
      { status: "ACCEPTED", invoiceId: accepted.invoiceId, invoicePending: true },
    ]);
  });

  it("declining cancels the offer's hold and offers the place to the next; declining twice is harmless", async () => {
    const { others, join, entriesOf, holder, hold } = await fullDay();
    const { entryId } = await join(others[0]);
    await join(others[1]);
    await cancelPendingBookings({ actor: holder.actor, householdId: holder.household.id, invoiceId: hold.invoiceId, now: NOW });
    await declineOffer({ actor: others[0].actor, householdId: others[0].household.id, entryId, now: NOW });
    const [declined] = await entriesOf(others[0]);
    expect(declined.status).toBe("DECLINED");
    expect(declined.booking?.status).toBe("CANCELLED");
    expect((await entriesOf(others[1]))[0].status).toBe("OFFERED");
    expect(await declineOffer({ actor: others[0].actor, householdId: others[0].household.id, entryId, now: NOW })).toMatchObject({ alreadyDone: true });
    expect(await codeOf(acceptOffer({ actor: others[0].actor, householdId: others[0].household.id, entryId, now: NOW }))).toMatch(/^CONFLICT: Vous avez refusé/);
  });
});

describe("places freed elsewhere reach the waiting list", () => {
  it("a hold that runs out (expireStaleHolds), then the maintenance run for anything left", async () => {
    const { others, join, entriesOf } = await fullDay();
    await join(others[0]);
    const later = new Date(NOW.getTime() + env().holdMinutes * 60_000 + 1000);
    expect(await expireStaleHolds(later)).toBeGreaterThanOrEqual(1);
    expect((await entriesOf(others[0]))[0].status).toBe("OFFERED");
  });

  it("the maintenance run offers a place freed without a hook, and expires offers", async () => {
    const { db, others, join, entriesOf, hold } = await fullDay();
    await join(others[0]);
    await join(others[1]);
    await db.booking.updateMany({ where: { invoiceId: hold.invoiceId }, data: { status: "CANCELLED", heldUntil: null } });
    // The unpaid invoice left without a held day is expired first (expiredHolds), whose hook offers the place.
    const report = await runMaintenance(NOW);
    expect(report).toHaveProperty("waitlist");
    expect((await entriesOf(others[0]))[0].status).toBe("OFFERED");
    const later = new Date(NOW.getTime() + 49 * HOUR);
    await runMaintenance(later);
    expect((await entriesOf(others[0]))[0].status).toBe("EXPIRED");
    expect((await entriesOf(others[1]))[0].status).toBe("OFFERED");
  });

  it("a paid day cancelled (cancelBookedDays) and an absence before the day (reportAbsence) free their places for the list", async () => {
    const db = await getDb();
    const canteen = await createCanteen(db, { capacity: 1 });
    await db.product.update({ where: { id: canteen.product.id }, data: { absenceCredit: "AUTO", absenceDeadlineDays: 0, absenceDeadlineTime: "09:00" } });
    const [d1, d2] = await openDays(db, canteen.product.id, [DAY, "2026-06-11"], 1);
    const payer = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    const waiter = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    const staff = await createStaffActor(db);
    const paid = await createPaidBookings(db, {
      actor: payer.actor,
      staff,
      householdId: payer.household.id,
      selections: [DAY, "2026-06-11"].map((date) => ({ personId: payer.children[0].id, productId: canteen.product.id, date })),
      now: NOW,
    });
    for (const slot of [d1, d2]) await joinWaitlist({ actor: waiter.actor, householdId: waiter.household.id, personId: waiter.children[0].id, slotId: slot.id, now: NOW });
    const [b1, b2] = await db.booking.findMany({ where: { invoiceId: paid.invoiceId }, orderBy: { slot: { date: "asc" } } });
    await cancelBookedDays({ actor: payer.actor, householdId: payer.household.id, bookingIds: [b1.id], now: NOW });
    await reportAbsence({ actor: payer.actor, householdId: payer.household.id, bookingIds: [b2.id], reason: "MALADIE", now: NOW });
    const entries = await db.waitlistEntry.findMany({ where: { householdId: waiter.household.id }, include: { slot: true }, orderBy: { slot: { date: "asc" } } });
    expect(entries.map((e) => e.status)).toEqual(["OFFERED", "OFFERED"]);
  });
});

describe("staff freeing places", () => {
  it("a raised capacity and a reopened day go to the list (what /admin/calendrier's actions run after saving)", async () => {
    const { db, slot, others, join, entriesOf } = await fullDay({ waiting: 2 });
    await join(others[0]);
    await join(others[1]);
    const staff = await createStaffActor(db);
    await setSlotCapacity({ actor: staff, slotId: slot.id, capacity: 2, now: NOW });
    await offerFreedPlacesAfterCommit([slot.id], NOW);
    expect((await entriesOf(others[0]))[0].status).toBe("OFFERED");
    expect((await entriesOf(others[1]))[0].status).toBe("WAITING");
    await setSlotClosed({ actor: staff, slotId: slot.id, closed: true });
    await setSlotCapacity({ actor: staff, slotId: slot.id, capacity: 3, now: NOW });
    // Closed: nothing offered.
    await offerFreedPlacesAfterCommit([slot.id], NOW);
    expect((await entriesOf(others[1]))[0].status).toBe("WAITING");
    await setSlotClosed({ actor: staff, slotId: slot.id, closed: false });
    await offerFreedPlacesAfterCommit([slot.id], NOW);
    expect((await entriesOf(others[1]))[0].status).toBe("OFFERED");
  });

  it("an absence approved by staff (certificate) frees the place for the list", async () => {
    const db = await getDb();
    const canteen = await createCanteen(db, { capacity: 1 });
    await db.product.update({ where: { id: canteen.product.id }, data: { absenceCredit: "CERTIFICATE", absenceDeadlineDays: 0, absenceDeadlineTime: "09:00" } });
    const [slot] = await openDays(db, canteen.product.id, [DAY], 1);
    const payer = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    const waiter = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    const staff = await createStaffActor(db);
    const paid = await createPaidBookings(db, {
      actor: payer.actor,
      staff,
      householdId: payer.household.id,
      selections: [{ personId: payer.children[0].id, productId: canteen.product.id, date: DAY }],
      now: NOW,
    });
    await joinWaitlist({ actor: waiter.actor, householdId: waiter.household.id, personId: waiter.children[0].id, slotId: slot.id, now: NOW });
    const [booking] = await db.booking.findMany({ where: { invoiceId: paid.invoiceId } });
    const { reportId } = await reportAbsence({ actor: payer.actor, householdId: payer.household.id, bookingIds: [booking.id], reason: "MALADIE", now: NOW });
    // Waiting for staff: the child may still come, the place is not free.
    expect((await db.waitlistEntry.findFirstOrThrow({ where: { householdId: waiter.household.id } })).status).toBe("WAITING");
    await decideAbsenceReport({ actor: staff, reportId, approve: true, now: NOW });
    expect((await db.waitlistEntry.findFirstOrThrow({ where: { householdId: waiter.household.id } })).status).toBe("OFFERED");
  });
});

describe("campaign days and first come", () => {
  it("a campaign's days are refused first come until allocated, then open beyond the product's months ahead", async () => {
    const db = await getDb();
    const canteen = await createCanteen(db, { capacity: 5, openMonthsAhead: 1 });
    const far = "2026-10-20";
    await openDays(db, canteen.product.id, [DAY, far], 5);
    const fam = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    const campaign = await createCampaign(db, {
      label: "Vacances d'automne 2026",
      productIds: [canteen.product.id],
      firstDay: DAY,
      lastDay: far,
      opensAt: new Date("2026-06-01T08:00:00Z"),
      closesAt: new Date("2026-06-02T08:00:00Z"),
      allocationDay: "2026-06-03",
    });
    const book = (date: string) =>
      holdBookings({
        actor: fam.actor,
        householdId: fam.household.id,
        selections: [{ personId: fam.children[0].id, productId: canteen.product.id, date }],
        submissionKey: newSubmissionKey(),
        now: NOW,
      });
    expect(await codeOf(book(DAY))).toBe("INVALID: Mardi 9 juin 2026 : inscriptions sur demande (« Vacances d'automne 2026 »).");
    // Nor can a family queue for it first come: the campaign's allocation fills the list.
    const slot = await db.slot.findFirstOrThrow({ where: { productId: canteen.product.id, date: new Date(`${DAY}T00:00:00Z`) } });
    await db.slot.update({ where: { id: slot.id }, data: { capacity: 0 } });
    const queue = joinWaitlist({ actor: fam.actor, householdId: fam.household.id, personId: fam.children[0].id, slotId: slot.id, now: NOW });
    expect(await codeOf(queue)).toBe("INVALID: Mardi 9 juin 2026 : inscriptions sur demande (« Vacances d'automne 2026 »).");
    await db.slot.update({ where: { id: slot.id }, data: { capacity: 5 } });
    await db.campaign.update({ where: { id: campaign.id }, data: { allocatedAt: NOW } });
    expect(await codeOf(book(far))).toBe("ok");
    expect(await codeOf(book(DAY))).toBe("ok");
  });
});

describe("the grid and the family calendar", () => {
  it("say « Complet » (with the slot to wait for), « Liste d'attente », « Place proposée » and « Sur demande »", async () => {
    const { db, canteen, slot, holder, hold, others, join } = await fullDay({ waiting: 2 });
    const [waiter, offeredFamily] = others;
    await join(offeredFamily);
    await join(waiter);
    const [campaignSlot] = await openDays(db, canteen.product.id, ["2026-06-11"], 5);
    const campaign = await createCampaign(db, {
      label: "Stage de juin",
      productIds: [canteen.product.id],
      firstDay: "2026-06-11",
      lastDay: "2026-06-11",
      opensAt: new Date("2026-06-01T08:00:00Z"),
      closesAt: new Date("2026-06-05T08:00:00Z"),
      allocationDay: "2026-06-06",
    });
    const states = async (f: Family) => {
      const grid = await getBookingGrid({ householdId: f.household.id, productId: canteen.product.id, children: "tous", now: NOW });
      const calendar = await getFamilyCalendar({ householdId: f.household.id, month: "2026-06", only: { productId: canteen.product.id }, now: NOW });
      const key = calendar.rows[0].key;
      const cal = (day: string) => calendar.weeks.flatMap((w) => w.days).find((d) => d.day === day)!.cells[key];
      const gridDay = (day: string) => grid.days.find((d) => d.day === day)!;
      return { gridDay, cal, child: f.children[0].id };
    };
    const before = await states(others[1]);
    expect(before.gridDay(DAY).cells[before.child]).toBe("waitlist");
    expect(before.cal(DAY)).toEqual({ state: "waitlist" });
    const stranger = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    const s = await states(stranger);
    expect(s.gridDay(DAY)).toMatchObject({ slotId: slot.id, cells: { [s.child]: "full" } });
    expect(s.cal(DAY)).toEqual({ state: "full", slotId: slot.id });
    expect(s.gridDay("2026-06-11")).toMatchObject({ slotId: campaignSlot.id, campaign: { id: campaign.id, label: "Stage de juin" }, cells: { [s.child]: "campaign" } });
    expect(s.cal("2026-06-11")).toEqual({ state: "campaign", campaign: { id: campaign.id, label: "Stage de juin" } });
    await cancelPendingBookings({ actor: holder.actor, householdId: holder.household.id, invoiceId: hold.invoiceId, now: NOW });
    const after = await states(offeredFamily);
    expect(after.gridDay(DAY).cells[after.child]).toBe("offered");
    expect(after.cal(DAY)).toMatchObject({ state: "offered" });
    // Still full for the others: the offer holds the place, one child still waits.
    const later = await states(stranger);
    expect(later.gridDay(DAY).cells[later.child]).toBe("full");
  });

  it("an entry from a campaign's allocation is offered for the campaign's offerHours and, accepted, kept for its payWithinDays", async () => {
    const { db, canteen, slot, holder, hold, others } = await fullDay({ waiting: 1 });
    const [waiter] = others;
    const campaign = await createCampaign(db, {
      label: "Stage de juin",
      productIds: [canteen.product.id],
      firstDay: DAY,
      lastDay: DAY,
      opensAt: new Date("2026-05-01T08:00:00Z"),
      closesAt: new Date("2026-05-10T08:00:00Z"),
      allocationDay: "2026-05-11",
      offerHours: 24,
      payWithinDays: 2,
    });
    await db.campaign.update({ where: { id: campaign.id }, data: { allocatedAt: new Date("2026-05-11T08:00:00Z") } });
    const request = await createCampaignRequest(db, { campaignId: campaign.id, householdId: waiter.household.id, personId: waiter.children[0].id, firstProductId: canteen.product.id, days: [DAY] });
    await db.campaignRequestDay.update({ where: { id: request.days[0].id }, data: { outcome: "WAITLISTED", productId: canteen.product.id, rank: 1 } });
    const entry = await db.waitlistEntry.create({
      data: { slotId: slot.id, personId: waiter.children[0].id, householdId: waiter.household.id, rank: 1, campaignRequestDayId: request.days[0].id },
    });
    await cancelPendingBookings({ actor: holder.actor, householdId: holder.household.id, invoiceId: hold.invoiceId, now: NOW });
    const offered = await db.waitlistEntry.findUniqueOrThrow({ where: { id: entry.id } });
    expect(offered).toMatchObject({ status: "OFFERED", offerExpiresAt: new Date(NOW.getTime() + 24 * HOUR) });
    const accepted = await acceptOffer({ actor: waiter.actor, householdId: waiter.household.id, entryId: entry.id, now: NOW });
    const booking = await db.booking.findUniqueOrThrow({ where: { id: offered.bookingId! } });
    expect(booking).toMatchObject({ invoiceId: accepted.invoiceId, heldUntil: new Date(NOW.getTime() + 2 * 24 * HOUR) });
  });

  it("an allocated campaign's days beyond the product's months ahead appear in the grid and the calendar", async () => {
    const db = await getDb();
    const canteen = await createCanteen(db, { capacity: 5, openMonthsAhead: 1 });
    const far = "2026-10-20";
    await openDays(db, canteen.product.id, [DAY, far], 5);
    const fam = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    await createCampaign(db, {
      label: "Vacances d'automne 2026",
      productIds: [canteen.product.id],
      firstDay: "2026-10-19",
      lastDay: "2026-10-30",
      opensAt: new Date("2026-06-01T08:00:00Z"),
      closesAt: new Date("2026-06-02T08:00:00Z"),
      allocationDay: "2026-06-03",
    }).then((c) => db.campaign.update({ where: { id: c.id }, data: { allocatedAt: NOW } }));
    const grid = await getBookingGrid({ householdId: fam.household.id, productId: canteen.product.id, children: "tous", month: "2026-10", now: NOW });
    expect(grid.month).toBe("2026-10");
    expect(grid.days.map((d) => [d.day, d.cells[fam.children[0].id]])).toEqual([[far, "available"]]);
    const calendar = await getFamilyCalendar({ householdId: fam.household.id, month: "2026-10", only: { productId: canteen.product.id }, now: NOW });
    expect(calendar.month).toBe("2026-10");
  });
});

describe("the yearly file update", () => {
  it("a family that has not confirmed its file cannot queue for, nor accept, a day its service keeps for updated files", async () => {
    const { db, canteen, slot, others, join, entriesOf } = await fullDay({ waiting: 2 });
    await join(others[0]);
    // Staff then open the update for a school year that covers the day, on a service that requires it.
    await db.service.update({ where: { id: canteen.service.id }, data: { requiresFileUpdate: true } });
    const campaign = await db.fileUpdateCampaign.create({
      data: { label: "Rentrée de juin", schoolYearStart: dayToDate("2026-06-01"), deadline: dayToDate("2026-06-30") },
    });
    try {
      expect(await codeOf(join(others[1]))).toBe(
        "INVALID: Mettez à jour votre dossier famille avant de réserver à partir du 01/06/2026 (Mon espace › Mise à jour du dossier).",
      );
      expect(await entriesOf(others[1])).toEqual([]);

      const staff = await createStaffActor(db);
      await setSlotCapacity({ actor: staff, slotId: slot.id, capacity: 2, now: NOW });
      await offerFreedPlacesAfterCommit([slot.id], NOW);
      const [offered] = await entriesOf(others[0]);
      expect(offered.status).toBe("OFFERED");
      const accept = () => acceptOffer({ actor: others[0].actor, householdId: others[0].household.id, entryId: offered.id, now: NOW });
      expect(await codeOf(accept())).toMatch(/^INVALID: Mettez à jour votre dossier famille/);
      expect((await entriesOf(others[0]))[0]).toMatchObject({ status: "OFFERED", booking: { invoiceId: null } });

      // Confirmed within the offer's time: the place is the family's.
      await db.fileUpdateConfirmation.create({ data: { campaignId: campaign.id, householdId: others[0].household.id } });
      expect(await accept()).toMatchObject({ alreadyDone: false });
    } finally {
      await db.fileUpdateCampaign.update({ where: { id: campaign.id }, data: { closedAt: NOW } });
    }
  });
});
