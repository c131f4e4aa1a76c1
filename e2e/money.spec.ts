import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, readEmail, signIn, signInAs } from "./support/fixtures";
import { HOUSEHOLDS } from "./support/households";
import { bookHalfDay, payOnSimulator, wednesdays } from "./support/payment";

// A household of its own (support/households.ts), so any Wednesday will do.
const [day] = wednesdays(1);
const family = HOUSEHOLDS.money;

test("[GUICHET][PARENT][AVOIR] paid at the counter while the parent pays online: the second payment becomes a credit the family sees and staff refund", async ({
  page,
  browser,
}) => {
  await signInAs(page, family);
  await bookHalfDay(page, family.member("Emma"), day);
  await page.getByRole("link", { name: /Facture de \d+,\d\d\s€/ }).click();
  await expect(page).toHaveURL(/\/factures\/[^/]+\/payer/);
  const invoiceId = /\/factures\/([^/]+)\/payer/.exec(page.url())![1];
  const number = /N° (\d+)/.exec((await page.getByText(/Avis de paiement N° \d+/).textContent())!)![1];
  await page.getByRole("button", { name: "Payer facture" }).click();
  await expect(page.getByRole("heading", { name: "Paiement en ligne des services publics locaux" })).toBeVisible();

  // Meanwhile the family pays at the counter: staff are asked to check the online payment first.
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, DEMO.staff.login, DEMO.staff.password);
  await staff.goto(`/admin/factures/${invoiceId}`);
  await staff.getByLabel("Moyen de paiement").selectOption({ label: "Espèces" });
  await staff.getByRole("button", { name: "Enregistrer le paiement" }).click();
  await expect(staff.getByText(/paiement en ligne de .* est en cours pour cette facture/).first()).toBeVisible();
  await staff.getByLabel(/J'ai vérifié le paiement en ligne en cours/).check();
  await staff.getByRole("button", { name: "Enregistrer le paiement" }).click();
  await expect(staff).toHaveURL(/recu=\d+/);

  // The online payment still goes through: nothing is lost, nothing counted twice.
  await payOnSimulator(page, "Payer par carte bancaire");
  await expect(page).toHaveURL(/\/paiement\/retour\?idop=/);
  await expect(page.getByText(/conservé en avoir/).first()).toBeVisible({ timeout: 20_000 });
  await expectAccessible(page);
  await readEmail(family.email, `Facture N° ${number} : paiement reçu, conservé en avoir`);
  await page.goto("/factures");
  await expect(page.getByText(/Avoir disponible : \d+,\d\d\s€/).first()).toBeVisible();
  await expectAccessible(page);
  // On a phone the credit and the amounts read without a sideways swipe.
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ["/factures", "/accueil"]) {
    await page.goto(path);
    await expect(page.getByText(/Avoir disponible/).first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), path).toBeLessThanOrEqual(0);
  }

  // Staff find it in "À traiter" and refund it with the transfer's reference.
  await staff.goto("/admin/paiements/a-traiter");
  const item = staff.getByRole("article", { name: new RegExp(`^Facture N° ${number} `) });
  await expect(item).toContainText("Deuxième paiement");
  await expectAccessible(staff);
  await item.getByLabel("Référence du virement").fill("VIR-E2E-0001");
  await item.getByRole("button", { name: /^Rembourser/ }).click();
  await expect(staff.getByRole("article", { name: new RegExp(`^Facture N° ${number} `) })).toHaveCount(0);
  await staffContext.close();

  await page.goto("/factures");
  await expect(page.getByText(/Avoir disponible/)).toHaveCount(0);
});
