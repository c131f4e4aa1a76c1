import { expect, test } from "@playwright/test";
import { monthOfDay } from "@/lib/dates";
import { formatCents, fullDayLabel, longDayLabel } from "@/lib/format";
import { expectPhoneReady, PHONE, signInAs } from "./support/fixtures";
import { HOUSEHOLDS } from "./support/households";

// PALAZY booked and paid two canteen days (e2e/seed.ts: an invoice paid at
// the counter). The demo canteen credits a sick day at once, without
// carence (prisma/seed/catalogue.ts), so the credit shows the same minute.
const family = HOUSEHOLDS.absence;
const [sick, kept] = family.bookings.map((b) => b.day);
/** Canteen meal for QF 351, régime général (prisma/seed/catalogue.ts). */
const PRICE = 250;
const money = (cents: number) => formatCents(cents).replace(/\s/g, "\\s");

test.use({ viewport: PHONE });

test("[PARENT][ABSENCE] on a phone, reports a sick canteen day, sees the credit in Factures and the day freed", async ({ page }) => {
  await signInAs(page, family);
  await page.goto("/reservations/absence");
  await expect(page.getByRole("heading", { level: 1, name: "Signaler une absence" })).toBeVisible();
  await expectPhoneReady(page);

  // Sent without a day or a reason: the summary takes the focus and names both; nothing is recorded.
  await page.getByRole("button", { name: "Envoyer" }).click();
  const summary = page.locator('[data-alert="error"]');
  await expect(summary).toContainText("Choisissez au moins un jour d'absence.");
  await expect(summary).toContainText("Choisissez le motif de l'absence.");
  await expect(page.locator(":focus")).toContainText("Le formulaire contient 2 erreurs");
  await expect(page.getByText("Aucune absence signalée.")).toBeVisible();

  const day = page.getByRole("checkbox", { name: new RegExp(`^${fullDayLabel(sick)} — Cantine, Repas cantine`) });
  await expect(day).toBeVisible();
  await expect(page.getByRole("checkbox", { name: new RegExp(`^${fullDayLabel(kept)} — `) })).toBeVisible();
  await day.check();
  await page.getByRole("radio", { name: "Maladie" }).check();
  await page.getByLabel("Commentaire (facultatif)").fill("Gastro-entérite.");
  await page.getByRole("button", { name: "Envoyer" }).click();

  const confirmation = page.locator('[data-alert="success"]');
  await expect(confirmation).toContainText("Absence envoyée");
  await expect(confirmation).toContainText(new RegExp(`${longDayLabel(sick)} \\(Emma, Repas cantine\\) : Avoir de ${money(PRICE)} crédité`));
  // The day can no longer be reported; it is listed among the absences.
  await expect(page.getByRole("checkbox", { name: new RegExp(`^${fullDayLabel(sick)} — `) })).toHaveCount(0);
  await expect(page.getByRole("listitem").filter({ hasText: `${fullDayLabel(sick)} — Emma, Repas cantine` })).toContainText(`Maladie · Avoir de ${formatCents(PRICE)} crédité`);
  await expectPhoneReady(page);

  // Factures: the credit available and the credit note, with its amount.
  await confirmation.getByRole("link", { name: "Voir mes factures et mon avoir" }).click();
  await expect(page).toHaveURL(/\/factures$/);
  await expect(page.getByText(new RegExp(`Avoir disponible : ${money(PRICE)}`)).first()).toBeVisible();
  const note = page.getByRole("region", { name: "Mes avoirs" }).getByRole("listitem").first();
  await expect(note).toContainText(/Avoir N° \d+ du /);
  await expect(note).toContainText(new RegExp(money(PRICE)));
  await expect(note).toContainText(`Absence (maladie) : ${fullDayLabel(sick)} (Emma)`);
  await expectPhoneReady(page);

  // Mes réservations: the sick day reads « Absent », the other paid day stays booked.
  await page.goto(`/reservations?mois=${monthOfDay(sick)}`);
  const emma = page.locator("section").filter({ has: page.getByRole("heading", { name: family.member("Emma").fullName }) });
  await expect(emma.getByRole("listitem").filter({ hasText: longDayLabel(kept) })).toContainText("Confirmée");
  await expect(emma.getByRole("listitem").filter({ hasText: longDayLabel(sick) })).toContainText("Absent");
  // The family calendar says so too, and the freed day cannot be ticked again by mistake.
  await page.goto(`/demandes/reservation/calendrier?mois=${monthOfDay(sick)}`);
  await expect(page.getByText(new RegExp(`Emma, Repas cantine, ${longDayLabel(sick)} : Absent`))).toBeVisible();
  await expectPhoneReady(page);
});
