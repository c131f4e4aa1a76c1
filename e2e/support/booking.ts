import { expect, type Page } from "@playwright/test";
import { nextBookableDays } from "@/lib/catalogue/rules";
import { isPastDeadline, monthOfDay, parisDay, publicHoliday, daysOfMonth, weekday, type Day } from "@/lib/dates";
import { longDayLabel } from "@/lib/format";

// The demo canteen (prisma/seed/catalogue.ts): school days, closing two days
// before at 10:00 Paris time. The seed's almost-full day is the first one
// still bookable, found here with the same function.
const CANTEEN = { weekdays: [1, 2, 4, 5], deadlineDays: 2, deadlineTime: "10:00" };

export function canteenPlan() {
  const days = nextBookableDays(new Date(), { ...CANTEEN, count: 15 });
  const almostFull = days[0];
  const rest = days.slice(1);
  // Three more days in one month, for journeys that book in a single grid.
  let month = monthOfDay(rest[0]);
  let inMonth = rest.filter((d) => monthOfDay(d) === month);
  if (inMonth.length < 3) {
    month = monthOfDay(rest.find((d) => monthOfDay(d) !== month)!);
    inMonth = rest.filter((d) => monthOfDay(d) === month);
  }
  return { almostFull, month, days: inMonth };
}

/** Canteen days of the current Paris month whose deadline has passed (open in the seed, so shown in the grid). */
export function canteenDaysPastDeadline(): Day[] {
  const now = new Date();
  return daysOfMonth(monthOfDay(parisDay(now))).filter(
    (d) => CANTEEN.weekdays.includes(weekday(d)) && !publicHoliday(d) && isPastDeadline(d, CANTEEN.deadlineDays, CANTEEN.deadlineTime, now),
  );
}

/** Demandes → "Réserver : <product>" → the dialog → a child (or "Tous mes enfants"). */
export async function openGrid(page: Page, product: string, who: string) {
  await page.goto("/demandes");
  await page.getByRole("button", { name: `Réserver : ${product}` }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("link", { name: who }).click();
  await expect(page.getByRole("heading", { name: "Détails réservation" })).toBeVisible();
}

/** Moves the grid to a month with the "Mois suivant" link (the window starts at the current month). */
export async function showMonth(page: Page, month: string) {
  if (month === monthOfDay(parisDay(new Date()))) return;
  for (let i = 0; i < 3 && !page.url().includes(`mois=${month}`); i++) {
    await page.getByRole("link", { name: /Mois suivant/ }).click();
    await expect(page).toHaveURL(/mois=/);
  }
  await expect(page).toHaveURL(new RegExp(`mois=${month}`));
}

export const dayBox = (page: Page, firstName: string, day: Day) => page.getByRole("checkbox", { name: `${firstName}, ${longDayLabel(day)}`, exact: true });

export const dayCell = (page: Page, firstName: string, day: Day) => page.getByRole("cell", { name: `${firstName}, ${longDayLabel(day)} : ` });

// ─── The family calendar ───────────────────────────────────────────────────

/** One child's toggle for a product on a day, named as a screen reader reads it. */
export const calendarToggle = (page: Page, firstName: string, day: Day, product = "Repas cantine") =>
  page.getByRole("checkbox", { name: `${firstName}, ${product}, ${longDayLabel(day)}`, exact: true });

/** Canteen days (lundi, mardi, jeudi, vendredi, no public holiday) of a month still open to booking. */
export function canteenDaysOf(month: string): Day[] {
  const now = new Date();
  return daysOfMonth(month).filter(
    (d) => CANTEEN.weekdays.includes(weekday(d)) && !publicHoliday(d) && !isPastDeadline(d, CANTEEN.deadlineDays, CANTEEN.deadlineTime, now),
  );
}

/** On a phone: Demandes → "Réserver : <product>" → a child (or "Tous mes enfants") opens the family calendar for that product, then the month. */
export async function openCalendarFor(page: Page, product: string, who: string, month: string) {
  await page.goto("/demandes");
  await page.getByRole("button", { name: `Réserver : ${product}` }).click();
  await page.getByRole("dialog").getByRole("link", { name: who }).click();
  await expect(page.getByRole("heading", { name: "Réservations de la famille" })).toBeVisible();
  // The calendar opens on the current month.
  if (month === monthOfDay(parisDay(new Date()))) return;
  for (let i = 0; i < 3 && !page.url().includes(`mois=${month}`); i++) {
    await page.getByRole("link", { name: /Mois suivant/ }).click();
    await expect(page).toHaveURL(/mois=/);
  }
  await expect(page).toHaveURL(new RegExp(`mois=${month}`));
}
