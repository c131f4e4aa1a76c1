import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, signIn, signOut, uniqueLetters } from "./support/fixtures";
import { createFamilyThroughRegistration, photo, requestIdOf } from "./support/documents";

test("[AGENT][FAMILLES] staff add a site and a class, place a child in it and edit the household's resources, all in its history", async ({ page }) => {
  const site = `École ${uniqueLetters()}`;
  // A family of its own with a child, so the demo families' classes (used by bookings) stay as seeded.
  const family = await createFamilyThroughRegistration(page);
  await signIn(page, family.login, family.password);
  await page.goto("/demandes/demarches/nouvelle/AJOUT_PERSONNE");
  await page.getByLabel("Qualité").selectOption("ENFANT");
  await page.getByLabel("Nom de famille").fill(family.lastName);
  await page.getByLabel("Prénom").fill("Nina");
  await page.getByLabel("Date de Naissance").fill("2018-09-01");
  await page.getByLabel("Fichier").first().setInputFiles(photo("livret.png"));
  await page.getByRole("button", { name: "Envoi", exact: true }).click();
  await expect(page.getByText("Votre demande a été envoyée.")).toBeVisible();
  const requestId = requestIdOf(new URL(page.url()).pathname);
  await signOut(page);

  await signIn(page, DEMO.staff.login, DEMO.staff.password);
  await page.goto(`/admin/demandes/${requestId}`);
  await page.getByRole("button", { name: /Accepter : la personne est ajoutée/ }).click();
  await expect(page.getByText("Demande acceptée.")).toBeVisible();
  await page.goto("/admin/referentiels");
  await expectAccessible(page);
  await page.getByLabel("Nom du site").fill(site);
  await page.getByRole("button", { name: "Ajouter le site" }).click();
  await expect(page.getByText("Site ajouté.")).toBeVisible();
  await page.getByLabel("Site de la classe").selectOption({ label: site });
  await page.getByLabel("Nom de la classe").fill("CM1");
  await page.getByLabel("Enseignant").fill("Mme Vidal");
  await page.getByRole("button", { name: "Ajouter la classe" }).click();
  await expect(page.getByText("Classe ajoutée.")).toBeVisible();
  await expect(page.getByRole("main")).toContainText("CM1 (Mme Vidal) : 0 élève");

  await page.goto(`/admin/demandes/${requestId}`);
  await page.getByRole("link", { name: new RegExp(`${family.lastName} \\(n°`, "i") }).click();
  await expect(page.getByRole("heading", { name: new RegExp(`Famille ${family.lastName}`, "i") })).toBeVisible();
  await expectAccessible(page);

  const child = page.getByLabel(/^Site et classe de /).first();
  await child.selectOption({ label: `${site} — CM1 (Mme Vidal)` });
  await page.getByRole("button", { name: /Enregistrer la classe de/ }).first().click();
  await expect(page.getByText("Classe enregistrée.")).toBeVisible();

  await page.getByLabel("Quotient familial").fill("777");
  await page.getByLabel("Régime").selectOption("MSA");
  await page.getByLabel("Valable jusqu'au").fill("2027-08-31");
  await page.getByRole("button", { name: "Enregistrer la famille" }).click();
  await expect(page.getByText("La famille est à jour.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("main")).toContainText("777 (valable jusqu'au 31/08/2027)");
  await expect(page.getByRole("main")).toContainText(`CM1 (${site})`);
  const history = page.locator("section").filter({ has: page.getByRole("heading", { name: "Historique" }) });
  await expect(history).toContainText("Famille modifiée");
  await expect(history).toContainText("Membre de la famille modifié");
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/admin/referentiels");
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
});
