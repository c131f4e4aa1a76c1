import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, linkIn, readEmail, signIn, signInAs, signOut, uniqueLetters } from "./support/fixtures";
import { pdfBytes, photo } from "./support/documents";
import { HOUSEHOLDS } from "./support/households";

// Each journey sends documents for a household of its own (support/households.ts).
const H = HOUSEHOLDS.documents;

test("[PARENT][DOCUMENTS] Remplacer le fichier shows the parent the new version; staff keep the history, validate it, and the parent can unsubscribe", async ({ page }) => {
  const first = `vaccins-${uniqueLetters()}.pdf`;
  const second = `vaccins-a-jour-${uniqueLetters()}.png`;
  const family = H.overwrite;
  await signInAs(page, family);
  await page.goto("/mon-espace");
  await expect(page.getByText("Compte Synchronisé").first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: family.member("Lucas").fullName }).click();
  await expect(page.getByRole("heading", { name: "Informations du Compte Citoyen" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Documents liés au compte" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "+ Ajouter un fichier : Certificat médical" }).click();
  await page.getByLabel("Fichier : Certificat médical").setInputFiles({ name: first, mimeType: "application/pdf", buffer: pdfBytes() });
  await page.getByRole("button", { name: "Envoi", exact: true }).click();
  await expect(page.getByText("Le fichier a été envoyé au service")).toBeVisible();
  // The link says what the file is and that it opens a new tab.
  await expect(page.getByRole("link", { name: new RegExp(`^${first} \\(PDF, \\d+ (o|Ko)\\) \\(nouvelle fenêtre\\)$`) })).toBeVisible();

  await page.getByRole("button", { name: `Remplacer le fichier : Certificat médical, ${first}` }).click();
  await page.getByLabel(`Nouvelle version : Certificat médical, ${first}`).setInputFiles(photo(second));
  await page.getByRole("button", { name: "Envoi", exact: true }).click();
  await expect(page.getByRole("link", { name: second })).toBeVisible();
  await expect(page.getByRole("link", { name: first })).toHaveCount(0);
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, DEMO.staff.login, DEMO.staff.password);
  await page.goto("/admin/documents");
  await expectAccessible(page);
  await expect(page.getByRole("main")).not.toContainText(first);
  await page.getByRole("row").filter({ hasText: second }).getByRole("link", { name: "Certificat médical" }).click();
  await expect(page.getByRole("heading", { name: "Versions précédentes" })).toBeVisible();
  await expect(page.getByRole("link", { name: first })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Valider le document" }).click();
  await expect(page.getByText("Document validé.")).toBeVisible();
  await signOut(page);

  const validated = await readEmail(family.email, "Votre document a été validé");
  expect(validated.text).toContain("Certificat médical");
  // The unsubscribe link works without signing in.
  await page.goto(linkIn(validated, "Désinscription"));
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirmer la désinscription" }).click();
  await expect(page.getByText("Désinscription enregistrée.")).toBeVisible();

  await signInAs(page, family);
  await page.goto("/accueil?onglet=fichiers");
  await expect(page.getByRole("row").filter({ hasText: second })).toContainText("Validé");
  // Validated: it can no longer be deleted by the parent.
  await expect(page.getByRole("button", { name: `Supprimer le fichier ${second}` })).toHaveCount(0);
});

test("[PARENT][DOCUMENTS] a file still En attente can be deleted from the Fichiers tab", async ({ page }) => {
  const name = `a-supprimer-${uniqueLetters()}.pdf`;
  const family = H.deleted;
  await signInAs(page, family);
  await page.goto("/mon-espace");
  await page.getByRole("link", { name: family.member("Emma").fullName }).click();
  await expect(page.getByRole("heading", { name: "Documents liés au compte" })).toBeVisible();
  await page.getByRole("button", { name: "+ Ajouter un fichier : Autre document" }).click();
  await page.getByLabel("Fichier : Autre document").setInputFiles({ name, mimeType: "application/pdf", buffer: pdfBytes() });
  await page.getByRole("button", { name: "Envoi", exact: true }).click();
  await expect(page.getByRole("link", { name })).toBeVisible();
  await page.goto(`/accueil?onglet=fichiers&q=${encodeURIComponent(name.slice(0, 20))}`);
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText("En attente");
  await page.getByRole("button", { name: `Supprimer le fichier ${name}` }).click();
  await expect(page.getByText("Aucun fichier ne correspond à votre recherche.")).toBeVisible();
});
