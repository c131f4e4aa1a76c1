import { describe, expect, it, vi } from "vitest";
import { createCanteen, createFamily, heldCanteenDay, openDays } from "@/lib/bookings/testing";
import { getDb } from "@/lib/db/client";
import { createAccount } from "@/lib/factories";
import { runMaintenance } from "@/lib/maintenance";
import { unsubscribeFromReminders, unsubscribeUrl } from "@/lib/mail/unsubscribe";
import { queueDeadlineReminders, queueHoldReminders, setRemindersOptIn } from "./index";

// The unsubscribe action is public: the session layer (next-auth) is never asked, so it is left out.
vi.mock("@/lib/auth/dal", () => ({ requireRole: async () => { throw new Error("no session in this test"); } }));
const { unsubscribeAction } = await import("@/app/(public)/desinscription/actions");

// Thursday 4 June 2026, 14:00 in Paris. Monday 8 June closes on Saturday
// 6 June at 10:00 (two days before): 44 hours ahead, so that week is due;
// the week of 15 June closes a week later and is not.
const NOW = new Date("2026-06-04T12:00:00Z");

async function world() {
  const db = await getDb();
  const canteen = await createCanteen(db, { deadlineDays: 2 });
  const slots = await openDays(db, canteen.product.id, ["2026-06-08", "2026-06-09", "2026-06-10", "2026-06-15"], 30);
  const slot = (day: string) => slots.find((s) => s.date.toISOString().startsWith(day))!;
  const family = () => createFamily(db, { schoolClassId: canteen.schoolClass.id });
  const optedIn = async (f: Awaited<ReturnType<typeof family>>) => {
    await setRemindersOptIn({ userId: f.account.id, optIn: true });
    return f;
  };
  const book = (f: Awaited<ReturnType<typeof family>>, childIndex: number, day: string, status: "CONFIRMED" | "CANCELLED" = "CONFIRMED") =>
    db.booking.create({
      data: { slotId: slot(day).id, personId: f.children[childIndex].id, householdId: f.household.id, status, unitPriceCents: 320 },
    });

  // Two children, Emma booked on Tuesday, Lucas nothing: one email, about Lucas.
  const siblings = await optedIn(await createFamily(db, { schoolClassId: canteen.schoolClass.id, children: 2 }));
  await book(siblings, 0, "2026-06-09");
  // A second opted-in parent of the same household gets their own email.
  const secondParentPerson = await db.person.create({
    data: { householdId: siblings.household.id, quality: "CONJOINT", firstName: "Marc", lastName: "FAMILLE", },
  });
  const secondParent = await createAccount(db, { email: `marc.${secondParentPerson.id}@exemple.fr`, firstName: "Marc", lastName: "FAMILLE", personId: secondParentPerson.id });
  await setRemindersOptIn({ userId: secondParent.id, optIn: true });
  // Already booked that week: nothing to remind.
  const booked = await optedIn(await family());
  await book(booked, 0, "2026-06-10");
  // Only a cancelled day that week: still nothing booked.
  const cancelled = await optedIn(await family());
  await book(cancelled, 0, "2026-06-08", "CANCELLED");
  // Never ticked the box.
  const silent = await family();
  // A child of another site cannot book this canteen.
  const elsewhere = await createCanteen(db);
  const otherSite = await optedIn(await createFamily(db, { schoolClassId: elsewhere.schoolClass.id }));
  return { db, canteen, siblings, secondParent, booked, cancelled, silent, otherSite };
}

const mailsTo = async (email: string) => (await getDb()).emailMessage.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });

describe("deadline reminders", () => {
  it("go once to each opted-in parent whose child has nothing booked that week", async () => {
    const w = await world();
    expect(await queueDeadlineReminders(NOW)).toBe(3);

    const [mail] = await mailsTo(w.siblings.account.email);
    expect(mail.subject).toBe("Réservations de la semaine du 8 juin (Repas cantine) : date limite le samedi 6 juin à 10:00");
    expect(mail.template).toBe("reminder-deadline");
    expect(mail.text).toContain("Bonjour Claire,");
    expect(mail.text).toMatch(/Aucun jour n'est encore réservé cette semaine-là pour Lucas\./);
    expect(mail.text).toContain("/demandes/reservation/calendrier?mois=2026-06");
    expect(mail.text).toContain(`/desinscription?u=${w.siblings.account.id}`);
    expect(mail.text).toContain("k=rappels");
    expect(await mailsTo(w.secondParent.email)).toHaveLength(1);
    expect(await mailsTo(w.cancelled.account.email)).toHaveLength(1);
    for (const nobody of [w.booked, w.silent, w.otherSite]) expect(await mailsTo(nobody.account.email)).toEqual([]);

    // Again, and from the maintenance run: already sent, nothing more.
    expect(await queueDeadlineReminders(new Date(NOW.getTime() + 30 * 60_000))).toBe(0);
    expect((await runMaintenance(new Date(NOW.getTime() + 60 * 60_000))).reminders).toBe(0);
    expect(await mailsTo(w.siblings.account.email)).toHaveLength(1);
    expect(await w.db.reminderSent.count({ where: { userId: w.siblings.account.id, key: `deadline:${w.canteen.product.id}:2026-06-08` } })).toBe(1);
  });

  it("wait until the deadline is 48 hours away, and stop once it has passed", async () => {
    const w = await world();
    expect(await queueDeadlineReminders(new Date("2026-06-04T07:59:00Z"))).toBe(0);
    expect(await queueDeadlineReminders(new Date("2026-06-06T08:00:00Z"))).toBe(0);
    expect(await mailsTo(w.siblings.account.email)).toEqual([]);
  });

  it("stop for a parent who follows the Désinscription link, and only for reminders", async () => {
    const w = await world();
    const link = new URL(unsubscribeUrl(w.siblings.account.id, "rappels"));
    const form = new FormData();
    for (const [key, value] of link.searchParams) form.set(key, value);
    const state = await unsubscribeAction({ status: "idle" }, form);
    expect(state.status).toBe("success");
    expect(state.message).toBe("Les rappels par e-mail sont désactivés (date limite de réservation, réservation en attente de paiement).");
    const user = await w.db.user.findUniqueOrThrow({ where: { id: w.siblings.account.id } });
    expect(user).toMatchObject({ remindersOptIn: false, serviceEmailsOptOut: false });

    await queueDeadlineReminders(NOW);
    expect(await mailsTo(w.siblings.account.email)).toEqual([]);
    expect(await mailsTo(w.secondParent.email)).toHaveLength(1);
  });

  it("refuse a service link edited to turn reminders off", async () => {
    const w = await world();
    const service = new URL(unsubscribeUrl(w.siblings.account.id));
    expect(await unsubscribeFromReminders({ userId: w.siblings.account.id, signature: service.searchParams.get("s")! })).toBe(false);
    const form = new FormData();
    for (const [key, value] of service.searchParams) form.set(key, value);
    form.set("k", "rappels");
    expect((await unsubscribeAction({ status: "idle" }, form)).status).toBe("error");
    expect((await w.db.user.findUniqueOrThrow({ where: { id: w.siblings.account.id } })).remindersOptIn).toBe(true);
  });
});

describe("pending invoice reminders", () => {
  it("go once, in the last five minutes of the hold, with the link to pay", async () => {
    const db = await getDb();
    const start = new Date("2026-06-03T08:00:00Z");
    const { family } = await heldCanteenDay(db, { now: start });
    const silentParent = await createFamily(db, { schoolClassId: (await createCanteen(db)).schoolClass.id });
    await setRemindersOptIn({ userId: family.account.id, optIn: true });
    const invoiceId = (await db.invoice.findFirstOrThrow({ where: { householdId: family.household.id } })).id;
    const heldUntil = (await db.booking.findFirstOrThrow({ where: { invoiceId } })).heldUntil!;
    const before = (minutes: number) => new Date(heldUntil.getTime() - minutes * 60_000);

    expect(await queueHoldReminders(before(6))).toBe(0);
    expect(await queueHoldReminders(before(4))).toBe(1);
    expect(await queueHoldReminders(before(2))).toBe(0);
    expect(await queueHoldReminders(new Date(heldUntil.getTime() + 60_000))).toBe(0);

    const mails = await mailsTo(family.account.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toMatch(/^Réservation en attente de paiement \(facture N° \d+\) : à payer avant \d{2}:\d{2}$/);
    expect(mails[0].text).toContain(`/demandes/reservation/attente/${invoiceId}`);
    expect(mails[0].text).toMatch(/Les places sont gardées jusqu'à \d{2}:\d{2}/);
    expect(await mailsTo(silentParent.account.email)).toEqual([]);
  });

  it("are not sent to a parent who has not opted in", async () => {
    const db = await getDb();
    const { family } = await heldCanteenDay(db, { now: new Date("2026-06-03T08:00:00Z") });
    const heldUntil = (await db.booking.findFirstOrThrow({ where: { householdId: family.household.id } })).heldUntil!;
    expect(await queueHoldReminders(new Date(heldUntil.getTime() - 3 * 60_000))).toBe(0);
    expect(await mailsTo(family.account.email)).toEqual([]);
  });
});
