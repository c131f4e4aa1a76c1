import { expect, test } from "@playwright/test";
import { attemptSignIn, expectAccessible, linkIn, pageAlert, readEmail, signIn, unique, uniqueLetters } from "./support/fixtures";
import { pngBytes } from "./support/files";
import { fillRegistration } from "./support/registration";

test("[VISITEUR][INSCRIPTION] registers with an identity document, confirms the email and waits for the check", async ({ page }) => {
  const id = unique();
  const person = { lastName: `Lefebvre-${uniqueLetters()}`, firstName: "Claire", email: `claire.${id}@exemple.fr` };

  await page.goto("/connexion");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Cliquez ici !" }).click();
  await expect(page.getByRole("heading", { name: "S'inscrire" })).toBeVisible();
  await expectAccessible(page);

  await fillRegistration(page, person);
  await page.getByLabel("Carte d'identité").setInputFiles({ name: "cni.png", mimeType: "image/png", buffer: pngBytes() });
  await page.getByRole("button", { name: "Créer son compte" }).click();

  await expect(page.getByRole("heading", { name: "Votre compte a été créé." })).toBeVisible();
  await expect(page.getByText(person.email)).toBeVisible();
  await expectAccessible(page);

  // Not active before the email is confirmed.
  await attemptSignIn(page, person.email, "Bonjour-2026");
  await expect(pageAlert(page)).toContainText("Confirmer inscription");

  const email = await readEmail(person.email, "Inscription Portail Famille");
  await page.goto(linkIn(email, "Confirmer inscription"));
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirmer inscription" }).click();
  await expect(page.getByText("Votre adresse mail est confirmée.")).toBeVisible();

  // The link is single use.
  await page.goto(linkIn(email, "Confirmer inscription"));
  await page.getByRole("button", { name: "Confirmer inscription" }).click();
  await expect(pageAlert(page)).toContainText("n'est plus valide");

  await signIn(page, person.email, "Bonjour-2026");
  await expect(page).toHaveURL(/\/en-attente/);
  await expect(page.getByText("Votre identité est en cours de vérification.")).toBeVisible();
  await expectAccessible(page);
  // The family pages stay closed until the check is done.
  await page.goto("/accueil");
  await expect(page).toHaveURL(/\/en-attente/);
});

test("[VISITEUR][INSCRIPTION] an address that already has an account is not revealed", async ({ page }) => {
  await page.goto("/inscription");
  await fillRegistration(page, { lastName: "Dupont", firstName: "Marie", email: "marie.dupont@exemple.fr" });
  await page.getByLabel("Carte d'identité").setInputFiles({ name: "cni.png", mimeType: "image/png", buffer: pngBytes() });
  await page.getByRole("button", { name: "Créer son compte" }).click();
  await expect(page.getByRole("heading", { name: "Votre compte a été créé." })).toBeVisible();
  const email = await readEmail("marie.dupont@exemple.fr", "Inscription Portail Famille");
  expect(email.text).toContain("déjà un compte");
});
