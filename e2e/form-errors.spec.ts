import { expect, type Locator, type Page, test } from "@playwright/test";
import { DEMO, expectAccessible, expectPhoneReady, PHONE, signIn, signInAs, unique } from "./support/fixtures";
import { HOUSEHOLDS } from "./support/households";

// Issue 12 (RGAA 11.10, 11.11): after a refused submit the focus goes to an
// error summary that counts the errors and links each to its field (the
// GOV.UK / DSFR pattern), on every kind of form. Every submit here is
// refused, so nothing is changed for the other journeys.

const family = HOUSEHOLDS.formErrors;

/**
 * The page's error summary has the focus, says how many errors it lists
 * ("1 erreur", "3 erreurs"), and each link points at a field of the page;
 * following the link named `follow` puts the focus in its field.
 */
async function expectSummaryLeadsToFields(page: Page, follow: string | RegExp): Promise<Locator> {
  const summary = page.locator("[data-error-summary]");
  await expect(summary).toBeFocused();
  const links = summary.getByRole("link");
  await expect(links.first()).toBeVisible();
  const count = await links.count();
  await expect(summary).toContainText(`Le formulaire contient ${count} erreur${count > 1 ? "s" : ""}`);
  for (let i = 0; i < count; i++) {
    const href = (await links.nth(i).getAttribute("href")) ?? "";
    expect(href, `link ${i + 1} of the summary`).toMatch(/^#./);
    const id = decodeURIComponent(href.slice(1));
    expect(await page.evaluate((target) => document.getElementById(target) !== null, id), `field #${id}`).toBe(true);
  }
  const link = summary.getByRole("link", { name: follow });
  const id = decodeURIComponent(((await link.getAttribute("href")) ?? "").slice(1));
  await link.click();
  await expect(page.locator(`[id="${id}"]`)).toBeFocused();
  return summary;
}

test.describe("[VISITEUR][FORMULAIRES] public forms land on their error summary", () => {
  test.use({ viewport: PHONE });

  test("registration: the browser's checks in one summary, each linked to its field", async ({ page }) => {
    await page.goto("/inscription");
    await expect(page.getByText("Les champs marqués d'un astérisque (*) sont obligatoires.")).toBeVisible();
    await page.getByLabel("Nom de famille").fill("Daude");
    await page.getByRole("button", { name: "Créer son compte" }).click();
    const summary = await expectSummaryLeadsToFields(page, "La pièce d'identité est obligatoire.");
    await expect(summary.getByRole("link", { name: "Vous devez accepter les conditions générales d'utilisation." })).toBeVisible();
    await expectPhoneReady(page);
    // Typing does not pull the focus back to the summary.
    await page.getByLabel("Prénom").fill("Anne");
    await expect(page.getByLabel("Prénom")).toBeFocused();
    // The CGU open in a new tab (the half-filled form stays) and say so.
    await expect(page.getByRole("link", { name: "conditions générales d'utilisation (nouvelle fenêtre)" })).toHaveAttribute("target", "_blank");
  });

  test("sign-in: empty fields are listed; a wrong password is the summary's message alone", async ({ page }) => {
    await page.goto("/connexion");
    await page.getByRole("button", { name: "Connexion" }).click();
    await expectSummaryLeadsToFields(page, "Indiquez votre mot de passe.");
    await expect(page.getByLabel("Mot de passe")).toBeFocused();
    await expectPhoneReady(page);

    await page.getByLabel("Identifiant ou Email").fill(`inconnu.${unique()}@exemple.fr`);
    await page.getByLabel("Mot de passe").fill("Pas-le-bon-2026");
    await page.getByRole("button", { name: "Connexion" }).click();
    const summary = page.locator("[data-error-summary]");
    await expect(summary).toBeFocused();
    await expect(summary).toHaveText("Identifiant ou mot de passe incorrect.");
    await expectPhoneReady(page);
  });

  test("password reset request and new password", async ({ page }) => {
    await page.goto("/mot-de-passe/oublie");
    await page.getByRole("button", { name: "Recevoir un lien" }).click();
    await expectSummaryLeadsToFields(page, "Indiquez votre identifiant ou votre email.");
    await expectPhoneReady(page);

    // The fields are checked before the link: a made-up one is enough to reach the form.
    await page.goto("/mot-de-passe/nouveau?token=lien-de-test");
    await page.getByLabel("Nouveau mot de passe").fill("Bonjour-2026");
    await page.getByLabel("Confirmation du mot de passe").fill("Bonsoir-2026");
    await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
    await expectSummaryLeadsToFields(page, "Les deux mots de passe ne sont pas identiques.");
    await expectPhoneReady(page);
  });
});

test.describe("[PARENT][FORMULAIRES] family forms land on their error summary", () => {
  test.use({ viewport: PHONE });

  test("change of address: autofill, numeric keypad, and the errors on top of the phone's screen", async ({ page }) => {
    await signInAs(page, family);
    await page.goto("/demandes/demarches/nouvelle/CHANGEMENT_ADRESSE");
    await expect(page.getByRole("textbox", { name: "Adresse", exact: true })).toHaveAttribute("autocomplete", "address-line1");
    await expect(page.getByLabel("Complément d'adresse")).toHaveAttribute("autocomplete", "address-line2");
    await expect(page.getByLabel("Code Postal")).toHaveAttribute("autocomplete", "postal-code");
    await expect(page.getByLabel("Code Postal")).toHaveAttribute("inputmode", "numeric");
    await expect(page.getByLabel("Ville")).toHaveAttribute("autocomplete", "address-level2");

    await page.getByLabel("Ville").fill("Magalas");
    await page.getByRole("button", { name: "Envoi", exact: true }).click();
    const summary = await expectSummaryLeadsToFields(page, "Renseignez le champ « Code Postal ».");
    await expect(summary).toContainText("Le formulaire contient 3 erreurs");
    await expect(summary.getByRole("link", { name: "Joignez le justificatif demandé." })).toBeVisible();
    await expectPhoneReady(page);
    await summary.getByRole("link", { name: "Joignez le justificatif demandé." }).click();
    await expect(page.locator("#file-0")).toBeFocused();

    // The QF update asks the régime from the list and the CAF number on the numeric keypad.
    await page.goto("/demandes/demarches/nouvelle/QUOTIENT_FAMILIAL");
    const regime = page.getByRole("combobox", { name: "Régime" });
    await expect(regime.locator("option")).toHaveText(["Choisir…", "Régime général", "MSA", "Autre régime"]);
    await expect(page.getByLabel("N° allocataire")).toHaveAttribute("inputmode", "numeric");
    await expectPhoneReady(page);
  });

  test("Mon espace: the contact form and a document sent without its file", async ({ page }) => {
    await signInAs(page, family);
    await page.goto("/mon-espace");
    await page.getByRole("link", { name: new RegExp(`Claire ${family.name}`, "i") }).click();
    await expect(page.getByRole("heading", { name: "Informations du Compte Citoyen" })).toBeVisible();

    await page.getByLabel("Téléphone", { exact: true }).fill("12");
    await page.getByRole("button", { name: "Enregistrer mes téléphones" }).click();
    await expectSummaryLeadsToFields(page, /numéro/);
    await expect(page.getByLabel("Téléphone", { exact: true })).toBeFocused();
    await expectPhoneReady(page);

    await page.reload();
    const add = page.getByRole("button", { name: /^\+ Ajouter un fichier : / }).first();
    await add.click();
    await page.getByRole("button", { name: "Envoi", exact: true }).click();
    const summary = await expectSummaryLeadsToFields(page, "Choisissez un fichier.");
    await expect(summary).toContainText("Le formulaire contient 1 erreur");
    await expect(page.getByText("Les champs marqués d'un astérisque (*) sont obligatoires.").first()).toBeVisible();
    await expectPhoneReady(page);
  });

  test("the child's file: the health file, a person around the child, and an attendance period", async ({ page }) => {
    await signInAs(page, family);
    await page.goto("/mon-espace");
    await page.getByRole("link", { name: "Dossier de Emma" }).click();
    await expect(page.getByRole("heading", { name: "Fiche santé" })).toBeVisible();

    // A PAI said "Oui" without its end date, and no answer about vaccinations.
    await page.getByRole("group", { name: "PAI (projet d'accueil individualisé)" }).getByRole("radio", { name: "Oui" }).check();
    await page.getByRole("button", { name: "Enregistrer la fiche santé" }).click();
    const summary = await expectSummaryLeadsToFields(page, "Indiquez jusqu'à quelle date le PAI est valable.");
    await expect(summary.getByRole("link", { name: "Indiquez si les vaccinations sont à jour." })).toBeVisible();
    await expect(page.getByLabel("PAI valable jusqu'au")).toBeFocused();
    await expectPhoneReady(page);

    await page.reload();
    await page.getByRole("button", { name: "Ajouter la personne" }).click();
    await expectSummaryLeadsToFields(page, "Choisissez le type de personne dans la liste.");
    await expectPhoneReady(page);

    await page.goto("/factures/attestations");
    await page.getByRole("textbox", { name: "Du", exact: true }).fill("2026-06-30");
    await page.getByRole("textbox", { name: "Au", exact: true }).fill("2026-06-01");
    await page.getByRole("button", { name: "Télécharger l'attestation de présence" }).click();
    await expect(page.locator("[data-error-summary]")).toBeFocused();
    await expectPhoneReady(page);
  });
});

test.describe("[AGENT][FORMULAIRES] staff forms land on their error summary", () => {
  test("a catalogue form, and the settings", async ({ page }) => {
    await signIn(page, DEMO.admin.login, DEMO.admin.password);
    await page.goto("/admin/catalogue");
    const newService = page.getByRole("button", { name: "Créer le service" });
    await newService.click();
    await expectSummaryLeadsToFields(page, "Indiquez le nom du service.");
    await expect(page.getByLabel("Nom du service").last()).toBeFocused();
    await expectAccessible(page);

    await page.goto("/admin/parametres");
    const name = page.getByLabel("Nom de la collectivité");
    const before = await name.inputValue();
    await name.fill("");
    await page.getByRole("button", { name: "Enregistrer les paramètres" }).click();
    await expectSummaryLeadsToFields(page, /collectivité/);
    await expect(name).toBeFocused();
    await expectAccessible(page);
    await page.reload();
    await expect(page.getByLabel("Nom de la collectivité")).toHaveValue(before);
  });
});
