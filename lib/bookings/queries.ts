import "server-only";
import { rawJson } from "@/lib/db/raw-json";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import {
  addMonths,
  dateToDay,
  dayToDate,
  daysOfMonth,
  isMonth,
  isPastDeadline,
  monthOfDay,
  openMonths,
  parisDay,
  type Day,
  type Month,
} from "@/lib/dates";
import { longDayLabel, shortDayLabel } from "@/lib/format";
import { ineligibility } from "@/lib/catalogue/rules";
import { Prisma, type InvoiceStatus, type Regime } from "@/lib/generated/prisma/client";
import { loadChildren, loadProducts, type ChildInfo } from "./context";
import { expireStaleHolds } from "./cancel";
import { fileUpdateCampaignsSql, fileUpdateRefusal, fileUpdateRuleFromRows } from "@/lib/file-update/rule";

// Parent-facing reads. Every one takes the household id from the session and
// filters by it, so another family's ids read as "introuvable".

export type ChildDto = { id: string; firstName: string; lastName: string; classLine: string | null };

function childDto(c: ChildInfo): ChildDto {
  const parts = [];
  if (c.className) parts.push(`en classe ${c.className}${c.teacher ? ` ${c.teacher}` : ""}`);
  if (c.siteName) parts.push(`sur site ${c.siteName}`);
  return { id: c.id, firstName: c.firstName, lastName: c.lastName, classLine: parts.length ? parts.join(" ") : null };
}

export type ProductCardDto = { id: string; name: string; description: string | null; eligibleChildren: ChildDto[] };
export type ServiceCardDto = { id: string; name: string; description: string | null; products: ProductCardDto[] };

/** Services and their products for the Demandes page, with the household's children who may book each. */
export async function listServicesForHousehold({ householdId, now = new Date() }: { householdId: string; now?: Date }): Promise<ServiceCardDto[]> {
  const db = await getDb();
  const services = await db.service.findMany({
    where: { active: true, products: { some: { active: true } } },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    include: { products: { where: { active: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true } } },
  });
  const products = new Map((await loadProducts(db, services.flatMap((s) => s.products.map((p) => p.id)))).map((p) => [p.id, p]));
  const children = await loadChildren(db, householdId);
  return services.map((s) => ({
    id: s.id,
    name: s.name,
    description: s.description,
    products: s.products.flatMap(({ id }) => {
      const p = products.get(id);
      if (!p) return [];
      const months = openMonths(now, p.openMonthsAhead);
      const lastDay = daysOfMonth(months[months.length - 1]).at(-1)!;
      const eligible = children.filter((c) => !ineligibility(p, c, parisDay(now)) || !ineligibility(p, c, lastDay));
      return [{ id: p.id, name: p.name, description: p.description, eligibleChildren: eligible.map(childDto) }];
    }),
  }));
}

export type CellState = "available" | "booked" | "held" | "offered" | "waitlist" | "campaign" | "full" | "past" | "closed" | "ineligible";

/** An unpaid hold is not "Réservé": the place goes back if it is not paid in time. */
export const CELL_LABELS: Record<Exclude<CellState, "available">, string> = {
  booked: "Réservé",
  held: "En attente de paiement",
  offered: "Place proposée",
  waitlist: "Liste d'attente",
  campaign: "Sur demande",
  full: "Complet",
  past: "Délai dépassé",
  closed: "Fermé",
  ineligible: "Non éligible",
};

export type GridDto = {
  product: { id: string; name: string; description: string | null; serviceName: string };
  household: { name: string; address1: string; address2: string | null; postalCode: string; city: string; qf: number | null; regime: Regime | null };
  children: ChildDto[];
  month: Month;
  previousMonth: Month | null;
  nextMonth: Month | null;
  days: {
    day: Day;
    /** The slot, for "Complet — m'inscrire sur la liste d'attente". */
    slotId: string;
    shortLabel: string;
    longLabel: string;
    /** A campaign still taking requests for this day: "Sur demande", linked to it. */
    campaign: { id: string; label: string } | null;
    cells: Record<string, CellState>;
  }[];
};

/** A product as the raw reads of the grid and the calendar return it: what eligibility and deadlines need. */
export type BookableProductRow = {
  id: string;
  name: string;
  serviceName: string;
  minAgeYears: number | null;
  maxAgeYears: number | null;
  deadlineDays: number;
  deadlineTime: string;
  openMonthsAhead: number;
  siteIds: string[];
  classIds: string[];
  /** The open yearly-update campaigns when the service requires the update (`fileUpdateCampaignsSql`), else null. */
  fileUpdateCampaigns: { id: string; schoolYearStart: Day; confirmed: boolean }[] | null;
};

/** A child as raw JSON carries it: the birth date still a civil day. */
export type ChildRow = Omit<ChildInfo, "birthDate"> & { birthDate: Day | null };

type GridRow = {
  product: BookableProductRow & { description: string | null };
  household: GridDto["household"] | null;
  children: ChildRow[];
  slots: {
    id: string;
    day: Day;
    capacity: number;
    closed: boolean;
    taken: number;
    /** Children waiting for a freed place: they come before first-come holds. */
    waiting: number;
    booked: string[];
    held: string[];
    offered: string[];
    queued: string[];
    campaign: { id: string; label: string } | null;
  }[];
  campaigns: CampaignSpan[];
};

/** A campaign's days from today on: until allocated they are "Sur demande"; after, open whatever the product's months ahead. */
export type CampaignSpan = { first: Day; last: Day };

/** The months a product opens: its months ahead, and the months of its campaigns not yet over. */
export function bookableMonths(now: Date, monthsAhead: number, campaigns: CampaignSpan[]): Month[] {
  const months = new Set(openMonths(now, monthsAhead));
  const today = parisDay(now);
  for (const c of campaigns) {
    let m = monthOfDay(c.first < today ? today : c.first);
    while (m <= monthOfDay(c.last)) {
      months.add(m);
      m = addMonths(m, 1);
    }
  }
  return [...months].sort();
}

/** The campaigns of a product whose days are not over, as the grid and the calendar read them (SQL, `p` the product). */
export function campaignSpansSql(now: Date) {
  return Prisma.sql`(SELECT COALESCE(json_agg(json_build_object('first', c."firstDay", 'last', c."lastDay")), '[]')
                       FROM "Campaign" c JOIN "_CampaignToProduct" cp ON cp."A" = c.id
                      WHERE cp."B" = p.id AND c."lastDay" >= ${parisDay(now)}::date)`;
}

/** The campaign still taking requests for a slot's day (SQL, `sl` the slot), or null. */
export const openCampaignSql = Prisma.sql`(SELECT json_build_object('id', c.id, 'label', c.label)
                       FROM "Campaign" c JOIN "_CampaignToProduct" cp ON cp."A" = c.id
                      WHERE cp."B" = sl."productId" AND c."allocatedAt" IS NULL AND sl.date BETWEEN c."firstDay" AND c."lastDay"
                      ORDER BY c."createdAt" LIMIT 1)`;

/**
 * The day grid of one product and month for some of the household's
 * children ("tous" = every child who may book it). The states say why a day
 * cannot be ticked; the hold checks all of it again.
 *
 * One statement: the product, the household, its children and the month's
 * slots with their active bookings. The household id from the session scopes
 * every household read (its row, its children, whose places are "booked");
 * other families count only in `taken`. Which month is open depends on the
 * product, so the slots of the requested month and of the current one are
 * both read (one month when they are the same) and the window picks one.
 */
export async function getBookingGrid({
  householdId,
  productId,
  children: wanted,
  month: requested,
  now = new Date(),
}: {
  householdId: string;
  productId: string;
  children: string | "tous";
  month?: string;
  now?: Date;
}): Promise<GridDto> {
  const db = await getDb();
  const current = monthOfDay(parisDay(now));
  const asked = requested && isMonth(requested) && requested > current ? requested : current;
  const only = wanted === "tous" ? null : wanted;
  const inMonth = (m: Month) => {
    const days = daysOfMonth(m);
    return Prisma.sql`sl.date BETWEEN ${days[0]}::date AND ${days[days.length - 1]}::date`;
  };
  const active = Prisma.sql`(b.status = 'CONFIRMED' OR (b.status = 'HELD' AND b."heldUntil" > ${now}::timestamp(3)))`;
  const [row] = await db.$queryRaw<{ [K in keyof GridRow]: unknown }[]>`
    SELECT ${campaignSpansSql(now)} AS campaigns,
           json_build_object(
             'id', p.id, 'name', p.name, 'description', p.description, 'serviceName', s.name,
             'minAgeYears', p."minAgeYears", 'maxAgeYears', p."maxAgeYears",
             'deadlineDays', p."deadlineDays", 'deadlineTime', p."deadlineTime", 'openMonthsAhead', p."openMonthsAhead",
             'siteIds', ARRAY(SELECT ps."B" FROM "_ProductToSite" ps WHERE ps."A" = p.id),
             'classIds', ARRAY(SELECT pc."B" FROM "_ProductToSchoolClass" pc WHERE pc."A" = p.id),
             'fileUpdateCampaigns', ${fileUpdateCampaignsSql(householdId)}) AS product,
           (SELECT json_build_object('name', h.name, 'address1', h.address1, 'address2', h.address2, 'postalCode', h."postalCode",
                                     'city', h.city, 'qf', h.qf, 'regime', h.regime)
              FROM "Household" h WHERE h.id = ${householdId}) AS household,
           (SELECT COALESCE(json_agg(json_build_object(
                     'id', c.id, 'firstName', c."firstName", 'lastName', c."lastName", 'birthDate', c."birthDate",
                     'schoolClassId', c."schoolClassId", 'className', sc.name, 'teacher', sc.teacher, 'siteId', sc."siteId", 'siteName', si.name)
                     ORDER BY c."birthDate" ASC, c."firstName" ASC), '[]')
              FROM "Person" c
              LEFT JOIN "SchoolClass" sc ON sc.id = c."schoolClassId"
              LEFT JOIN "Site" si ON si.id = sc."siteId"
             WHERE c."householdId" = ${householdId} AND c.quality = 'ENFANT'
               AND (${only}::text IS NULL OR c.id = ${only}::text)) AS children,
           (SELECT COALESCE(json_agg(json_build_object(
                     'id', sl.id, 'day', sl.date, 'capacity', sl.capacity, 'closed', sl.closed,
                     'taken', (SELECT count(*) FROM "Booking" b WHERE b."slotId" = sl.id AND ${active}),
                     'waiting', (SELECT count(*) FROM "WaitlistEntry" we WHERE we."slotId" = sl.id AND we.status = 'WAITING'),
                     'booked', ARRAY(SELECT b."personId" FROM "Booking" b WHERE b."slotId" = sl.id AND b."householdId" = ${householdId} AND b.status = 'CONFIRMED'),
                     'held', ARRAY(SELECT b."personId" FROM "Booking" b WHERE b."slotId" = sl.id AND b."householdId" = ${householdId} AND ${active} AND b.status = 'HELD' AND b."invoiceId" IS NOT NULL),
                     -- An offer from the waiting list is a hold without invoice yet.
                     'offered', ARRAY(SELECT b."personId" FROM "Booking" b WHERE b."slotId" = sl.id AND b."householdId" = ${householdId} AND ${active} AND b.status = 'HELD' AND b."invoiceId" IS NULL),
                     'queued', ARRAY(SELECT we."personId" FROM "WaitlistEntry" we WHERE we."slotId" = sl.id AND we."householdId" = ${householdId} AND we.status = 'WAITING'),
                     'campaign', ${openCampaignSql})
                     ORDER BY sl.date), '[]')
              FROM "Slot" sl
             WHERE sl."productId" = p.id
               AND (${inMonth(current)} OR ${inMonth(asked)})) AS slots
      FROM "Product" p JOIN "Service" s ON s.id = p."serviceId"
     WHERE p.id = ${productId} AND p.active AND s.active`;
  if (!row) throw new AppError("NOT_FOUND", "Prestation introuvable.");
  const grid: GridRow = {
    product: rawJson(row.product),
    household: rawJson(row.household),
    children: rawJson(row.children),
    slots: rawJson(row.slots),
    campaigns: rawJson(row.campaigns),
  };
  const { product, household } = grid;
  if (!household) throw new AppError("NOT_FOUND", "Famille introuvable.");
  const fileUpdate = fileUpdateRuleFromRows([product]);
  const window = bookableMonths(now, product.openMonthsAhead, grid.campaigns);
  const month = window.includes(asked) ? asked : window[0];
  let children: ChildInfo[] = grid.children.map((c) => ({ ...c, birthDate: c.birthDate ? dayToDate(c.birthDate) : null }));
  if (children.length === 0) throw new AppError("NOT_FOUND", "Enfant introuvable.");
  if (wanted === "tous") {
    const days = daysOfMonth(month);
    children = children.filter((c) => days.some((d) => !ineligibility(product, c, d)));
    if (children.length === 0) throw new AppError("NOT_FOUND", "Aucun enfant ne peut réserver cette prestation.");
  }
  const index = window.indexOf(month);
  return {
    product: { id: product.id, name: product.name, description: product.description, serviceName: product.serviceName },
    household,
    children: children.map(childDto),
    month,
    previousMonth: index > 0 ? window[index - 1] : null,
    nextMonth: index < window.length - 1 ? window[index + 1] : null,
    days: grid.slots
      .filter((slot) => monthOfDay(slot.day) === month)
      .map((slot) => {
        const past = isPastDeadline(slot.day, product.deadlineDays, product.deadlineTime, now);
        // Children waiting count as taken: a freed place goes to the list first (as the hold counts it).
        const full = slot.taken + slot.waiting >= slot.capacity;
        const cells: Record<string, CellState> = {};
        for (const c of children) {
          cells[c.id] = slot.closed
            ? "closed"
            : slot.booked.includes(c.id)
              ? "booked"
              : slot.held.includes(c.id)
                ? "held"
                : slot.offered.includes(c.id)
                  ? "offered"
                  : past
                    ? "past"
                    : ineligibility(product, c, slot.day) || fileUpdateRefusal(fileUpdate, product.id, slot.day)
                      ? "ineligible"
                      : slot.campaign
                        ? "campaign"
                        : slot.queued.includes(c.id)
                          ? "waitlist"
                          : full
                            ? "full"
                            : "available";
        }
        return {
          day: slot.day,
          slotId: slot.id,
          shortLabel: shortDayLabel(slot.day),
          longLabel: longDayLabel(slot.day),
          campaign: slot.campaign,
          cells,
        };
      }),
  };
}


export type InvoiceLineDto = { label: string; quantity: number; unitPriceCents: number; totalCents: number };

export type PendingInvoiceDto = {
  id: string;
  number: number;
  status: InvoiceStatus;
  cancelReason: string | null;
  issuedAt: Date;
  heldUntil: Date | null;
  totalCents: number;
  lines: InvoiceLineDto[];
};

/** A household's invoice from a booking. Stale holds are cancelled first, so an expired one reads as such. */
export async function getBookingInvoice({ householdId, invoiceId, now = new Date() }: { householdId: string; invoiceId: string; now?: Date }): Promise<PendingInvoiceDto> {
  const db = await getDb();
  await expireStaleHolds(now, { householdId });
  const invoice = await db.invoice.findFirst({
    where: { id: invoiceId, householdId },
    include: { lines: { orderBy: { sortOrder: "asc" } }, bookings: { select: { heldUntil: true }, take: 1 } },
  });
  if (!invoice) throw new AppError("NOT_FOUND", "Réservation introuvable.");
  return {
    id: invoice.id,
    number: invoice.number,
    status: invoice.status,
    cancelReason: invoice.cancelReason,
    issuedAt: invoice.issuedAt,
    heldUntil: invoice.bookings[0]?.heldUntil ?? null,
    totalCents: invoice.totalCents,
    lines: invoice.lines.map((l) => ({ label: l.label, quantity: l.quantity, unitPriceCents: l.unitPriceCents, totalCents: l.totalCents })),
  };
}

export type HouseholdBookingsDto = {
  month: Month;
  children: (ChildDto & {
    bookings: { id: string; day: Day; label: string; productName: string; serviceName: string; status: "CONFIRMED" | "HELD" | "ABSENT"; invoiceId: string | null }[];
  })[];
};

/** The household's confirmed bookings, running holds and days reported absent of a month, per child. */
export async function listHouseholdBookings({ householdId, month, now = new Date() }: { householdId: string; month?: string; now?: Date }): Promise<HouseholdBookingsDto> {
  const db = await getDb();
  const current = month && isMonth(month) ? month : monthOfDay(parisDay(now));
  const days = daysOfMonth(current);
  const children = await loadChildren(db, householdId);
  const bookings = await db.booking.findMany({
    where: {
      householdId,
      // An offer from a waiting list (a hold without invoice) is not a booking yet: it lives on the list's page.
      OR: [{ status: "CONFIRMED" }, { status: "HELD", heldUntil: { gt: now }, invoiceId: { not: null } }, { status: "ABSENT" }],
      slot: { date: { gte: dayToDate(days[0]), lte: dayToDate(days[days.length - 1]) } },
    },
    include: { slot: { include: { product: { include: { service: true } } } } },
    orderBy: { slot: { date: "asc" } },
  });
  return {
    month: current,
    children: children.map((c) => ({
      ...childDto(c),
      bookings: bookings
        .filter((b) => b.personId === c.id)
        .map((b) => ({
          id: b.id,
          day: dateToDay(b.slot.date),
          label: longDayLabel(dateToDay(b.slot.date)),
          productName: b.slot.product.name,
          serviceName: b.slot.product.service.name,
          status: b.status as "CONFIRMED" | "HELD" | "ABSENT",
          invoiceId: b.invoiceId,
        })),
    })),
  };
}
