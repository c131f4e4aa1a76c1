import { addDays, bookingDeadline, parseDay, weekday, type Day } from "@/lib/dates";
import { longDayLabel } from "@/lib/format";

// A product's days close one by one, each `deadlineDays` before at
// `deadlineTime`. Parents plan by the week, so the feed and the reminders
// speak of one deadline per week: the moment its first open day closes,
// after which the week can no longer be booked whole.

export type DeadlineRule = { deadlineDays: number; deadlineTime: string };

/** The Monday of a day's week. */
export function weekStart(day: Day): Day {
  return addDays(day, 1 - weekday(day));
}

/** "18 janvier", "1er février": how a week is named after its Monday. */
export function weekStartLabel(monday: Day): string {
  const { date } = parseDay(monday);
  const label = longDayLabel(monday).replace(/^\S+ /, "");
  return date === 1 ? label.replace(/^1 /, "1er ") : label;
}

export type WeekDeadline = { weekStart: Day; firstDay: Day; days: Day[]; deadline: Date };

/** The weeks of some open days (sorted or not), each with the deadline of its first day. */
export function weekDeadlines(rule: DeadlineRule, openDays: Day[]): WeekDeadline[] {
  const weeks = new Map<Day, Day[]>();
  for (const day of [...openDays].sort()) {
    const monday = weekStart(day);
    const days = weeks.get(monday);
    if (days) days.push(day);
    else weeks.set(monday, [day]);
  }
  return [...weeks].map(([monday, days]) => ({
    weekStart: monday,
    firstDay: days[0],
    days,
    deadline: bookingDeadline(days[0], rule.deadlineDays, rule.deadlineTime),
  }));
}
