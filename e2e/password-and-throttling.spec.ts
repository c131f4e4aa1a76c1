import { expect, test } from "@playwright/test";
import { attemptSignIn, DEMO, expectAccessible, linkIn, pageAlert, readEmail, signIn, signOut } from "./support/fixtures";

test("[PARENT][MOT DE PASSE] resets a forgotten password with the emailed link", async ({ page, browser }) => {
  // A session opened elsewhere before the change must end with it.
  const elsewhere = await (await browser.newContext()).newPage();
  await signIn(elsewhere, DEMO.martin.login, DEMO.martin.password);
  await expect(elsewhere).toHaveURL(/\/accueil/);

  await page.goto("/connexion");
  await page.getByRole("link", { name: "Réinitialiser" }).click();
  await expectAccessible(page);
  await page.getByLabel("Identifiant ou Email").fill(DEMO.martin.login);
  await page.getByRole("button", { name: "Recevoir un lien" }).click();
  await expect(page.getByText(/Si un compte correspond/)).toBeVisible();

  const email = await readEmail(DEMO.martin.email, "Réinitialisation de votre mot de passe");
  const link = linkIn(email, /mot de passe/i);
  await page.goto(link);
  await expectAccessible(page);
  await page.getByLabel("Nouveau mot de passe").fill("Nouveau-secret-42");
  await page.getByLabel("Confirmation du mot de passe").fill("Nouveau-secret-42");
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(page.getByText("Votre mot de passe a été modifié : connectez-vous.")).toBeVisible();

  await attemptSignIn(page, DEMO.martin.login, DEMO.martin.password);
  await expect(pageAlert(page)).toHaveText("Identifiant ou mot de passe incorrect.");
  await signIn(page, DEMO.martin.login, "Nouveau-secret-42");
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
  for (let i = 0; i < 5; i++) {
    await attemptSignIn(page, DEMO.pending.email, `mauvais-${i}`);
    await expect(pageAlert(page)).toHaveText("Identifiant ou mot de passe incorrect.");
  }
  await attemptSignIn(page, DEMO.pending.email, DEMO.pending.password);
  await expect(pageAlert(page)).toContainText("Trop de tentatives de connexion");
  // An unknown login is throttled the same way: nothing tells them apart.
  for (let i = 0; i < 5; i++) {
    await attemptSignIn(page, "personne@inconnu.fr", `mauvais-${i}`);
    await expect(pageAlert(page)).toHaveText("Identifiant ou mot de passe incorrect.");
  }
  await attemptSignIn(page, "personne@inconnu.fr", "mauvais");
  await expect(pageAlert(page)).toContainText("Trop de tentatives de connexion");
});

test("[PARENT][ACCES] a parent cannot reach the staff pages", async ({ page }) => {
  await signIn(page, DEMO.dupont.login, DEMO.dupont.password);
  await expect(page).toHaveURL(/\/accueil/);
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
    ["/connexion", "Accueil"],
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
