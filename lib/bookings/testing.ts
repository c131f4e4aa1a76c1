import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { Regime } from "@/lib/generated/prisma/client";
import { createAccount, createHousehold } from "@/lib/factories";
import { dayToDate, type Day } from "@/lib/dates";
import { holdBookings } from "./hold";

// Builders for the booking tests and the benchmark: a canteen product with a
// tariff grid, and households with one child each.

export const uniqueSuffix = () => randomBytes(4).toString("hex");

export type TariffSpec = { regime: Regime | null; qfMin: number; qfMax: number | null; unitPriceCents: number; validFrom: Day; validTo?: Day };

const DEFAULT_GRID: TariffSpec[] = [
  { regime: "RG", qfMin: 0, qfMax: 450, unitPriceCents: 250, validFrom: "2020-01-01" },
  { regime: "RG", qfMin: 451, qfMax: null, unitPriceCents: 450, validFrom: "2020-01-01" },
  { regime: null, qfMin: 0, qfMax: null, unitPriceCents: 500, validFrom: "2020-01-01" },
];

export async function createCanteen(
  db: Db,
  {
    capacity = 60,
    deadlineDays = 2,
    openMonthsAhead = 3,
    tariffs = DEFAULT_GRID,
  }: { capacity?: number; deadlineDays?: number; openMonthsAhead?: number; tariffs?: TariffSpec[] } = {},
) {
  const suffix = uniqueSuffix();
  const service = await db.service.create({ data: { name: `Cantine ${suffix}` } });
  const site = await db.site.create({ data: { name: `Élémentaire ${suffix}` } });
  const schoolClass = await db.schoolClass.create({ data: { siteId: site.id, name: "CM1A", teacher: "MME GUILLEM" } });
  const product = await db.product.create({
    data: {
      serviceId: service.id,
      name: "Repas cantine",
      deadlineDays,
      deadlineTime: "10:00",
      openMonthsAhead,
      defaultCapacity: capacity,
      sites: { connect: [{ id: site.id }] },
      tariffs: {
        create: tariffs.map((t) => ({
          regime: t.regime,
          qfMin: t.qfMin,
          qfMax: t.qfMax,
          unitPriceCents: t.unitPriceCents,
          validFrom: dayToDate(t.validFrom),
          validTo: t.validTo ? dayToDate(t.validTo) : null,
        })),
      },
    },
  });
  return { service, site, schoolClass, product };
}

export async function createFamily(
  db: Db,
  {
    schoolClassId,
    qf = 351,
    regime = "RG",
    children = 1,
  }: { schoolClassId: string; qf?: number | null; regime?: Regime | null; children?: number },
) {
  const suffix = uniqueSuffix();
  const household = await createHousehold(db, {
    name: `FAMILLE ${suffix}`,
    address1: "1 rue de la Paix",
    postalCode: "75001",
    city: "Paris",
    qf: qf ?? undefined,
    regime: regime ?? undefined,
    members: [
      { quality: "RESPONSABLE", firstName: "Claire", lastName: `FAMILLE ${suffix}` },
      ...Array.from({ length: children }, (_, i) => ({
        quality: "ENFANT" as const,
        firstName: ["Emma", "Lucas", "Léa", "Hugo"][i % 4],
        lastName: `FAMILLE ${suffix}`,
        birthDate: "2016-05-09",
        schoolClassId,
      })),
    ],
  });
  const kids = household.members.filter((m) => m.quality === "ENFANT");
  const parent = household.members.find((m) => m.quality === "RESPONSABLE")!;
  // The parent's account: actors are users, and money emails go to the household's accounts.
  const account = await createAccount(db, {
    email: `claire.${suffix.toLowerCase()}@exemple.fr`,
    firstName: "Claire",
    lastName: `FAMILLE ${suffix}`,
    personId: parent.id,
  });
  return { household, parent, account, children: kids, actor: { id: account.id, role: "PARENT" as const } };
}

export async function openDays(db: Db, productId: string, days: Day[], capacity: number) {
  await db.slot.createMany({ data: days.map((day) => ({ productId, date: dayToDate(day), capacity })) });
  return db.slot.findMany({ where: { productId, date: { in: days.map(dayToDate) } }, orderBy: { date: "asc" } });
}

export const newSubmissionKey = () => randomBytes(16).toString("hex");

/** A member of staff, as the actor of billing and back-office operations. */
export async function createStaffActor(db: Db) {
  const staff = await createAccount(db, { email: `agent.${uniqueSuffix()}@mairie.test`, firstName: "Agent", lastName: "GUICHET", role: "STAFF" });
  return { id: staff.id, role: "STAFF" as const };
}

/** A family holding one canteen day (a pending invoice), and a member of staff: where billing tests start. */
export async function heldCanteenDay(db: Db, { day = "2026-06-09" as Day, now = new Date("2026-06-03T08:00:00Z") } = {}) {
  const canteen = await createCanteen(db, { capacity: 5 });
  await openDays(db, canteen.product.id, [day], 5);
  const family = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
  const hold = await holdBookings({
    actor: family.actor,
    householdId: family.household.id,
    selections: [{ personId: family.children[0].id, productId: canteen.product.id, date: day }],
    submissionKey: newSubmissionKey(),
    now,
  });
  return { family, hold, staff: await createStaffActor(db) };
}
