import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, readEmail, signIn, signInAs, signOut, uniqueLetters } from "./support/fixtures";
import { photo, requestIdOf, sendChangeOfAddress } from "./support/documents";
import { HOUSEHOLDS } from "./support/households";

// Each journey's requests come from a household of its own (support/households.ts).
const H = HOUSEHOLDS.demarches;

test("[PARENT][DEMARCHES] a change of address with a phone photo, accepted by staff, moves the household and emails the parent", async ({ page }) => {
  const street = `${Math.floor(Math.random() * 90) + 10} rue des ${uniqueLetters()}`;
  const family = H.address;
  await signInAs(page, family);
  await page.goto("/demandes/demarches");
  await expectAccessible(page);
  await page.getByRole("link", { name: /Changement d'adresse/ }).click();
  await expectAccessible(page);
  // The field lets a phone take the photo: it accepts images (HEIC included) and PDFs.
  await expect(page.getByLabel("Fichier").first()).toHaveAttribute("accept", /image\/jpeg.*image\/heic/);
  await expect(page.getByLabel("Prendre une photo")).toHaveAttribute("capture", "environment");
  const requestPath = await sendChangeOfAddress(page, { address1: street, postalCode: "34290", city: "Servian" });
  expect(requestPath).toMatch(/^\/demandes\/demarches\/\w+$/);
  await expectAccessible(page);

  await page.goto("/accueil?onglet=demandes");
  const row = page.getByRole("row").filter({ hasText: "Changement d'adresse" }).first();
  await expect(row).toContainText("En attente");
  await expect(row).toContainText("Affaires scolaires");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Fichiers" }).click();
  await expect(page.getByRole("row").filter({ hasText: "photo-justificatif" }).first()).toContainText("En attente");
  await expectAccessible(page);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await signOut(page);

  await signIn(page, DEMO.staff.login, DEMO.staff.password);
  await page.goto("/admin/demandes");
  await expect(page.getByRole("link", { name: "Changement d'adresse" }).first()).toBeVisible();
  await expectAccessible(page);
  // Other journeys may have left requests of the same kind in the queue: open this one.
  await page.goto(`/admin/demandes/${requestIdOf(requestPath)}`);
  await expect(page.getByRole("main")).toContainText(street);
  await expect(page.getByRole("img", { name: /joint à la demande/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: /Accepter : la nouvelle adresse/ }).click();
  await expect(page.getByText("Demande acceptée.")).toBeVisible();
  await page.getByRole("link", { name: new RegExp(`${family.name} \\(n°`) }).click();
  await expect(page.getByRole("main").locator("address")).toContainText(street);
  await expect(page.getByRole("main")).toContainText("Demande acceptée");
  await expectAccessible(page);
  await signOut(page);

  const email = await readEmail(family.email, "Votre demande a été acceptée");
  expect(email.text).toContain("Changement d'adresse");
  expect(email.html).toContain("Désinscription");

  await signInAs(page, family);
  await page.goto("/accueil?onglet=demandes");
  await expect(page.getByRole("row").filter({ hasText: "Changement d'adresse" }).first()).toContainText("Acceptée le");
});

test("[PARENT][DEMARCHES] adding a child through a request: staff accept and the child joins the family", async ({ page }) => {
  const firstName = `Zoe${uniqueLetters()}`;
  const family = H.newChild;
  await signInAs(page, family);
  await page.getByRole("link", { name: "Mon Espace", exact: true }).click();
  await page.getByRole("link", { name: "Ajouter une personne de la famille" }).click();
  await expectAccessible(page);
  await page.getByLabel("Qualité").selectOption("ENFANT");
  await page.getByLabel("Civ").selectOption("MME");
  await page.getByLabel("Nom de famille").fill(family.name);
  await page.getByLabel("Prénom").fill(firstName);
  await page.getByLabel("Date de Naissance").fill("2022-02-14");
  await page.getByLabel("Fichier").first().setInputFiles(photo("livret-de-famille.png"));
  await page.getByRole("button", { name: "Envoi", exact: true }).click();
  await expect(page.getByText("Votre demande a été envoyée.")).toBeVisible();
  const requestId = requestIdOf(new URL(page.url()).pathname);
  await signOut(page);

  await signIn(page, DEMO.staff.login, DEMO.staff.password);
  await page.goto(`/admin/demandes/${requestId}`);
  await expect(page.getByRole("main")).toContainText(firstName);
  await page.getByRole("button", { name: /Accepter : la personne est ajoutée/ }).click();
  await expect(page.getByText("Demande acceptée.")).toBeVisible();
  await signOut(page);

  await signInAs(page, family);
  await page.goto("/mon-espace");
  await page.getByRole("link", { name: family.member(firstName).fullName }).click();
  await expect(page.getByRole("main")).toContainText("Enfant");
  await expect(page.getByRole("main")).toContainText("14/02/2022");
  await expectAccessible(page);
});

test("[PARENT][DEMARCHES] the member is chosen in a dialog, and a double click on Envoi makes one request", async ({ page }) => {
  const details = `Allergie ${uniqueLetters()}`;
  const family = H.member;
  const emma = family.member("Emma").fullName;
  await signInAs(page, family);
  await page.goto("/demandes/demarches");
  await page.getByRole("link", { name: /Certificat médical/ }).click();
  await page.getByRole("button", { name: "Choisir le membre de la famille" }).click();
  const dialog = page.getByRole("dialog", { name: "Choisir le membre de la famille" });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await dialog.getByLabel(new RegExp(emma)).check();
  await dialog.getByRole("button", { name: "Valider" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`${emma} (Enfant)`, { exact: true }).and(page.locator("p"))).toBeVisible();
  await page.getByLabel(/Précisions/).fill(details);
  await page.getByLabel("Fichier").first().setInputFiles(photo("certificat.png"));
  await page.getByRole("button", { name: "Envoi", exact: true }).dblclick();
  await expect(page.getByText("Votre demande a été envoyée.")).toBeVisible();
  await page.goto(`/accueil?onglet=demandes&q=${encodeURIComponent("Certificat")}`);
  await expect(page.getByRole("row").filter({ hasText: emma })).toHaveCount(1);
  await expect(page.getByLabel("Recherche")).toHaveValue("Certificat");
  await expectAccessible(page);
  // A missing proof is refused with a message beside the field, and in the summary that takes the focus.
  await page.goto("/demandes/demarches/nouvelle/CHANGEMENT_ADRESSE");
  await page.getByRole("button", { name: "Envoi", exact: true }).click();
  const summary = page.locator("[data-error-summary]");
  await expect(summary).toBeFocused();
  for (const message of ["Joignez le justificatif demandé.", "Renseignez le champ « Adresse »."]) {
    await expect(summary.getByRole("link", { name: message })).toBeVisible();
    await expect(page.locator("form p.text-danger-700").filter({ hasText: message })).toBeVisible();
  }
});
