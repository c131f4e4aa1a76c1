import { expect, test } from "@playwright/test";
import { expectPhoneReady, PHONE, signInAs } from "./support/fixtures";
import { HOUSEHOLDS } from "./support/households";

test.use({ viewport: PHONE });

/** ICS folds long lines at 75 octets: joined back before reading. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, "");

test("[PARENT][AGENDA] subscribes to the family calendar at 360 px, finds the paid canteen day, revokes the link and turns reminders on", async ({ page, request }) => {
  const family = HOUSEHOLDS.feed;
  const booked = family.bookings[0];
  await signInAs(page, family);
  await expectPhoneReady(page);

  await page.goto("/mon-espace");
  const calendar = page.locator("section", { has: page.getByRole("heading", { name: "Calendrier", exact: true }) });
  await expect(calendar).toBeVisible();
  await expect(calendar.getByText("Aucun lien d'agenda pour le moment.")).toBeVisible();
  await expectPhoneReady(page);

  // A nameless link is refused, and the focus goes to the error summary.
  await page.getByRole("button", { name: "Créer un lien d'agenda" }).click();
  await expect(page.locator('[data-alert="error"]')).toContainText("Le formulaire contient 1 erreur");
  await expect(page.locator(":focus")).toContainText("Donnez un nom à ce lien");
  await expectPhoneReady(page);

  await page.getByLabel("Nom du lien").fill("Téléphone de Claire");
  await page.getByRole("button", { name: "Créer un lien d'agenda" }).click();
  await expect(page.locator('[data-alert="success"]')).toContainText("Copiez-le maintenant");
  const address = page.getByLabel("Adresse de votre agenda");
  const url = await address.inputValue();
  expect(url).toMatch(/\/api\/calendrier\/[A-Za-z0-9_-]{43}\.ics$/);
  await expect(page.getByRole("link", { name: "S'abonner depuis cet appareil" })).toHaveAttribute("href", url.replace(/^https?:\/\//, "webcal://"));
  const listed = page.getByRole("list", { name: "Liens d'agenda en service" }).getByRole("listitem");
  await expect(listed).toHaveCount(1);
  await expect(listed.first()).toContainText("Téléphone de Claire");
  await expect(listed.first()).toContainText("jamais utilisé");
  await expectPhoneReady(page);

  // What a calendar app receives, asked without the browser's session cookie: the paid day as a whole-day event.
  const feed = await request.get(url);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(feed.headers()["cache-control"]).toBe("private, max-age=900");
  const ics = unfold(await feed.text());
  const dayStamp = booked.day.replaceAll("-", "");
  const event = ics.split("BEGIN:VEVENT").find((e) => new RegExp(`^DTSTART;VALUE=DATE:${dayStamp}\\r?$`, "m").test(e));
  expect(event, `an event on ${booked.day}`).toBeDefined();
  expect(event).toMatch(/^SUMMARY:.+ — Repas cantine \(Emma\)\r?$/m);
  expect(ics).toMatch(/^X-WR-CALNAME:Portail Famille — .+$/m);

  // The list now says when it was last used; the address itself is gone from the page.
  await page.reload();
  await expect(page.getByLabel("Adresse de votre agenda")).toHaveCount(0);
  await expect(listed.first()).toContainText("dernière utilisation le");

  await listed.first().getByRole("button", { name: "Révoquer le lien « Téléphone de Claire »" }).click();
  await expect(page.getByText("Aucun lien d'agenda pour le moment.")).toBeVisible();
  expect((await request.get(url)).status()).toBe(404);
  await expectPhoneReady(page);

  // Reminders: opt in, and the box stays ticked on the next visit.
  const optIn = page.getByRole("checkbox", { name: "Recevoir des rappels par e-mail" });
  await expect(optIn).not.toBeChecked();
  await optIn.check();
  await page.getByRole("button", { name: "Enregistrer mon choix pour les rappels" }).click();
  await expect(page.locator('[data-alert="success"]').filter({ hasText: "vous recevrez un rappel" })).toBeVisible();
  await expectPhoneReady(page);
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Recevoir des rappels par e-mail" })).toBeChecked();
});
