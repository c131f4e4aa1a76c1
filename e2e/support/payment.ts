import { expect, type Page } from "@playwright/test";
import { nextBookableDays } from "@/lib/catalogue/rules";
import { monthOfDay, type Day } from "@/lib/dates";
import { openGrid, showMonth, dayBox } from "./booking";

// Payment journeys book the leisure centre's half-days (Wednesdays, closing
// seven days before at 12:00), away from the canteen days the booking
// journeys use. Each journey takes its own Wednesday.
export function wednesdays(count: number): Day[] {
  return nextBookableDays(new Date(), { weekdays: [3], deadlineDays: 7, deadlineTime: "12:00", count });
}

/** Books one half-day for a child and stops on the pending-payment screen. */
export async function bookHalfDay(page: Page, child: { firstName: string; fullName: string }, day: Day) {
  await openGrid(page, "Demi-journée", child.fullName);
  await showMonth(page, monthOfDay(day));
  await dayBox(page, child.firstName, day).check();
  await page.getByRole("button", { name: "Envoi" }).click();
  await page.getByRole("button", { name: "Valider et passer au paiement" }).click();
  await expect(page.getByText(/Réservation en attente de paiement du/)).toBeVisible();
}

/** On the simulated PayFiP page: the payer's choice. */
export async function payOnSimulator(page: Page, choice: "Payer par carte bancaire" | "Simuler un refus de la carte" | "Annuler") {
  await expect(page.getByRole("heading", { name: "Paiement en ligne des services publics locaux" })).toBeVisible();
  await expect(page.getByText("Informations sur la dette")).toBeVisible();
  await page.getByRole("button", { name: choice, exact: true }).click();
}
