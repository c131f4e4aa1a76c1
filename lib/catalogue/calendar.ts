import "server-only";
import { assertActor } from "@/lib/auth/roles";
import { type Actor, recordAudit } from "@/lib/audit";
import { getDb, type Db } from "@/lib/db/client";
import { lockRows } from "@/lib/db/locks";
import { AppError } from "@/lib/errors";
import { activeBookingWhere } from "@/lib/bookings/context";
import { dateToDay, dayToDate, daysOfMonth, isMonth, publicHoliday, weekday, type Day, type Month } from "@/lib/dates";
import { fullDayLabel } from "@/lib/format";

export type OpenMonthResult = { created: Day[]; skipped: { day: Day; reason: string }[] };

/**
 * Opens a product on the chosen ISO weekdays (1 = lundi … 7 = dimanche) of a
 * month, skipping closures and French public holidays. Days already open
 * are left as they are, so opening a month twice is harmless.
 */
export async function openMonth({
  actor,
  productId,
  month,
  weekdays,
  capacity,
  db: given,
}: {
  actor: Actor;
  productId: string;
  month: Month;
  weekdays: number[];
  capacity?: number;
  db?: Db;
}): Promise<OpenMonthResult> {
  assertActor(actor, "staff");
  const db = given ?? (await getDb());
  if (!isMonth(month)) throw new AppError("INVALID", "Mois invalide.");
  if (weekdays.length === 0 || weekdays.some((w) => !Number.isInteger(w) || w < 1 || w > 7)) {
    throw new AppError("INVALID", "Choisissez au moins un jour de la semaine.", { weekdays: "Choisissez au moins un jour de la semaine." });
  }
  const product = await db.product.findUnique({ where: { id: productId } });
  if (!product) throw new AppError("NOT_FOUND", "Prestation introuvable.");
  const days = daysOfMonth(month);
  const closures = await db.closure.findMany({
    where: { startDate: { lte: dayToDate(days[days.length - 1]) }, endDate: { gte: dayToDate(days[0]) } },
  });
  const created: Day[] = [];
  const skipped: { day: Day; reason: string }[] = [];
  for (const day of days) {
    if (!weekdays.includes(weekday(day))) continue;
    const holiday = publicHoliday(day);
    if (holiday) {
      skipped.push({ day, reason: holiday });
      continue;
    }
    const closure = closures.find((c) => dateToDay(c.startDate) <= day && day <= dateToDay(c.endDate));
    if (closure) {
      skipped.push({ day, reason: closure.label });
      continue;
    }
    const result = await db.slot.createMany({
      data: [{ productId, date: dayToDate(day), capacity: capacity ?? product.defaultCapacity }],
      skipDuplicates: true,
    });
    if (result.count > 0) created.push(day);
  }
  if (created.length) {
    await db.$transaction((tx) =>
      recordAudit(tx, {
        actorId: actor.id,
        action: "calendar.open_month",
        targetType: "Product",
        targetId: productId,
        details: { label: `${product.name} — ${month}`, days: created },
      }),
    );
  }
  return { created, skipped };
}

/** Changes a day's capacity, never below the places already taken (under the slot lock, like a hold). */
export async function setSlotCapacity({
  actor,
  slotId,
  capacity,
  now = new Date(),
}: {
  actor: Actor;
  slotId: string;
  capacity: number;
  now?: Date;
}) {
  assertActor(actor, "staff");
  if (!Number.isInteger(capacity) || capacity < 0 || capacity > 10_000) {
    throw new AppError("INVALID", "La capacité doit être un nombre entier positif.", { capacity: "Nombre entier positif attendu." });
  }
  const db = await getDb();
  await db.$transaction(async (tx) => {
    // The lock holds still the bookings counted below: a hold in progress cannot squeeze in past the new capacity.
    const locked = await lockRows(tx, "Slot", [slotId]);
    if (locked.length === 0) throw new AppError("NOT_FOUND", "Jour introuvable.");
    const slot = await tx.slot.findUniqueOrThrow({ where: { id: slotId } });
    const active = await tx.booking.count({ where: { slotId, ...activeBookingWhere(now) } });
    if (capacity < active) {
      const message = `Impossible : ${active} place${active > 1 ? "s sont déjà réservées" : " est déjà réservée"} le ${fullDayLabel(dateToDay(slot.date))}.`;
      throw new AppError("CONFLICT", message, { capacity: message });
    }
    await tx.slot.update({ where: { id: slotId }, data: { capacity } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "calendar.capacity",
      targetType: "Slot",
      targetId: slotId,
      details: { label: fullDayLabel(dateToDay(slot.date)), from: String(slot.capacity), to: String(capacity) },
    });
  });
}

/** Closes (or reopens) a day: no new booking; bookings already made stay in the lists for staff to handle. */
export async function setSlotClosed({ actor, slotId, closed }: { actor: Actor; slotId: string; closed: boolean }) {
  assertActor(actor, "staff");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const changed = await tx.slot.updateMany({ where: { id: slotId }, data: { closed } });
    if (changed.count === 0) throw new AppError("NOT_FOUND", "Jour introuvable.");
    await recordAudit(tx, { actorId: actor.id, action: "calendar.close_day", targetType: "Slot", targetId: slotId, details: { closed } });
  });
}

export type CalendarDayDto = { slotId: string; day: Day; capacity: number; booked: number; closed: boolean };

/** A product's open days of a month with their places taken: the calendar and the canteen's counts. */
export async function monthCalendar({ productId, month, now = new Date() }: { productId: string; month: Month; now?: Date }): Promise<CalendarDayDto[]> {
  if (!isMonth(month)) throw new AppError("INVALID", "Mois invalide.");
  const db = await getDb();
  const days = daysOfMonth(month);
  const slots = await db.slot.findMany({
    where: { productId, date: { gte: dayToDate(days[0]), lte: dayToDate(days[days.length - 1]) } },
    orderBy: { date: "asc" },
    include: { _count: { select: { bookings: { where: activeBookingWhere(now) } } } },
  });
  return slots.map((s) => ({ slotId: s.id, day: dateToDay(s.date), capacity: s.capacity, booked: s._count.bookings, closed: s.closed }));
}

export type ClosureDto = { id: string; label: string; startDay: Day; endDay: Day };

/** The closures staff entered (holidays, days without service), latest first. */
export async function listClosures({ take = 50 }: { take?: number } = {}): Promise<ClosureDto[]> {
  const db = await getDb();
  const closures = await db.closure.findMany({ orderBy: { startDate: "desc" }, take, select: { id: true, label: true, startDate: true, endDate: true } });
  return closures.map((c) => ({ id: c.id, label: c.label, startDay: dateToDay(c.startDate), endDay: dateToDay(c.endDate) }));
}
