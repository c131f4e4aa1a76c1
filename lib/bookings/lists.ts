import "server-only";
import { csvText } from "@/lib/csv";
import { getDb } from "@/lib/db/client";
import { healthMarks } from "@/lib/family-file/marks";
import { AppError } from "@/lib/errors";
import { dateToDay, dayToDate, isDay, parisInstant, type Day } from "@/lib/dates";
import { ABSENCE_REASON_LABELS, BOOKING_STATUS_LABELS, formatDay } from "@/lib/format";
import type { AbsenceReason, AbsenceStatus } from "@/lib/generated/prisma/client";
import { activeBookingWhere } from "./context";

export type DayListRow = {
  lastName: string;
  firstName: string;
  className: string | null;
  siteName: string | null;
  householdName: string;
  /** ABSENT: an absence freed the place; the child is still listed, as absent. */
  status: "CONFIRMED" | "HELD" | "ABSENT";
  /** The family reported the child absent that day, whatever staff decided about the refund. */
  absence: { status: AbsenceStatus; reason: AbsenceReason } | null;
  /** The diets' labels and a valid PAI, from the child's health file: what the canteen serves and watches. */
  diets: string[];
  pai: boolean;
  allergies: boolean;
};

/** The canteen's counts for the day, over the children expected (an absent child eats no meal). */
export type DayListHealthCounts = { diets: { label: string; count: number }[]; pai: number };

export type DayListDto = {
  productName: string;
  serviceName: string;
  day: Day;
  capacity: number | null;
  closed: boolean;
  rows: DayListRow[];
  /** Children expected: listed and not reported absent. */
  expected: number;
  absent: number;
  /** Places counted against the capacity (a freed place is not). */
  placesTaken: number;
  health: DayListHealthCounts;
};

/**
 * What the day list says of a child's absence, empty when none was reported.
 * A refused absence stays an absence: the refusal is about the refund, and
 * the family still said the child would not come.
 */
export function absenceLabel(row: Pick<DayListRow, "status" | "absence">): string {
  if (!row.absence) return row.status === "ABSENT" ? "Absent" : "";
  if (row.absence.status === "PENDING") return "Absent (à valider)";
  if (row.absence.status === "REFUSED") return "Absent (absence refusée)";
  return "Absent";
}

/** The booking's state for staff: an absent child's place is freed or still held (and billed). */
export function placeLabel(row: Pick<DayListRow, "status">): string {
  return row.status === "ABSENT" ? "Place libérée" : BOOKING_STATUS_LABELS[row.status];
}

/**
 * Staff list of one product's day: the children holding a place (confirmed,
 * or held and still within the payment delay) and those reported absent,
 * by site, class and name. Absent children are listed, marked, rather than
 * dropped: staff answer "is X coming today?" from this list.
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
        where: { OR: [activeBookingWhere(now), { status: "ABSENT" }] },
        include: {
          person: { include: { schoolClass: { include: { site: true } } } },
          household: { select: { name: true } },
          absence: { select: { status: true, reason: true } },
        },
      },
    },
  });
  const bookings = slot?.bookings ?? [];
  // A PAI counts if it is valid on the listed day, which staff may print ahead.
  const marks = await healthMarks(
    db,
    bookings.map((b) => b.personId),
    parisInstant(day, "12:00"),
  );
  const rows: DayListRow[] = bookings.map((b) => ({
    lastName: b.person.lastName,
    firstName: b.person.firstName,
    className: b.person.schoolClass?.name ?? null,
    siteName: b.person.schoolClass?.site.name ?? null,
    householdName: b.household.name,
    status: b.status as DayListRow["status"],
    absence: b.absence,
    diets: marks.get(b.personId)?.diets ?? [],
    pai: marks.get(b.personId)?.pai ?? false,
    allergies: marks.get(b.personId)?.allergies ?? false,
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
    expected: rows.filter((r) => !absenceLabel(r)).length,
    absent: rows.filter((r) => absenceLabel(r)).length,
    placesTaken: rows.filter((r) => r.status !== "ABSENT").length,
    health: healthCounts(rows.filter((r) => !absenceLabel(r))),
  };
}

/** Per diet some child has (by label), and the PAI. */
export function healthCounts(rows: Pick<DayListRow, "diets" | "pai">[]): DayListHealthCounts {
  const diets = new Map<string, number>();
  for (const row of rows) for (const label of row.diets) diets.set(label, (diets.get(label) ?? 0) + 1);
  return {
    diets: [...diets].map(([label, count]) => ({ label, count })).sort((a, b) => a.label.localeCompare(b.label, "fr")),
    pai: rows.filter((r) => r.pai).length,
  };
}

/** The day list as CSV for French Excel: UTF-8 with a BOM, `;` separators, CRLF lines. */
export function dayListCsv(list: DayListDto): string {
  const header = ["Date", "Prestation", "Nom", "Prénom", "Classe", "Site", "Famille", "Régimes", "PAI", "Statut", "Absence"];
  const lines = list.rows.map((r) => {
    const absence = absenceLabel(r);
    return [
      formatDay(list.day),
      `${list.serviceName} ${list.productName}`,
      r.lastName,
      r.firstName,
      r.className ?? "",
      r.siteName ?? "",
      r.householdName,
      r.diets.join(", "),
      r.pai ? "Oui" : "",
      placeLabel(r),
      absence && r.absence ? `${absence} — ${ABSENCE_REASON_LABELS[r.absence.reason]}` : absence,
    ];
  });
  return csvText([header, ...lines]);
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
