import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, outboxMessages, readEmail, signIn, signInAs, signOut } from "./support/fixtures";
import { pdfText } from "./support/pdf";
import { monthOfDay } from "@/lib/dates";
import { HOUSEHOLDS } from "./support/households";
import { bookHalfDay, payOnSimulator, wednesdays } from "./support/payment";

// Each journey books and pays for a household of its own (support/households.ts),
// so it runs alone and in any order.
const days = wednesdays(4);
const H = HOUSEHOLDS.payment;

test("[PARENT][PAIEMENT] books, pays on PayFiP and gets a paid invoice, confirmed booking, two emails and the PDF", async ({ page }) => {
  const family = H.online;
  await signInAs(page, family);
  await bookHalfDay(page, family.member("Lucas"), days[0]);
  const mailsBefore = outboxMessages().length;

  await page.getByRole("link", { name: /Facture de \d+,\d\d\s€/ }).click();
  await expect(page.getByRole("heading", { name: "Formulaire de paiement facture" })).toBeVisible();
  await expect(page.getByText(/ne peut prétendre à aucun remboursement/)).toBeVisible();
  const summary = await page.getByText(/Avis de paiement N° \d+/).textContent();
  const number = /N° (\d+)/.exec(summary!)![1];
  await expectAccessible(page);
  await page.getByRole("button", { name: "Payer facture" }).click();

  await payOnSimulator(page, "Payer par carte bancaire");
  await expect(page).toHaveURL(/\/paiement\/retour\?idop=/);
  await expectAccessible(page);
  await expect(page.getByText("Paiement accepté", { exact: true })).toBeVisible({ timeout: 20_000 });

  const started = await readEmail(family.email, `Facture N° ${number} : paiement en ligne en cours`);
  expect(started.text.replace(/\s+/g, " ")).toContain(`le paiement en ligne de la facture N° ${number},`);
  await readEmail(family.email, `Facture N° ${number} : paiement reçu`);
  expect(outboxMessages().length - mailsBefore).toBe(2);

  await page.goto("/factures");
  const row = page.getByRole("row", { name: new RegExp(`^Télécharger la facture N° ${number} \\(PDF, environ \\d+ Ko\\)`) });
  await expect(row).toContainText("Payée");
  await expect(row.getByRole("link", { name: /^Payer/ })).toHaveCount(0);
  await expectAccessible(page);
  const pdf = await page.request.get(await row.getByRole("link", { name: /PDF/ }).getAttribute("href").then((h) => h!));
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["cache-control"]).toContain("no-store");
  const text = await pdfText(await pdf.body());
  expect(text).toContain(`Facture N° ${number}`);
  expect(text).toMatch(/TOTAL : \d+,\d\d €/);
  expect(text).toContain("ACQUITTÉE");

  await page.goto(`/reservations?mois=${monthOfDay(days[0])}`);
  await expect(page.getByRole("main")).toContainText("Demi-journée");
});

test("[PARENT][PAIEMENT] a refused card can be tried again while the hold lasts", async ({ page }) => {
  const family = H.refused;
  await signInAs(page, family);
  await bookHalfDay(page, family.member("Emma"), days[1]);
  await page.getByRole("link", { name: /Facture de/ }).click();
  await page.getByRole("button", { name: "Payer facture" }).click();
  await payOnSimulator(page, "Simuler un refus de la carte");
  await expect(page.getByText("Paiement refusé", { exact: true })).toBeVisible({ timeout: 20_000 });
  await expectAccessible(page);
  await page.getByRole("link", { name: "Réessayer le paiement" }).click();
  await page.getByRole("button", { name: "Payer facture" }).click();
  await payOnSimulator(page, "Payer par carte bancaire");
  await expect(page.getByText("Paiement accepté", { exact: true })).toBeVisible({ timeout: 20_000 });
});

test("[PARENT][PAIEMENT] an abandoned payment leaves the invoice to pay", async ({ page }) => {
  const family = H.abandoned;
  await signInAs(page, family);
  await bookHalfDay(page, family.member("Lucas"), days[2]);
  await page.getByRole("link", { name: /Facture de/ }).click();
  await page.getByRole("button", { name: "Payer facture" }).click();
  await payOnSimulator(page, "Annuler");
  await expect(page.getByText("Paiement abandonné", { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("link", { name: "Réessayer le paiement" })).toBeVisible();
  await page.goto("/factures");
  await expect(page.getByRole("link", { name: /^Payer/ }).first()).toBeVisible();
});

test("[VISITEUR][PAIEMENT] pays with the identifier printed on the invoice, without signing in", async ({ page }) => {
  const family = H.identifier;
  await signInAs(page, family);
  await bookHalfDay(page, family.member("Emma"), days[3]);
  await page.getByRole("link", { name: /Facture de/ }).click();
  // Printed in groups of 4, in Crockford's base32.
  const summary = (await page.getByText(/Identifiant : [0-9A-Z]{4}(-[0-9A-Z]{4}){4}/).textContent())!;
  const identifier = /Identifiant : ([0-9A-Z]{4}(?:-[0-9A-Z]{4}){4})/.exec(summary)![1];
  await signOut(page);

  await page.goto("/payer");
  await expectAccessible(page);
  await page.getByLabel("Identifiant de paiement en ligne").fill(identifier.slice(0, -2));
  await page.getByRole("button", { name: "Rechercher la facture" }).click();
  await expect(page.locator('[data-alert="error"]')).toContainText("L'identifiant compte 20 caractères : il en manque 2.");
  await expect(page.getByLabel("Identifiant de paiement en ligne")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Identifiant de paiement en ligne").fill("AAAAAAAAAAAAAAAAAAAA");
  await page.getByRole("button", { name: "Rechercher la facture" }).click();
  await expect(page.locator('[data-alert="error"]')).toContainText("Aucune facture à payer ne correspond");
  // Typed as from paper: lower case, dashes turned to spaces.
  await page.getByLabel("Identifiant de paiement en ligne").fill(identifier.toLowerCase().replaceAll("-", " "));
  await page.getByRole("button", { name: "Rechercher la facture" }).click();
  await expect(page.getByText(`adressé à la famille ${family.name}`)).toBeVisible();
  // Only what the payer needs to recognise the bill: no address, no children's names.
  await expect(page.getByRole("main")).not.toContainText(family.address.address1);
  await expect(page.getByRole("main")).not.toContainText("Emma");
  await expectAccessible(page);
  await page.getByLabel("Votre adresse email").fill("grand-mere@exemple.fr");
  await page.getByRole("button", { name: "Payer facture" }).click();
  await payOnSimulator(page, "Payer par carte bancaire");
  await expect(page.getByText("Paiement accepté", { exact: true })).toBeVisible({ timeout: 20_000 });
  await readEmail("grand-mere@exemple.fr", /: paiement reçu$/);
});

test("[ACCES][PAIEMENT] another household's invoice PDF and payment page answer 404", async ({ page }) => {
  // The owner's invoice: a half-day booked and waiting for payment.
  const owner = H.owner;
  await signInAs(page, owner);
  await bookHalfDay(page, owner.member("Emma"), days[0]);
  await page.goto("/factures");
  const href = (await page.getByRole("link", { name: /PDF/ }).first().getAttribute("href"))!;
  const invoiceId = href.split("/")[2];
  await signOut(page);

  await signIn(page, DEMO.staff.login, DEMO.staff.password);
  // Staff may read any invoice.
  expect((await page.request.get(href)).status()).toBe(200);
  await signOut(page);

  const anonymous = await page.request.get(href, { maxRedirects: 0 });
  expect([302, 303, 307, 404]).toContain(anonymous.status());

  // A parent of another household gets the same answer as for an id that does not exist.
  await signInAs(page, H.other);
  const theirs = await page.request.get(href);
  expect(theirs.status()).toBe(404);
  expect(await theirs.text()).not.toContain(owner.name);
  const payPage = await page.goto(`/factures/${invoiceId}/payer`);
  expect(payPage?.status()).toBe(404);
  await expect(page).not.toHaveTitle(new RegExp(owner.name));
  await signOut(page);

  await signInAs(page, owner);
  expect((await page.request.get(`/factures/${invoiceId}x/pdf`)).status()).toBe(404);
  const forged = await page.goto(`/factures/${invoiceId}x/payer`);
  expect(forged?.status()).toBe(404);
});

test("[AGENT][FACTURES] staff record a counter payment, cancel an unpaid invoice and follow PayFiP payments", async ({ page }) => {
  const family = H.counter;
  const emma = family.member("Emma");
  await signInAs(page, family);
  // One half-day paid online, for the PayFiP column of the payments list.
  await bookHalfDay(page, emma, days[1]);
  await page.getByRole("link", { name: /Facture de/ }).click();
  await page.getByRole("button", { name: "Payer facture" }).click();
  await payOnSimulator(page, "Payer par carte bancaire");
  await expect(page.getByText("Paiement accepté", { exact: true })).toBeVisible({ timeout: 20_000 });
  await bookHalfDay(page, emma, days[0]);
  const toPay = /attente\/([^/?]+)/.exec(page.url())![1];
  await bookHalfDay(page, emma, days[2]);
  const toCancel = /attente\/([^/?]+)/.exec(page.url())![1];
  await page.goto("/accueil?onglet=factures");
  await expect(page.getByText(/Montant en attente de paiement : \d+,\d\d\s€/)).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, DEMO.staff.login, DEMO.staff.password);
  await page.goto("/admin");
  await expect(page.getByText(/paiements? en cours/)).toBeVisible();
  await page.getByRole("link", { name: "Factures", exact: true }).click();
  await page.getByLabel("Famille (nom ou n°)").fill(family.name.toLowerCase());
  await page.getByLabel("État").selectOption("PENDING_PAYMENT");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expectAccessible(page);

  await page.goto(`/admin/factures/${toPay}`);
  await expectAccessible(page);
  await page.getByLabel("Moyen de paiement").selectOption("CHEQUE");
  await page.getByRole("button", { name: "Enregistrer le paiement" }).click();
  await expect(page.getByText(/Paiement enregistré : reçu N° \d+/)).toBeVisible();
  await expect(page.getByRole("main")).toContainText("Payée");
  await expect(page.getByRole("main")).toContainText("confirmée");

  await page.goto(`/admin/factures/${toCancel}`);
  await page.getByLabel("Motif de l'annulation").fill("Demande de la famille au guichet");
  await page.getByRole("button", { name: "Annuler la facture" }).click();
  await expect(page.getByText("Facture annulée : son numéro est conservé.")).toBeVisible();

  await page.goto("/admin/paiements");
  await expect(page.getByRole("cell", { name: "Chèque" }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "PayFiP (en ligne)" }).first()).toBeVisible();
  await expectAccessible(page);
  await page.goto("/admin/journal");
  await expect(page.getByRole("main")).toContainText("Paiement enregistré au guichet");
  await expect(page.getByRole("main")).toContainText("Facture annulée");
});
