import { expect, test } from "@playwright/test";
import { attemptSignIn, expectAccessible, linkIn, pageAlert, readEmail, signIn, signInAs, signOut, unique } from "./support/fixtures";
import { HOUSEHOLDS } from "./support/households";

// The journeys that sign a parent in use a household of their own (support/households.ts).
const H = HOUSEHOLDS.password;

test("[PARENT][MOT DE PASSE] resets a forgotten password with the emailed link", async ({ page, browser }) => {
  const parent = H.reset;
  // A session opened elsewhere before the change must end with it.
  const elsewhere = await (await browser.newContext()).newPage();
  await signIn(elsewhere, parent.identifiant, parent.password);
  await expect(elsewhere).toHaveURL(/\/accueil/);

  await page.goto("/connexion");
  await page.getByRole("link", { name: "Réinitialiser" }).click();
  await expectAccessible(page);
  await page.getByLabel("Identifiant ou Email").fill(parent.identifiant);
  await page.getByRole("button", { name: "Recevoir un lien" }).click();
  await expect(page.getByText(/Si un compte correspond/)).toBeVisible();

  const email = await readEmail(parent.email, "Réinitialisation de votre mot de passe");
  const link = linkIn(email, /mot de passe/i);
  await page.goto(link);
  await expectAccessible(page);
  await page.getByLabel("Nouveau mot de passe").fill("Nouveau-secret-42");
  await page.getByLabel("Confirmation du mot de passe").fill("Nouveau-secret-42");
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(page.getByText("Votre mot de passe a été modifié : connectez-vous.")).toBeVisible();

  await attemptSignIn(page, parent.identifiant, parent.password);
  await expect(pageAlert(page)).toHaveText("Identifiant ou mot de passe incorrect.");
  await signIn(page, parent.identifiant, "Nouveau-secret-42");
  await expect(page).toHaveURL(/\/accueil/);
  await signOut(page);

  await elsewhere.goto("/accueil");
  await expect(elsewhere).toHaveURL(/\/connexion/);
  await elsewhere.context().close();

  // The link worked once.
  await page.goto(link);
  await page.getByLabel("Nouveau mot de passe").fill("Encore-un-autre-43");
  await page.getByLabel("Confirmation du mot de passe").fill("Encore-un-autre-43");
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(pageAlert(page)).toContainText("n'est plus valide");
});

test("[VISITEUR][CONNEXION] repeated failures are throttled, even with the right password afterwards", async ({ page }) => {
  const account = H.throttled;
  const unknown = `personne.${unique()}@inconnu.fr`;
  for (let i = 0; i < 5; i++) {
    await attemptSignIn(page, account.email, `mauvais-${i}`);
    await expect(pageAlert(page)).toHaveText("Identifiant ou mot de passe incorrect.");
  }
  await attemptSignIn(page, account.email, account.password);
  await expect(pageAlert(page)).toContainText("Trop de tentatives de connexion");
  // An unknown login is throttled the same way: nothing tells them apart.
  for (let i = 0; i < 5; i++) {
    await attemptSignIn(page, unknown, `mauvais-${i}`);
    await expect(pageAlert(page)).toHaveText("Identifiant ou mot de passe incorrect.");
  }
  await attemptSignIn(page, unknown, "mauvais");
  await expect(pageAlert(page)).toContainText("Trop de tentatives de connexion");
});

test("[PARENT][ACCES] a parent cannot reach the staff pages", async ({ page }) => {
  await signInAs(page, H.parent);
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(404);
  const comptes = await page.goto("/admin/comptes");
  expect(comptes?.status()).toBe(404);
});

test("[VISITEUR][ACCES] private pages send an anonymous visitor to the sign-in page", async ({ page }) => {
  for (const path of ["/accueil", "/mon-espace", "/admin"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/connexion/);
  }
});

test("[VISITEUR][PAGES] the public pages read well on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const [path, heading] of [
    ["/connexion", "Connexion"],
    ["/inscription", "S'inscrire"],
    ["/cgu", "Conditions générales d'utilisation"],
    ["/mentions-legales", "Mentions légales"],
    ["/accessibilite", "Accessibilité"],
    ["/notice", "Notice d'utilisation du portail"],
    ["/mot-de-passe/oublie", "Mot de passe oublié"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  }
  await page.goto("/connexion");
  const footer = page.locator("footer");
  await expect(footer).toContainText("Communauté de communes du Val Fleuri");
  await expect(footer).toContainText("lundi");
  await expect(footer).toContainText("08:00-12:00 13:30-17:30");
  await expect(footer.getByRole("link", { name: "Mentions légales" })).toBeVisible();
  await expect(footer).toContainText(/V\d+\.\d+\.\d+/);
});
