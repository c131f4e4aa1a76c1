import { closeDb, getDb, openedFactory } from "@/lib/db/client";
import { deployMigrations } from "@/lib/db/migrate";
import { priceFor } from "@/lib/catalogue/rules";
import { completeChildFile, createBooking, createHouseholdWithParent, createPaidBookings } from "@/lib/factories";
import { cancelBookedDays } from "@/lib/bookings/cancel-days";
import { acceptUpload, claimFile } from "@/lib/files";
import { pngBytes } from "./support/files";
import { seed } from "@/prisma/seed-data";
import type { Db } from "@/lib/db/client";
import { dayToDate, makeDay, publicHoliday, weekday, type Day } from "@/lib/dates";
import { allHouseholds, CAMPAIGN_PRODUCT, CERTIFICATE_CENTRE, certificateYear, CLASSES, HOUSEHOLDS, waitlistDay } from "./support/households";

// The database the journeys start from (run by lib/cli/e2e-server.ts, like
// `npm run db:seed`): the demo data, then each journey's own household
// (e2e/support/households.ts), made with the same factories as the seed.
async function main() {
  await deployMigrations(await openedFactory());
  if (!(await seed())) throw new Error("The e2e database must start empty.");
  const db = await getDb();
  const classIds = new Map<string, string>();
  for (const [key, spec] of Object.entries(CLASSES)) {
    const found = await db.schoolClass.findFirstOrThrow({ where: { name: spec.name, site: { name: spec.site } } });
    classIds.set(key, found.id);
  }
  const canteen = await db.product.findFirstOrThrow({ where: { name: "Repas cantine" } });
  const tariffs = await db.tariff.findMany({ where: { productId: canteen.id } });
  // Paid days are cashed at the counter by the demo's staff, as a family that paid at the town hall.
  const cashier = await db.user.findFirstOrThrow({ where: { role: { in: ["STAFF", "ADMIN"] }, status: "ACTIVE" }, orderBy: { createdAt: "asc" } });

  for (const h of allHouseholds()) {
    const { household, user } = await createHouseholdWithParent(db, {
      name: h.name,
      ...h.address,
      qf: h.qf,
      qfValidUntil: "2027-12-31",
      regime: h.regime,
      members: [
        { quality: "RESPONSABLE", civility: "MME", firstName: h.parent.firstName, lastName: h.name, birthDate: "1987-03-21", mobile: "06 12 34 56 78", email: h.email },
        ...(h.conjoint ? [{ quality: "CONJOINT" as const, civility: "M" as const, firstName: h.conjoint, lastName: h.name, birthDate: "1985-10-02" }] : []),
        ...h.children.map((c) => ({ quality: "ENFANT" as const, firstName: c.firstName, lastName: h.name, birthDate: c.birthDate, schoolClassId: classIds.get(c.schoolClass) })),
      ],
      account: { email: h.email, password: h.password, identifiant: h.identifiant },
    });
    // The paid days: booked through the portal's own hold (one invoice, its number, lines and ledger entry), then paid.
    const paid = h.bookings.filter((b) => b.paid);
    if (paid.length) {
      await createPaidBookings(db, {
        actor: user,
        staff: cashier,
        householdId: household.id,
        selections: paid.map((b) => ({ personId: household.members.find((m) => m.firstName === b.child)!.id, productId: canteen.id, date: b.day })),
      });
    }
    for (const booking of h.bookings.filter((b) => !b.paid)) {
      const child = household.members.find((m) => m.firstName === booking.child)!;
      // Priced as the portal prices it, so the journeys see the amounts a parent would.
      const price = priceFor(tariffs, household, booking.day);
      if (!price) throw new Error(`No canteen tariff for ${h.name} on ${booking.day}`);
      await createBooking(db, { productId: canteen.id, personId: child.id, householdId: household.id, day: booking.day, unitPriceCents: price.unitPriceCents, tariffId: price.tariffId });
    }
  }
  const centre = await createCampaignProduct(db);
  // The waiting-list journey's day: one place, taken.
  const holder = await db.person.findFirstOrThrow({ where: { firstName: "Emma", lastName: HOUSEHOLDS.waitlist.holder.name } });
  await db.slot.create({ data: { productId: centre.id, date: dayToDate(waitlistDay()), capacity: 1 } });
  await createBooking(db, { productId: centre.id, personId: holder.id, householdId: holder.householdId, day: waitlistDay(), unitPriceCents: 1200 });
  await createCertificateYear(db, cashier);
  await giveIdentityDocument(db, HOUSEHOLDS.familyFile.certificate.email, 90);
  await giveIdentityDocument(db, HOUSEHOLDS.familyFile.health.email, 10);
  await prepareYearlyUpdate(db, cashier);
  console.log("Demo data and the journeys' households created.");
  await closeDb();
}

/**
 * The campaign journey's own centre: three places a day, no day opened (the
 * campaign opens its days), so no other journey and no demo campaign share it.
 */
async function createCampaignProduct(db: Db) {
  const leisure = await db.service.findFirstOrThrow({ where: { name: "Accueil de loisirs" } });
  return db.product.create({
    data: {
      serviceId: leisure.id,
      name: CAMPAIGN_PRODUCT,
      description: "Journées de vacances au bord de l'eau, avec repas.",
      minAgeYears: 3,
      maxAgeYears: 12,
      deadlineDays: 7,
      deadlineTime: "12:00",
      defaultCapacity: 3,
      sortOrder: 9,
      tariffs: { create: [{ regime: null, qfMin: 0, qfMax: null, unitPriceCents: 1200, validFrom: new Date("2020-01-01T00:00:00Z") }] },
    },
  });
}

/**
 * The certificate household's last year, made as it happened: in early
 * January the parent booked three days of an eligible centre and two
 * canteen meals for Léo (under 6), paid at the counter; a week later the
 * family cancelled one centre day, credited. The tax certificate counts
 * the two centre days left, and no meal.
 */
async function createCertificateYear(db: Db, cashier: { id: string; role: "STAFF" | "ADMIN" | "PARENT" }) {
  const year = certificateYear();
  const spec = HOUSEHOLDS.familyFile.certificate;
  const household = await db.household.findFirstOrThrow({ where: { name: spec.name }, include: { members: true } });
  const parent = await db.user.findFirstOrThrow({ where: { email: spec.email } });
  const leo = household.members.find((m) => m.firstName === "Léo")!;
  const leisure = await db.service.findFirstOrThrow({ where: { name: "Accueil de loisirs" } });
  const centre = await db.product.create({
    data: {
      serviceId: leisure.id,
      name: CERTIFICATE_CENTRE.name,
      description: "Accueil à la journée des enfants de 3 à 6 ans.",
      minAgeYears: 3,
      maxAgeYears: 6,
      deadlineDays: 2,
      deadlineTime: "10:00",
      defaultCapacity: 20,
      sortOrder: 10,
      taxCertificateEligible: true,
      tariffs: { create: [{ regime: null, qfMin: 0, qfMax: null, unitPriceCents: CERTIFICATE_CENTRE.unitPriceCents, validFrom: new Date("2020-01-01T00:00:00Z") }] },
    },
  });
  const canteen = await db.product.findFirstOrThrow({ where: { name: "Repas cantine" } });
  // The demo's canteen prices start this year: last year's meal had its own.
  const canteenTariffs = await db.tariff.findMany({ where: { productId: canteen.id } });
  const days = februaryDays(year, CERTIFICATE_CENTRE.days);
  if (!priceFor(canteenTariffs, household, days[0])) {
    await db.tariff.create({
      data: { productId: canteen.id, regime: null, qfMin: 0, qfMax: null, unitPriceCents: 380, validFrom: dayToDate(makeDay(year, 1, 1)), validTo: dayToDate(makeDay(year, 12, 31)) },
    });
  }
  for (const product of [centre, canteen]) {
    for (const day of days) {
      await db.slot.upsert({ where: { productId_date: { productId: product.id, date: dayToDate(day) } }, create: { productId: product.id, date: dayToDate(day), capacity: 20 }, update: {} });
    }
  }
  await createPaidBookings(db, {
    actor: parent,
    staff: cashier,
    householdId: household.id,
    selections: [
      ...days.map((date) => ({ personId: leo.id, productId: centre.id, date })),
      ...days.slice(0, 2).map((date) => ({ personId: leo.id, productId: canteen.id, date })),
    ],
    now: new Date(`${year}-01-05T09:00:00Z`),
  });
  const lastDay = await db.booking.findFirstOrThrow({ where: { personId: leo.id, slot: { productId: centre.id, date: dayToDate(days[days.length - 1]) } } });
  await cancelBookedDays({ actor: parent, householdId: household.id, bookingIds: [lastDay.id], now: new Date(`${year}-01-12T09:00:00Z`) });
}

/** School days (Monday, Tuesday, Thursday, Friday) of early February, clear of holidays. */
function februaryDays(year: number, count: number): Day[] {
  const out: Day[] = [];
  for (let date = 2; out.length < count; date += 1) {
    const day = makeDay(year, 2, date);
    if ([1, 2, 4, 5].includes(weekday(day)) && !publicHoliday(day)) out.push(day);
  }
  return out;
}

/**
 * The identity document a parent sent at registration, its account checked
 * `daysAgo`: past the retention period (a month by default), the
 * maintenance run erases it.
 */
async function giveIdentityDocument(db: Db, email: string, daysAgo: number) {
  const upload = await acceptUpload({ bytes: pngBytes(320, 200), name: "carte-identite.png", address: "seed" });
  await db.$transaction(async (tx) => {
    const file = await claimFile(tx, { fileId: upload.fileId, claim: upload.claim });
    await tx.user.update({ where: { email }, data: { identityFileId: file.id, reviewedAt: new Date(Date.now() - daysAgo * 24 * 60 * 60_000) } });
  });
}

/**
 * The yearly-update household: Emma's file complete, and a proof of address
 * staff checked five months ago, valid three months: the one document the
 * update asks for again.
 */
async function prepareYearlyUpdate(db: Db, reviewer: { id: string }) {
  const spec = HOUSEHOLDS.familyFile.update;
  const household = await db.household.findFirstOrThrow({ where: { name: spec.name }, include: { members: true } });
  const parent = household.members.find((m) => m.quality === "RESPONSABLE")!;
  await completeChildFile(db, { personId: household.members.find((m) => m.firstName === "Emma")!.id, byName: `${spec.parent.firstName} ${spec.name}` });
  const type = await db.documentType.update({ where: { code: "DOMICILE" }, data: { validityMonths: 3 } });
  const upload = await acceptUpload({ bytes: pngBytes(320, 200), name: "facture-electricite.png", address: "seed" });
  const checked = new Date(Date.now() - 150 * 24 * 60 * 60_000);
  await db.$transaction(async (tx) => {
    const file = await claimFile(tx, { fileId: upload.fileId, claim: upload.claim });
    await tx.document.create({
      data: { householdId: household.id, personId: parent.id, typeId: type.id, fileId: file.id, status: "VALIDATED", reviewedById: reviewer.id, reviewedAt: checked, createdAt: checked },
    });
  });
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
