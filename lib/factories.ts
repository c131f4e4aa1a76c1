import { hashPassword } from "@/lib/auth/passwords";
import type { Db, Tx } from "@/lib/db/client";
import type { BookingStatus, CampaignRule, Civility, Quality, Regime, Role, UserStatus } from "@/lib/generated/prisma/client";
import { newIdentifiant } from "@/lib/accounts/identifiant";
import { dayToDate, type Day } from "@/lib/dates";
import { holdBookings } from "@/lib/bookings/hold";
import type { Selection } from "@/lib/bookings/context";
import { recordCounterPayment } from "@/lib/billing/staff";
import { randomBytes } from "node:crypto";

// Builders shared by the seed, the integration tests and the e2e fixtures,
// so that demo data and test data are made the same way as real data.

type PersonSpec = {
  quality: Quality;
  civility?: Civility;
  firstName: string;
  lastName: string;
  birthDate?: string;
  phone?: string;
  mobile?: string;
  email?: string;
  schoolClassId?: string;
};

export async function createHousehold(
  db: Db | Tx,
  spec: {
    name: string;
    address1: string;
    postalCode: string;
    city: string;
    qf?: number;
    qfValidUntil?: string;
    regime?: Regime;
    cafNumber?: string;
    members: PersonSpec[];
  },
) {
  return db.household.create({
    data: {
      name: spec.name,
      address1: spec.address1,
      postalCode: spec.postalCode,
      city: spec.city,
      qf: spec.qf,
      qfValidUntil: spec.qfValidUntil ? new Date(`${spec.qfValidUntil}T00:00:00Z`) : undefined,
      regime: spec.regime,
      cafNumber: spec.cafNumber,
      members: {
        create: spec.members.map((m) => ({
          ...m,
          birthDate: m.birthDate ? new Date(`${m.birthDate}T00:00:00Z`) : undefined,
        })),
      },
    },
    include: { members: true },
  });
}

export async function createAccount(
  db: Db | Tx,
  spec: {
    email: string;
    password?: string;
    firstName: string;
    lastName: string;
    civility?: Civility;
    birthDate?: string;
    phone?: string;
    mobile?: string;
    role?: Role;
    status?: UserStatus;
    identifiant?: string;
    personId?: string;
    identityFileId?: string;
  },
) {
  const { password, birthDate, ...rest } = spec;
  return db.user.create({
    data: {
      ...rest,
      email: spec.email.toLowerCase(),
      identifiant: spec.identifiant ?? (await newIdentifiant(db as Tx)),
      birthDate: birthDate ? new Date(`${birthDate}T00:00:00Z`) : undefined,
      role: spec.role ?? "PARENT",
      status: spec.status ?? "ACTIVE",
      emailConfirmedAt: spec.status === "PENDING_EMAIL" ? undefined : new Date(),
      password: password ? { create: { hash: await hashPassword(password) } } : undefined,
    },
  });
}

/**
 * A household whose responsable holds an active account linked to their
 * person, as staff leave it once they have checked the identity: the parent
 * can sign in and sees the family ("Compte synchronisé").
 */
export async function createHouseholdWithParent(
  db: Db | Tx,
  spec: Parameters<typeof createHousehold>[1] & { account: { email: string; password: string; identifiant?: string } },
) {
  const { account, ...householdSpec } = spec;
  const household = await createHousehold(db, householdSpec);
  const parent = household.members.find((m) => m.quality === "RESPONSABLE");
  if (!parent) throw new Error(`The household ${spec.name} has no responsable to hold the account.`);
  const user = await createAccount(db, {
    email: account.email,
    password: account.password,
    identifiant: account.identifiant,
    civility: parent.civility ?? undefined,
    firstName: parent.firstName,
    lastName: parent.lastName,
    birthDate: parent.birthDate?.toISOString().slice(0, 10),
    phone: parent.phone ?? undefined,
    mobile: parent.mobile ?? undefined,
    personId: parent.id,
  });
  return { household, user };
}

/**
 * A booking of a child on a product's open day at a given price, without an
 * invoice (the way the seed fills a slot): a day already taken, for setup.
 */
export async function createBooking(
  db: Db | Tx,
  spec: { productId: string; personId: string; householdId: string; day: Day; unitPriceCents: number; status?: BookingStatus; tariffId?: string },
) {
  const slot = await db.slot.findUniqueOrThrow({ where: { productId_date: { productId: spec.productId, date: dayToDate(spec.day) } } });
  return db.booking.create({
    data: {
      slotId: slot.id,
      personId: spec.personId,
      householdId: spec.householdId,
      status: spec.status ?? "CONFIRMED",
      unitPriceCents: spec.unitPriceCents,
      tariffId: spec.tariffId,
    },
  });
}

/**
 * Days a family booked and paid earlier, made as the portal makes them:
 * held through the booking form's own function (one pending invoice, its
 * number from the counter, its lines and ledger entry), then paid at the
 * counter by staff (a receipt, the payment entry, the days confirmed), so
 * the household really paid for them and a credit has something to credit.
 */
export async function createPaidBookings(
  db: Db,
  spec: { actor: { id: string }; staff: { id: string; role: Role }; householdId: string; selections: Selection[]; now?: Date },
) {
  const now = spec.now ?? new Date();
  const hold = await holdBookings({
    db,
    actor: spec.actor,
    householdId: spec.householdId,
    selections: spec.selections,
    submissionKey: randomBytes(16).toString("hex"),
    now,
  });
  const { receiptNumber } = await recordCounterPayment({ actor: spec.staff, invoiceId: hold.invoiceId, method: "CASH", now });
  return { invoiceId: hold.invoiceId, number: hold.number, totalCents: hold.totalCents, receiptNumber };
}

/**
 * A holiday-centre campaign as staff leave it once saved (for setup: the
 * staff form validates and audits; this does neither).
 */
export async function createCampaign(
  db: Db | Tx,
  spec: {
    label: string;
    productIds: string[];
    firstDay: Day;
    lastDay: Day;
    opensAt: Date;
    closesAt: Date;
    allocationDay: Day;
    rules?: CampaignRule[];
    payWithinDays?: number;
    offerHours?: number;
  },
) {
  return db.campaign.create({
    data: {
      label: spec.label,
      products: { connect: spec.productIds.map((id) => ({ id })) },
      firstDay: dayToDate(spec.firstDay),
      lastDay: dayToDate(spec.lastDay),
      opensAt: spec.opensAt,
      closesAt: spec.closesAt,
      allocationDay: dayToDate(spec.allocationDay),
      rules: spec.rules ?? [],
      payWithinDays: spec.payWithinDays,
      offerHours: spec.offerHours,
    },
  });
}

/** A child's request in a campaign, as the parent's form leaves it (for setup: no window or eligibility check). */
export async function createCampaignRequest(
  db: Db | Tx,
  spec: { campaignId: string; householdId: string; personId: string; firstProductId: string; secondProductId?: string; together?: boolean; days: Day[] },
) {
  return db.campaignRequest.create({
    data: {
      campaignId: spec.campaignId,
      householdId: spec.householdId,
      personId: spec.personId,
      firstProductId: spec.firstProductId,
      secondProductId: spec.secondProductId,
      together: spec.together ?? false,
      days: { create: spec.days.map((day) => ({ date: dayToDate(day) })) },
    },
    include: { days: true },
  });
}

/**
 * A child's file as a family leaves it once complete (health file answered,
 * an emergency contact, every consent given): for setup where the file is
 * not what is under test.
 */
export async function completeChildFile(db: Db | Tx, spec: { personId: string; byName?: string; pai?: { validUntil: Day }; dietIds?: string[] }) {
  await db.healthFile.upsert({
    where: { personId: spec.personId },
    create: {
      personId: spec.personId,
      doctorName: "Dr Martin",
      doctorPhone: "04 67 00 00 00",
      vaccinationsUpToDate: true,
      pai: Boolean(spec.pai),
      paiValidUntil: spec.pai ? dayToDate(spec.pai.validUntil) : null,
      allergies: spec.pai ? "Arachide" : null,
      diets: spec.dietIds?.length ? { connect: spec.dietIds.map((id) => ({ id })) } : undefined,
    },
    update: { vaccinationsUpToDate: true },
  });
  await db.pickupPerson.create({
    data: { personId: spec.personId, kind: "EMERGENCY", name: "Marie Durand", relationship: "Grand-mère", phone: "06 12 34 56 78" },
  });
  await db.consent.createMany({
    data: (["PHOTO", "OUTINGS", "TRANSPORT", "EMERGENCY_CARE"] as const).map((kind) => ({ personId: spec.personId, kind, given: true, byName: spec.byName ?? "Parent" })),
  });
}
