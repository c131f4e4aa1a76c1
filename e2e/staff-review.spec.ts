import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, linkIn, readEmail, signIn, signOut, unique } from "./support/fixtures";
import { pngBytes } from "./support/files";
import { fillRegistration } from "./support/registration";
import { HOUSEHOLDS } from "./support/households";

test("[AGENT][COMPTES] staff check a new account and link it to its family; the parent then uses the portal", async ({ page }) => {
  const email = `paul.${unique()}@exemple.fr`;
  // A household of its own (support/households.ts) where Paul is already a member, without an account.
  const family = HOUSEHOLDS.staffReview;
  const lastName = family.name.charAt(0) + family.name.slice(1).toLowerCase();

  await page.goto("/inscription");
  await fillRegistration(page, { lastName, firstName: "Paul", email });
  await page.getByLabel("Carte d'identité").setInputFiles({ name: "cni-paul.png", mimeType: "image/png", buffer: pngBytes(120, 80) });
  await page.getByRole("button", { name: "Créer son compte" }).click();
  await expect(page.getByRole("heading", { name: "Votre compte a été créé." })).toBeVisible();
  const confirmation = await readEmail(email, "Inscription Portail Famille");
  await page.goto(linkIn(confirmation, "Confirmer inscription"));
  await page.getByRole("button", { name: "Confirmer inscription" }).click();
  await expect(page.getByText("Votre adresse mail est confirmée.")).toBeVisible();

  await signIn(page, DEMO.staff.login, DEMO.staff.password);
  await expect(page).toHaveURL(/\/admin/);
  await expectAccessible(page);
  await page.getByRole("link", { name: /Comptes à vérifier/ }).click();
  await expectAccessible(page);
  await page.getByRole("link", { name: `Vérifier le compte de ${family.name} Paul` }).click();
  await expect(page.getByRole("img", { name: /Pièce d'identité/ })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Rechercher une famille").fill(lastName.toLowerCase());
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page.getByRole("heading", { name: new RegExp(`Famille ${family.name}`) })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: /Lier à ce membre : .*Paul/ }).click();
  await expect(page.getByText("Compte lié et activé")).toBeVisible();
  await signOut(page);

  const verified = await readEmail(email, /.+/);
  const identifiant = /\b[0-9a-f]{8}\b/.exec(verified.text)?.[0];
  expect(identifiant, "the email gives the identifiant").toBeTruthy();

  await signIn(page, identifiant!, "Bonjour-2026");
  await expect(page).toHaveURL(/\/accueil/);
  await expect(page.getByRole("navigation", { name: "Menu principal" })).toBeVisible();
  for (const item of ["Accueil", "Demandes", "Factures", "Mon Espace"]) {
    await expect(page.getByRole("link", { name: item, exact: true })).toBeVisible();
  }
  await expectAccessible(page);
  await page.getByRole("link", { name: "Mon Espace", exact: true }).click();
  await expect(page.getByText(family.member("Emma").fullName)).toBeVisible();
  await expect(page.getByText("Compte synchronisé")).toHaveCount(2);
  await expectAccessible(page);

  // The same at phone width.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.reload();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
});

test("[AGENT][COMPTES] staff refuse an account with a reason and the applicant is told", async ({ page }) => {
  await signIn(page, DEMO.staff.login, DEMO.staff.password);
  await page.goto("/admin/comptes");
  await page.getByRole("link", { name: "Vérifier le compte de BENALI Karim" }).click();
  await page.getByLabel("Motif du refus").fill("La pièce d'identité est illisible : merci de vous réinscrire avec une photo nette.");
  await page.getByRole("button", { name: "Refuser l'inscription" }).click();
  await expect(page.getByText("Inscription refusée")).toBeVisible();
  const refusal = await readEmail(DEMO.pending.email, /.+/);
  expect(refusal.text).toContain("illisible");

  await page.goto("/admin/journal");
  await expect(page.getByRole("main")).toContainText("BENALI");
  await expectAccessible(page);
});

test("[ADMIN][PARAMETRES] the authority's settings edited by an admin show in the public footer", async ({ page }) => {
  await signIn(page, DEMO.admin.login, DEMO.admin.password);
  await page.goto("/admin/parametres");
  await expectAccessible(page);
  await page.getByLabel("Téléphone").fill("04 67 99 99 99");
  await page.getByRole("button", { name: /Enregistrer/ }).click();
  await expect(page.getByText(/enregistr/i).first()).toBeVisible();
  await signOut(page);
  await expect(page.locator("footer")).toContainText("04 67 99 99 99");
});
