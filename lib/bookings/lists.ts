import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { dateToDay, dayToDate, isDay, type Day } from "@/lib/dates";
import { BOOKING_STATUS_LABELS, formatDay } from "@/lib/format";
import { activeBookingWhere } from "./context";

export type DayListRow = {
  lastName: string;
  firstName: string;
  className: string | null;
  siteName: string | null;
  householdName: string;
  status: "CONFIRMED" | "HELD";
};

export type DayListDto = {
  productName: string;
  serviceName: string;
  day: Day;
  capacity: number | null;
  closed: boolean;
  rows: DayListRow[];
};

/**
 * Staff list of one product's day: the children holding a place (confirmed,
 * or held and still within the payment delay), by site, class and name.
 */
export async function dayList({ productId, day, now = new Date() }: { productId: string; day: string; now?: Date }): Promise<DayListDto> {
  if (!isDay(day)) throw new AppError("INVALID", "Date invalide.");
  const db = await getDb();
  const product = await db.product.findUnique({ where: { id: productId }, include: { service: true } });
  if (!product) throw new AppError("NOT_FOUND", "Prestation introuvable.");
  const slot = await db.slot.findUnique({
    where: { productId_date: { productId, date: dayToDate(day) } },
    include: {
      bookings: {
        where: activeBookingWhere(now),
        include: { person: { include: { schoolClass: { include: { site: true } } } }, household: { select: { name: true } } },
      },
    },
  });
  const rows = (slot?.bookings ?? []).map((b) => ({
    lastName: b.person.lastName,
    firstName: b.person.firstName,
    className: b.person.schoolClass?.name ?? null,
    siteName: b.person.schoolClass?.site.name ?? null,
    householdName: b.household.name,
    status: b.status as "CONFIRMED" | "HELD",
  }));
  rows.sort(
    (a, b) =>
      (a.siteName ?? "").localeCompare(b.siteName ?? "", "fr") ||
      (a.className ?? "").localeCompare(b.className ?? "", "fr") ||
      a.lastName.localeCompare(b.lastName, "fr") ||
      a.firstName.localeCompare(b.firstName, "fr"),
  );
  return {
    productName: product.name,
    serviceName: product.service.name,
    day: slot ? dateToDay(slot.date) : day,
    capacity: slot?.capacity ?? null,
    closed: slot?.closed ?? false,
    rows,
  };
}

function csvCell(value: string): string {
  // Quote every cell; a leading formula character is neutralised so a
  // spreadsheet never runs a name typed by a family as a formula.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** The day list as CSV for French Excel: UTF-8 with a BOM, `;` separators, CRLF lines. */
export function dayListCsv(list: DayListDto): string {
  const header = ["Date", "Prestation", "Nom", "Prénom", "Classe", "Site", "Famille", "Statut"];
  const lines = list.rows.map((r) =>
    [formatDay(list.day), `${list.serviceName} ${list.productName}`, r.lastName, r.firstName, r.className ?? "", r.siteName ?? "", r.householdName, BOOKING_STATUS_LABELS[r.status]],
  );
  return "\uFEFF" + [header, ...lines].map((cells) => cells.map(csvCell).join(";")).join("\r\n") + "\r\n";
}

/** Products for the staff pickers. */
export async function listProductsForStaff() {
  const db = await getDb();
  const products = await db.product.findMany({
    orderBy: [{ service: { sortOrder: "asc" } }, { sortOrder: "asc" }, { name: "asc" }],
    include: { service: { select: { name: true } } },
  });
  return products.map((p) => ({ id: p.id, label: `${p.service.name} — ${p.name}`, defaultCapacity: p.defaultCapacity, active: p.active }));
}
