import { expect, test, type Page } from "@playwright/test";
import { DEMO, PHONE, expectAccessible, expectPhoneReady, signIn, signInAs } from "./support/fixtures";
import { HOUSEHOLDS } from "./support/households";

// Issue 12: article 47 of law 2005-102 asks every page for the mention
// "Accessibilité : … conforme", linked to a declaration that carries the
// RGAA 4.1 model's mandatory items. The mention is derived from the
// declaration's counts; staff change the counts and the footer follows.
// The seed's declaration (prisma/seed-data.ts) counts 34 criteria met and
// 30 not met: 53,1 %, "partiellement conforme". This spec puts it back.

const SEEDED = { met: "34", notMet: "30", status: "partiellement conforme", rate: "53,1 %" };

const mention = (page: Page) => page.getByRole("contentinfo").getByRole("link", { name: /^Accessibilité : / });

/** The footer's mention links to the declaration and says the status the declaration states. */
async function expectMention(page: Page, status: string) {
  await expect(mention(page)).toHaveText(`Accessibilité : ${status}`);
  await expect(mention(page)).toHaveAttribute("href", "/accessibilite");
}

test("[VISITEUR][ACCESSIBILITÉ] the footer of a public page and of the 404 says the declaration's status, linked to it", async ({ page }) => {
  await page.goto("/accessibilite");
  const declared = page.getByRole("region", { name: "État de conformité" }).locator("strong");
  await expect(declared).toHaveText(SEEDED.status);

  await page.goto("/connexion");
  await expectMention(page, SEEDED.status);
  await expectAccessible(page);

  const response = await page.goto("/une-adresse-inconnue");
  expect(response!.status()).toBe(404);
  await expectMention(page, SEEDED.status);
  await expectAccessible(page);

  await mention(page).click();
  await expect(page).toHaveURL(/\/accessibilite$/);
  await expect(page.getByRole("heading", { level: 1, name: "Déclaration d'accessibilité", exact: true })).toBeVisible();
});

test("[PARENT][ACCESSIBILITÉ] a family page's footer carries the mention", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signInAs(page, HOUSEHOLDS.declaration);
  await expectMention(page, SEEDED.status);
  await expectPhoneReady(page);
});

test("[VISITEUR][ACCESSIBILITÉ] the declaration has every mandatory item of the RGAA model, readable at 320 px", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto("/accessibilite");
  await expect(page).toHaveTitle("Déclaration d'accessibilité — Portail Famille");
  const article = page.locator("article");
  const headings = (await article.getByRole("heading").allTextContents()).map((h) => h.trim());
  const mandatory = [
    "Déclaration d'accessibilité",
    "État de conformité",
    "Résultats des tests",
    "Contenus non accessibles",
    "Établissement de cette déclaration",
    "Technologies utilisées pour la réalisation du portail",
    "Environnement de test",
    "Outils pour évaluer l'accessibilité",
    "Pages du site ayant fait l'objet de la vérification de conformité",
    "Retour d'information et contact",
    "Voies de recours",
  ];
  // In this order, whatever else sits between them.
  expect(headings.filter((h) => mandatory.includes(h))).toEqual(mandatory);

  await expect(article).toContainText("Communauté de communes du Val Fleuri s'engage à rendre son service accessible");
  await expect(article.getByRole("link", { name: "Schéma pluriannuel de mise en accessibilité" })).toBeVisible();
  await expect(article.getByRole("link", { name: "Plan d'action de l'année en cours" })).toBeVisible();
  await expect(article).toContainText(`Taux de conformité : ${SEEDED.rate.replace(" ", "\u00a0")} des critères respectés.`);
  await expect(article).toContainText(`Critères respectés : ${SEEDED.met}`);
  await expect(article).toContainText(`Critères non respectés : ${SEEDED.notMet}`);
  await expect(article).toContainText("Critères non applicables : 42");
  await expect(article.getByRole("heading", { level: 3, name: "Non-conformités" })).toBeVisible();
  await expect(article).toContainText("Factures et avoirs au format PDF");
  await expect(article).toContainText("Alternative : Chaque facture et chaque avoir a une « Version accessible »");
  await expect(article.getByRole("heading", { level: 3, name: "Dérogations et contenus non soumis à l'obligation d'accessibilité" })).toBeVisible();
  await expect(article).toContainText("Décompte de 15 minutes pendant le paiement d'une réservation");
  await expect(article).toContainText(/Cette déclaration a été établie le \d{2}\/\d{2}\/\d{4}\./);

  const contact = page.getByRole("region", { name: "Retour d'information et contact" });
  await expect(contact.getByRole("link", { name: "jeunesse@val-fleuri.example" })).toHaveAttribute("href", "mailto:jeunesse@val-fleuri.example");
  await expect(contact).toContainText("ZAE Les Garrigues");
  await expect(contact).toContainText("34480 Magalas");

  const appeal = page.getByRole("region", { name: "Voies de recours" });
  await expect(appeal.getByRole("link", { name: "Écrire un message au Défenseur des droits" })).toHaveAttribute("href", "https://formulaire.defenseurdesdroits.fr/");
  await expect(appeal.getByRole("link", { name: "Contacter le délégué du Défenseur des droits dans votre région" })).toHaveAttribute(
    "href",
    "https://www.defenseurdesdroits.fr/saisir/delegues",
  );
  await expect(appeal.getByRole("link", { name: "09 69 39 00 00" })).toHaveAttribute("href", "tel:+33969390000");
  await expect(appeal).toContainText("Libre réponse 71120");
  await expect(appeal).toContainText("75342 Paris CEDEX 07");

  await expect(page.getByRole("region", { name: "Informations complémentaires" })).toContainText("Le service Enfance-Jeunesse vous reçoit aussi");
  await expectPhoneReady(page);
});

test.describe("staff", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, DEMO.admin.login, DEMO.admin.password);
    await expect(page).toHaveURL(/\/admin/);
  });

  test("[ADMIN][ACCESSIBILITÉ] the back office's footer carries the mention too", async ({ page }) => {
    await expectMention(page, SEEDED.status);
    await expectAccessible(page);
  });

  test("[ADMIN][ACCESSIBILITÉ] new audit counts change the status everywhere, and are put back", async ({ page }) => {
    await page.goto("/admin/parametres");
    await page.getByRole("main").getByRole("link", { name: "Déclaration d'accessibilité" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Déclaration d'accessibilité", exact: true })).toBeVisible();
    await expectAccessible(page);
    const met = page.getByLabel("Critères respectés", { exact: true });
    const notMet = page.getByLabel("Critères non respectés", { exact: true });
    await expect(met).toHaveValue(SEEDED.met);
    await expect(notMet).toHaveValue(SEEDED.notMet);
    const live = page.getByRole("main").getByRole("status").filter({ hasText: "État de conformité qui sera publié" });
    await expect(live).toContainText(SEEDED.status);

    const save = async (values: { met: string; notMet: string }, status: string) => {
      await met.fill(values.met);
      await notMet.fill(values.notMet);
      await expect(live).toContainText(status); // as typed, before saving
      await page.getByRole("button", { name: "Enregistrer la déclaration" }).click();
      await expect(page.locator('[data-alert="success"]')).toHaveText("Déclaration enregistrée (critères respectés, critères non respectés).");
      await expectMention(page, status);
    };

    await save({ met: "20", notMet: "44" }, "non conforme");
    await page.goto("/accessibilite");
    await expectMention(page, "non conforme");
    await expect(page.getByRole("region", { name: "État de conformité" }).locator("strong")).toHaveText("non conforme");
    await expect(page.locator("article")).toContainText("Critères respectés : 20");

    await page.goto("/admin/parametres/accessibilite");
    await save({ met: SEEDED.met, notMet: SEEDED.notMet }, SEEDED.status);
  });

  test("[ADMIN][ACCESSIBILITÉ] a refused save lands on the error summary and changes nothing", async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto("/admin/parametres/accessibilite");
    // A new row takes the focus, ready to be filled.
    const rows = await page.getByRole("group", { name: /^Contenu \d+$/ }).count();
    await page.getByRole("button", { name: "Ajouter un contenu" }).click();
    await expect(page.getByRole("group", { name: `Contenu ${rows + 1}` }).getByLabel("Contenu", { exact: true })).toBeFocused();
    const met = page.getByLabel("Critères respectés", { exact: true });
    await met.fill("200");
    await page.getByLabel("Email de contact").fill("contact@");
    await page.getByRole("button", { name: "Enregistrer la déclaration" }).click();

    const summary = page.locator(":focus");
    await expect(summary).toContainText("Indiquez un nombre entier entre 0 et 106.");
    await expect(summary).toContainText("Cette adresse email n'est pas valide");
    await expect(summary.getByRole("link", { name: "Indiquez un nombre entier entre 0 et 106." })).toHaveAttribute(
      "href",
      "#declaration-criteriaMet",
    );
    // What was typed is still there to correct, and the field says what is wrong.
    await expect(met).toHaveValue("200");
    await expect(met).toHaveAttribute("aria-invalid", "true");
    await expectPhoneReady(page);
    await expectMention(page, SEEDED.status);
  });
});
