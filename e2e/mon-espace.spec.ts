import { expect, test } from "@playwright/test";
import { expectAccessible, linkIn, readEmail, signIn, signOut, unique } from "./support/fixtures";
import { createFamilyThroughRegistration } from "./support/documents";

test("[PARENT][MON ESPACE] a parent updates their phones, and a new email counts only once confirmed by its link", async ({ page }) => {
  // A family of its own: changing a demo parent's email would upset the other journeys.
  const family = await createFamilyThroughRegistration(page);
  const newEmail = `nouvelle.${unique()}@exemple.fr`;
  await signIn(page, family.login, family.password);
  await page.goto("/mon-espace");
  await page.getByRole("link", { name: new RegExp(`Alex ${family.lastName}`, "i") }).click();
  await expect(page.getByRole("heading", { name: "Informations du Compte Citoyen" })).toBeVisible();
  for (const label of ["Qualité", "Nom de famille", "Prénom", "Code Postal", "Ville", "Adresse Email", "Identifiant"]) {
    await expect(page.getByRole("term").filter({ hasText: new RegExp(`^${label}$`) })).toBeVisible();
  }
  await expectAccessible(page);

  await page.getByLabel("Téléphone").fill("04 67 11 22 33");
  await page.getByRole("button", { name: "Enregistrer mes téléphones" }).click();
  await expect(page.getByText("Vos numéros de téléphone sont enregistrés.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("definition").filter({ hasText: "04 67 11 22 33" })).toBeVisible();

  await page.getByLabel("Nouvelle adresse email").fill(newEmail);
  await page.getByRole("button", { name: "Changer mon adresse email" }).click();
  await expect(page.getByText(/Un mail de confirmation a été envoyé/)).toBeVisible();
  // Not yet: the account still answers to the old address.
  await page.reload();
  await expect(page.getByRole("definition").filter({ hasText: family.login })).toBeVisible();
  await signOut(page);

  const message = await readEmail(newEmail, "Confirmez votre nouvelle adresse mail");
  await page.goto(linkIn(message, "Confirmer ma nouvelle adresse"));
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirmer ma nouvelle adresse" }).click();
  await expect(page.getByText(`Votre adresse mail est maintenant ${newEmail}.`)).toBeVisible();

  await signIn(page, newEmail, family.password);
  await expect(page).toHaveURL(/\/accueil/);
});
