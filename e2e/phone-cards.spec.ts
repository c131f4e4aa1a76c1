import { expect, test, type Locator, type Page } from "@playwright/test";
import { monthOfDay, parseDay } from "@/lib/dates";
import { expectPhoneReady, PHONE, signInAs } from "./support/fixtures";
import { calendarToggle, openCalendarFor } from "./support/booking";
import { HOUSEHOLDS, laterCanteenDays } from "./support/households";

test.use({ viewport: PHONE });

// The smallest common phone screen (360 × 640): what must be seen there
// without scrolling is checked against it, not against the taller PHONE
// viewport the journey runs in.
const FIRST_SCREEN = { width: 360, height: 640 };

/** Wholly inside the screen's width: nothing cropped, nothing to swipe to. */
async function expectWithinWidth(locator: Locator) {
  const box = (await locator.boundingBox())!;
  expect(box, "the element is laid out").not.toBeNull();
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(FIRST_SCREEN.width);
}

/** On the first screen of a 360 × 640 phone, before any scroll. */
async function expectOnFirstScreen(locator: Locator) {
  await expectWithinWidth(locator);
  const box = (await locator.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, "visible without scrolling").toBeLessThanOrEqual(FIRST_SCREEN.height);
}

/** The same page on the narrowest phones still in use (320 px): still no sideways scroll. */
async function expectNarrowReady(page: Page) {
  await page.setViewportSize({ width: 320, height: 640 });
  await expectPhoneReady(page);
  await page.setViewportSize(PHONE);
}

test("[PARENT][TELEPHONE] books two canteen days for Emma and Lucas, reads the Résumé, the pending page and Factures at 360 px", async ({ page }) => {
  const family = HOUSEHOLDS.phoneCards;
  const days = laterCanteenDays().slice(0, 2);
  const dayList = days.map((d) => parseDay(d).date).join(", ");
  await signInAs(page, family);
  await expectPhoneReady(page);

  // On a phone the product's card opens the family calendar for it.
  await openCalendarFor(page, "Repas cantine", "Tous mes enfants", monthOfDay(days[0]));
  await expectPhoneReady(page);
  for (const child of ["Emma", "Lucas"]) for (const day of days) await calendarToggle(page, child, day).check();
  await page.getByRole("button", { name: "Envoi" }).click();

  // Résumé: each line's amount is on screen, not cropped ("5,0") as the wide table was.
  await expect(page.getByRole("heading", { name: "Résumé réservation" })).toBeVisible();
  for (const child of ["Emma", "Lucas"]) {
    const line = page.getByRole("row", { name: new RegExp(`^${child} Cantine Repas cantine ${dayList} `) });
    await expect(line).toBeVisible();
    await expectWithinWidth(line);
    const amount = line.getByRole("cell").last();
    await expect(amount).toHaveText(/^\d+,\d\d\s€$/);
    await expectWithinWidth(amount);
  }
  await expectNarrowReady(page);
  const total = page.getByTestId("total");
  await expectWithinWidth(total);
  const totalText = (await total.textContent())!.trim();
  await expectPhoneReady(page);
  await page.getByRole("button", { name: "Valider et passer au paiement" }).click();

  // Pending payment: the amount, the hold's deadline and "Payer" before any scroll.
  await expect(page).toHaveURL(/\/demandes\/reservation\/attente\//);
  const pay = page.getByRole("link", { name: /^Payer : Paiement en ligne — Facture de \d+,\d\d\s€$/ });
  await expect(pay).toBeVisible();
  await expectOnFirstScreen(pay);
  expect((await pay.boundingBox())!.width, "Payer spans the phone's width").toBeGreaterThan(FIRST_SCREEN.width * 0.75);
  await expectOnFirstScreen(page.getByText("Montant à payer").locator("strong"));
  await expect(page.getByText("Montant à payer").locator("strong")).toHaveText(totalText);
  await expectOnFirstScreen(page.getByText(/^Places retenues jusqu'à \d\d:\d\d$/));
  await expectOnFirstScreen(page.getByText(/^Temps restant : \d+ min \d\d s$/));
  const cancel = page.getByRole("button", { name: "Annuler ces réservations et supprimer ces factures" });
  expect((await cancel.boundingBox())!.y, "cancelling comes after paying").toBeGreaterThan((await pay.boundingBox())!.y);
  const pendingUrl = page.url();
  await expectNarrowReady(page);
  const invoiceHeading = await page.getByRole("heading", { name: /^Facture n° \d+$/ }).textContent();
  const number = /\d+/.exec(invoiceHeading!)![0];
  await expectPhoneReady(page);

  // "Annuler…" only asks; backing out keeps everything and returns focus where it was.
  await cancel.click();
  const confirm = page.getByRole("region", { name: "Annuler ces réservations et supprimer ces factures ?" });
  await expect(confirm).toBeFocused();
  await expect(confirm.getByRole("button", { name: "Confirmer l'annulation" })).toBeVisible();
  await expectPhoneReady(page);
  await confirm.getByRole("link", { name: "Garder mes réservations" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(cancel).toBeFocused();
  await expect(pay).toBeVisible();

  // Factures: one card per invoice, its amount, purpose and state inside 360 px, then its actions.
  await page.goto("/factures");
  const card = page.getByRole("article", { name: `Facture N° ${number}` });
  await expect(card).toBeVisible();
  await expectWithinWidth(card);
  for (const text of [totalText, "Cantine — Repas cantine : 4 jours (Emma, Lucas)", /^En attente de paiement jusqu'à \d\d:\d\d$/]) {
    const part = card.getByText(text, { exact: typeof text === "string" });
    await expect(part).toBeVisible();
    await expectWithinWidth(part);
  }
  for (const action of [/^Payer la facture N°/, /^Télécharger la facture N°/]) {
    const link = card.getByRole("link", { name: action });
    await expectWithinWidth(link);
    expect((await link.boundingBox())!.height, "a 44 px target").toBeGreaterThanOrEqual(44);
  }
  await expectPhoneReady(page);
  await expectNarrowReady(page);

  await page.goto("/accueil?onglet=factures");
  const tabCard = page.getByRole("article", { name: `Facture N° ${number}` });
  await expect(tabCard).toContainText("Cantine — Repas cantine : 4 jours (Emma, Lucas)");
  await expect(tabCard).toContainText(totalText);
  await expectWithinWidth(tabCard);
  await expectPhoneReady(page);

  // Confirmed, the cancellation frees the places; the invoice then reads "Annulée" on both pages.
  await page.goto(pendingUrl);
  await page.getByRole("button", { name: "Annuler ces réservations et supprimer ces factures" }).click();
  await page.getByRole("button", { name: "Confirmer l'annulation" }).click();
  await expect(page.getByText("Réservations annulées.")).toBeVisible();
  await page.goto(pendingUrl);
  await expect(page.getByText("Réservation annulée.")).toBeVisible();
  await expect(page.getByRole("link", { name: /^Payer/ })).toHaveCount(0);
  await expectPhoneReady(page);
  await page.goto("/factures");
  const cancelled = page.getByRole("article", { name: `Facture N° ${number}` });
  await expect(cancelled.getByText("Annulée", { exact: true })).toBeVisible();
  await expect(cancelled.getByRole("link", { name: /^Payer/ })).toHaveCount(0);
  await expectPhoneReady(page);
});
