import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { daysOfMonth, dayToDate, dateToDay, isDay, isMonth, isPastDeadline, type Day, type Month } from "@/lib/dates";
import { formatCents, fullDayLabel } from "@/lib/format";
import { isId } from "@/lib/validation/ids";
import type { Selection } from "./context";

// The calendar's form says what the family wants for the rows it showed
// (child × product, one month): every ticked day. Days ticked and not booked
// are to book; booked days left unticked are to cancel. Rows it did not
// show, and days that can no longer change, are left as they are.

export type CalendarRequest = { month: Month; rows: { childId: string; productId: string }[]; wanted: Selection[] };

const MAX = 250;

/** Reads the calendar's query string ("r" = child|product rows shown, "j" = child|product|day ticked); null when it was tampered with. */
export function parseCalendarRequest(query: { mois?: string | string[]; r?: string | string[]; j?: string | string[] }): CalendarRequest | null {
  const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  const month = list(query.mois)[0];
  const rowValues = list(query.r);
  const tickValues = list(query.j);
  if (!month || !isMonth(month) || rowValues.length === 0 || rowValues.length > 40 || tickValues.length > MAX) return null;
  const rows = [];
  for (const value of rowValues) {
    const [childId, productId, extra] = value.split("|");
    if (!isId(childId) || !isId(productId) || extra !== undefined) return null;
    rows.push({ childId, productId });
  }
  const wanted: Selection[] = [];
  for (const value of tickValues) {
    const [personId, productId, date, extra] = value.split("|");
    if (!isId(personId) || !isId(productId) || !isDay(date ?? "") || extra !== undefined) return null;
    if (!date.startsWith(month)) return null;
    if (!rows.some((r) => r.childId === personId && r.productId === productId)) return null;
    wanted.push({ personId, productId, date });
  }
  return { month, rows, wanted };
}

export type PlannedCancellation = { bookingId: string; day: Day; label: string; childFirstName: string; productName: string; amountCents: number; paid: boolean };

export type CalendarPlan = { add: Selection[]; cancel: PlannedCancellation[] };

/**
 * What the form changes: the days to book (not already booked or held) and
 * the booked days to cancel (confirmed, still before their booking
 * deadline, in a row the form showed). Scoped by household in the query.
 */
export async function planCalendarChanges({ householdId, request, now = new Date() }: { householdId: string; request: CalendarRequest; now?: Date }): Promise<CalendarPlan> {
  const db = await getDb();
  const days = daysOfMonth(request.month);
  const bookings = await db.booking.findMany({
    where: {
      householdId,
      OR: [{ status: { in: ["CONFIRMED", "ABSENT"] } }, { status: "HELD", heldUntil: { gt: now } }],
      slot: { date: { gte: dayToDate(days[0]), lte: dayToDate(days[days.length - 1]) } },
    },
    select: {
      id: true,
      status: true,
      personId: true,
      unitPriceCents: true,
      absence: { select: { id: true } },
      person: { select: { firstName: true } },
      invoice: { select: { status: true } },
      slot: { select: { date: true, closed: true, productId: true, product: { select: { name: true, deadlineDays: true, deadlineTime: true } } } },
    },
  });
  const key = (personId: string, productId: string, day: Day) => `${personId}|${productId}|${day}`;
  const have = new Set(bookings.map((b) => key(b.personId, b.slot.productId, dateToDay(b.slot.date))));
  const wanted = new Set(request.wanted.map((w) => key(w.personId, w.productId, w.date)));
  const shown = new Set(request.rows.map((r) => `${r.childId}|${r.productId}`));
  const cancel = bookings
    .filter((b) => {
      const day = dateToDay(b.slot.date);
      return (
        b.status === "CONFIRMED" &&
        !b.absence &&
        !b.slot.closed &&
        shown.has(`${b.personId}|${b.slot.productId}`) &&
        !wanted.has(key(b.personId, b.slot.productId, day)) &&
        !isPastDeadline(day, b.slot.product.deadlineDays, b.slot.product.deadlineTime, now)
      );
    })
    .map((b) => {
      const day = dateToDay(b.slot.date);
      return {
        bookingId: b.id,
        day,
        label: fullDayLabel(day),
        childFirstName: b.person.firstName,
        productName: b.slot.product.name,
        amountCents: b.invoice ? b.unitPriceCents : 0,
        paid: b.invoice?.status === "PAID",
      };
    })
    .sort((a, b) => a.childFirstName.localeCompare(b.childFirstName) || a.day.localeCompare(b.day));
  return { add: request.wanted.filter((w) => !have.has(key(w.personId, w.productId, w.date))), cancel };
}

/** What a cancellation gives back, in the parent's words. */
export function cancellationNote(c: Pick<PlannedCancellation, "amountCents" | "paid">): string {
  if (c.amountCents === 0) return "Place libérée";
  return c.paid ? `Avoir de ${formatCents(c.amountCents)}` : `${formatCents(c.amountCents)} de moins sur la facture en attente`;
}

// ─── Semaine type ──────────────────────────────────────────────────────────

export const WeekPatternSchema = z.object({
  childId: z.string().refine(isId, "Enfant introuvable."),
  productId: z.string().refine(isId, "Prestation introuvable."),
  weekdays: z.array(z.coerce.number().int().min(1).max(7)).max(7),
});

/** Saves (or, with no weekday, forgets) a child's semaine type for a product. The child must be of the household. */
export async function saveWeekPattern({ householdId, childId, productId, weekdays }: { householdId: string } & z.infer<typeof WeekPatternSchema>) {
  const db = await getDb();
  const child = await db.person.findFirst({ where: { id: childId, householdId, quality: "ENFANT" }, select: { id: true } });
  if (!child) throw new AppError("NOT_FOUND", "Enfant introuvable.");
  const product = await db.product.findFirst({ where: { id: productId, active: true }, select: { id: true } });
  if (!product) throw new AppError("NOT_FOUND", "Prestation introuvable.");
  const days = [...new Set(weekdays)].sort();
  if (days.length === 0) {
    await db.weekPattern.deleteMany({ where: { personId: childId, productId } });
    return { weekdays: [] };
  }
  await db.weekPattern.upsert({
    where: { personId_productId: { personId: childId, productId } },
    create: { personId: childId, productId, weekdays: days },
    update: { weekdays: days },
  });
  return { weekdays: days };
}
