import { expect, test, type Locator, type Page } from "@playwright/test";
import { addMonths, monthOfDay, parisDay, weekday } from "@/lib/dates";
import { formatCents } from "@/lib/format";
import { PHONE, expectPhoneReady, signInAs } from "./support/fixtures";
import { calendarToggle, canteenDaysOf } from "./support/booking";
import { HOUSEHOLDS, laterCanteenDays } from "./support/households";
import { payOnSimulator } from "./support/payment";

// The family calendar on a 360 px phone: a month of canteen for two
// children with the shortcuts and the semaine type, a cancelled day that
// becomes a credit, and the same booking with the keyboard alone. Every page
// visited passes axe and never slides sideways.

test.use({ viewport: PHONE });

const nextMonth = addMonths(monthOfDay(parisDay(new Date())), 1);
const H = HOUSEHOLDS.calendar;

/** A tap the parent makes, counted. */
function tapper(page: Page) {
  let taps = 0;
  return {
    tap: async (target: Locator) => {
      taps += 1;
      await target.click();
    },
    get count() {
      return taps;
    },
    page,
  };
}

test("[PARENT][CALENDRIER] books a month of canteen for two children in under 10 taps, then pays", async ({ page }) => {
  const family = H.month;
  await signInAs(page, family);
  // Lucas's semaine type (lundi, jeudi), saved once like a parent would in September.
  await page.goto(`/demandes/reservation/calendrier?mois=${nextMonth}`);
  await expectPhoneReady(page);
  const lucasPattern = page.getByRole("group", { name: "Lucas — Repas cantine" });
  await lucasPattern.getByRole("checkbox", { name: "Lundi" }).check();
  await lucasPattern.getByRole("checkbox", { name: "Jeudi" }).check();
  await page.getByRole("button", { name: "Enregistrer la semaine type de Lucas — Repas cantine" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Semaine type enregistrée." })).toBeVisible();

  // From the home page, every tap counted.
  await page.goto("/accueil");
  const t = tapper(page);
  await t.tap(page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Demandes" }));
  await expectPhoneReady(page);
  await t.tap(page.getByRole("link", { name: "Calendrier de la famille" }));
  await expect(page.getByRole("heading", { name: "Réservations de la famille" })).toBeVisible();
  await t.tap(page.getByRole("link", { name: /Mois suivant/ }));
  await expect(page).toHaveURL(new RegExp(`mois=${nextMonth}`));
  await expectPhoneReady(page);

  const days = canteenDaysOf(nextMonth);
  const lucasDays = days.filter((d) => [1, 4].includes(weekday(d)));
  const emmaDays = days.filter((d) => [1, 2].includes(weekday(d)));
  // The semaine type pre-filled Lucas's month, and says so.
  await expect(page.getByText(`Lucas — Repas cantine (${lucasDays.length} jours)`)).toBeVisible();
  for (const d of lucasDays) await expect(calendarToggle(page, "Lucas", d)).toBeChecked();

  const emmaShortcuts = page.locator("details").filter({ has: page.getByText("Cocher pour Emma — Repas cantine", { exact: true }) });
  await t.tap(emmaShortcuts.getByText("Cocher pour Emma — Repas cantine"));
  await t.tap(emmaShortcuts.getByRole("button", { name: "Tous les lundis" }));
  await t.tap(emmaShortcuts.getByRole("button", { name: "Tous les mardis" }));
  await expect(page.getByText(`Tous les mardis pour Emma : ${days.filter((d) => weekday(d) === 2).length} jour`)).toBeVisible();
  for (const d of emmaDays) await expect(calendarToggle(page, "Emma", d)).toBeChecked();
  const total = lucasDays.length + emmaDays.length;
  await expect(page.getByText(`${total} jours à réserver`)).toBeVisible();
  await expectPhoneReady(page);
  await t.tap(page.getByRole("button", { name: "Envoi" }));

  await expect(page.getByRole("heading", { name: "Jours à réserver" })).toBeVisible();
  await expect(page.getByTestId("total")).toHaveText(new RegExp(formatCents(total * 250).replace(/\s/g, "\\s")));
  await expectPhoneReady(page);
  await t.tap(page.getByRole("button", { name: "Valider et passer au paiement" }));
  await expect(page.getByText(/Réservation en attente de paiement du/)).toBeVisible();
  expect(t.count).toBeLessThan(10);
  await expectPhoneReady(page);

  // One hold for both children: the calendar says so until it is paid.
  await page.goto(`/demandes/reservation/calendrier?mois=${nextMonth}`);
  await expect(page.getByRole("link", { name: /Emma, Repas cantine, .* : En attente de paiement jusqu'à \d\d:\d\d/ }).first()).toBeVisible();
  await page.goBack();

  await page.getByRole("link", { name: /^Payer/ }).click();
  await expectPhoneReady(page);
  await page.getByRole("button", { name: "Payer facture" }).click();
  await payOnSimulator(page, "Payer par carte bancaire");
  await expect(page.getByText("Paiement accepté", { exact: true })).toBeVisible({ timeout: 20_000 });
  await page.goto(`/demandes/reservation/calendrier?mois=${nextMonth}`);
  await expect(page.getByText("Réservé").first()).toBeVisible();
  await expect(calendarToggle(page, "Emma", emmaDays[0])).toBeChecked();
  await expectPhoneReady(page);
});

test("[PARENT][CALENDRIER] unticks a paid day before its deadline: the place is freed and the amount becomes a credit", async ({ page }) => {
  const family = H.cancel;
  const [booked] = family.bookings;
  await signInAs(page, family);
  await page.goto(`/demandes/reservation/calendrier?mois=${monthOfDay(booked.day)}`);
  const toggle = calendarToggle(page, "Emma", booked.day);
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await expect(page.getByText("0 jour à réserver, 1 à annuler")).toBeVisible();
  await expectPhoneReady(page);
  await page.getByRole("button", { name: "Envoi" }).click();

  await expect(page.getByRole("heading", { name: "Jours à annuler" })).toBeVisible();
  await expect(page.getByText("Avoir de 2,50 €")).toBeVisible();
  await expectPhoneReady(page);
  await page.getByRole("button", { name: "Confirmer l'annulation" }).click();

  await expect(page.locator('[data-alert="success"]')).toContainText("1 jour annulé");
  await expect(calendarToggle(page, "Emma", booked.day)).not.toBeChecked();
  await expectPhoneReady(page);
  await page.goto("/factures");
  await expect(page.getByText(/2,50\s€/).first()).toBeVisible();
  await expectPhoneReady(page);
});

test("[PARENT][CALENDRIER] books with the keyboard alone, from the product's card to the pending invoice", async ({ page }) => {
  const family = H.keyboard;
  const day = laterCanteenDays()[4];
  await signInAs(page, family);
  await page.goto("/demandes");
  await expectPhoneReady(page);

  /** Tab until the focus is on what we want, as a keyboard user would (and fail if it is not reachable). */
  const tabTo = async (target: Locator) => {
    for (let i = 0; i < 400; i++) {
      if (await target.evaluate((el) => el === document.activeElement)) return;
      await page.keyboard.press("Tab");
    }
    throw new Error("Not reachable with Tab");
  };
  // The seed's way in: the product's card, then the child. On a phone it opens the family calendar for that product.
  await tabTo(page.getByRole("button", { name: "Réserver : Repas cantine" }));
  await page.keyboard.press("Enter");
  await tabTo(page.getByRole("dialog").getByRole("link", { name: "Tous mes enfants" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Réservations de la famille" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Voir tous les enfants et toutes les prestations" })).toBeVisible();
  if (!page.url().includes(`mois=${monthOfDay(day)}`)) {
    await tabTo(page.getByRole("link", { name: /Mois suivant/ }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`mois=${monthOfDay(day)}`));
  }
  await expectPhoneReady(page);
  // Only the canteen: the product card narrowed the calendar.
  await expect(page.getByRole("checkbox", { name: /Garderie du matin/ })).toHaveCount(0);

  /** The focused toggle is on screen and on top: not under the sticky « Envoi » bar nor off the side. */
  const expectSeen = async (target: Locator) => {
    await expect(target).toBeInViewport();
    const onTop = await target.evaluate((el) => {
      const box = el.closest("label")!.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return el.closest("label")!.contains(hit);
    });
    expect(onTop, "the focused day is hidden under something").toBe(true);
  };
  // Tab through the month: no toggle ever gets the focus while hidden under the sticky « Envoi » bar.
  const hidden: string[] = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    const covered = await page.evaluate(() => {
      const label = document.activeElement?.closest("label");
      if (!(document.activeElement instanceof HTMLInputElement) || !label) return null;
      const box = label.getBoundingClientRect();
      return label.contains(document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)) ? null : document.activeElement.getAttribute("aria-label");
    });
    if (covered) hidden.push(covered);
  }
  expect(hidden, "toggles focused under the sticky bar").toEqual([]);
  const emma = calendarToggle(page, "Emma", day);
  await tabTo(emma);
  await expectSeen(emma);
  await page.keyboard.press("Space");
  await expect(emma).toBeChecked();
  const lucas = calendarToggle(page, "Lucas", day);
  await tabTo(lucas);
  await expectSeen(lucas);
  await page.keyboard.press("Space");
  await expect(lucas).toBeChecked();
  await tabTo(page.getByRole("button", { name: "Envoi" }));
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { name: "Jours à réserver" })).toBeVisible();
  await tabTo(page.getByRole("button", { name: "Valider et passer au paiement" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText(/Réservation en attente de paiement du/)).toBeVisible();
  await expectPhoneReady(page);
});
