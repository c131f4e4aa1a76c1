import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { addDays, parisDay } from "@/lib/dates";
import { CONSENT_KIND_LABELS, formatCents, formatDate, PICKUP_KIND_LABELS } from "@/lib/format";
import { photo } from "./support/documents";
import { attemptSignIn, DEMO, expectAccessible, expectPhoneReady, linkIn, PHONE, readEmail, signIn, signInAs, signOut, unique } from "./support/fixtures";
import { CERTIFICATE_CENTRE, certificateYear, HOUSEHOLDS, laterCanteenDays } from "./support/households";
import { pdfText } from "./support/pdf";

// Issue 14: the family file entered once. A parent fills a child's health
// file (a PAI staff must accept first) and the people around the child;
// staff accept the PAI and the canteen's day list shows it. Staff open the
// yearly update; a family re-sends the one document that expired and
// confirms. In January staff issue the tax certificates: the family's shows
// its young child's centre days, less the day credited, and no meal. A
// family downloads its data and asks to close its account; staff confirm;
// the maintenance erases an identity document past its retention period and
// keeps the invoices. Each journey has its own household (e2e/seed.ts).

const { health, update, certificate, closing } = HOUSEHOLDS.familyFile;
const AUTHORITY = "Communauté de communes du Val Fleuri";
const money = (cents: number) => new RegExp(formatCents(cents).replace(/\s/g, "\\s"));

/** The host's scheduler: the maintenance run, with the e2e server's secret (lib/cli/e2e-server.ts). */
async function runMaintenance(request: APIRequestContext): Promise<Record<string, number>> {
  const response = await request.get("/api/cron", { headers: { authorization: "Bearer e2e-cron-secret" } });
  expect(response.status()).toBe(200);
  return (await response.json()).report;
}

const answer = (page: Page, question: string, value: "Oui" | "Non") =>
  page.getByRole("group", { name: question, exact: true }).getByRole("radio", { name: value, exact: true });

async function downloadJson(page: Page) {
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Télécharger mes données (JSON)" }).click();
  const file = await download;
  return JSON.parse(Buffer.concat(await (await file.createReadStream()).toArray()).toString("utf8"));
}

test("[PARENT][AGENT][DOSSIER] a parent fills Lucas's health file with a PAI and the people around him; staff accept the PAI and the canteen's day list shows it", async ({ page }) => {
  test.setTimeout(120_000);
  const canteenDay = laterCanteenDays()[3];
  const paiEnd = addDays(parisDay(new Date()), 200);
  await page.setViewportSize(PHONE);
  await signInAs(page, health);
  await page.goto("/mon-espace");
  await expect(page.getByRole("link", { name: "Dossier de Lucas" })).toBeVisible();
  await page.getByRole("link", { name: "Dossier de Lucas" }).click();
  await expect(page.getByRole("heading", { name: `Dossier de ${health.member("Lucas").fullName}`, level: 1 })).toBeVisible();
  await expectPhoneReady(page);

  // The health file: doctor, a diet and vaccinations apply at once; the allergy and the PAI go to staff.
  await page.getByLabel("Médecin traitant").fill("Dr Combes");
  await page.getByLabel("Téléphone du médecin").fill("04 67 11 22 33");
  await page.getByRole("checkbox", { name: "Sans porc" }).check();
  await answer(page, "Vaccinations à jour", "Oui").check();
  await page.getByLabel("Allergies").fill("Arachide");
  await answer(page, "PAI (projet d'accueil individualisé)", "Oui").check();
  await page.getByLabel("PAI valable jusqu'au").fill(paiEnd);
  await page.getByLabel("PAI signé").setInputFiles(photo("pai-lucas.png"));
  await page.getByRole("button", { name: "Enregistrer la fiche santé" }).click();
  await expect(page.getByText(/La fiche santé est enregistrée\. Les allergies et le PAI sont envoyés au service/)).toBeVisible();
  await expect(page.getByText("En attente de validation par le service")).toBeVisible();
  await expectPhoneReady(page);

  // The people around Lucas: his grandmother in an emergency, and someone who may not pick him up.
  await page.getByLabel("Type").selectOption({ label: PICKUP_KIND_LABELS.EMERGENCY });
  await page.getByLabel("Nom et prénom").fill("Jeanne Roquefeuil");
  await page.getByLabel("Lien avec l'enfant").fill("Grand-mère");
  await page.getByLabel("Téléphone", { exact: true }).fill("06 11 22 33 44");
  await page.getByRole("button", { name: "Ajouter la personne" }).click();
  await expect(page.getByText("Jeanne Roquefeuil est ajouté(e) à la liste.")).toBeVisible();
  await page.getByLabel("Type").selectOption({ label: PICKUP_KIND_LABELS.FORBIDDEN });
  await page.getByLabel("Nom et prénom").fill("Marc Dupuy");
  await page.getByLabel("Lien avec l'enfant").fill("Voisin");
  await page.getByRole("button", { name: "Ajouter la personne" }).click();
  await expect(page.getByText("Marc Dupuy est ajouté(e) à la liste.")).toBeVisible();

  // Consents: all given but the photos.
  for (const [kind, label] of Object.entries(CONSENT_KIND_LABELS)) await answer(page, label, kind === "PHOTO" ? "Non" : "Oui").check();
  await page.getByRole("button", { name: "Enregistrer les autorisations" }).click();
  await expect(page.getByText("Les autorisations sont enregistrées.")).toBeVisible();
  await expect(page.getByText(`Refusée le ${formatDate(new Date())} par Claire ${health.name}`)).toBeVisible();
  await expectPhoneReady(page);
  await signOut(page);

  // Staff read the request, with the PAI attached, and accept it.
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, DEMO.staff.login, DEMO.staff.password);
  await page.goto("/admin/demandes");
  await page.getByRole("row").filter({ hasText: health.name }).getByRole("link", { name: "Santé : allergies et PAI" }).click();
  await expect(page.getByRole("main")).toContainText("Arachide");
  await expectAccessible(page);
  await page.getByRole("button", { name: /Accepter : les allergies et le PAI/ }).click();
  await expect(page.getByText("Demande acceptée.")).toBeVisible();

  // The canteen's list of Lucas's day: the PAI and the diet on his row, and in the counts.
  await page.goto("/admin/listes");
  await page.getByLabel("Prestation").selectOption({ label: "Cantine — Repas cantine" });
  await page.getByLabel("Jour").fill(canteenDay);
  await page.getByRole("button", { name: "Afficher" }).click();
  const row = page.getByRole("row").filter({ hasText: health.name });
  await expect(row).toContainText("Lucas");
  await expect(row.getByText("PAI", { exact: true })).toBeVisible();
  await expect(row.getByText("Sans porc", { exact: true })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(/PAI : [1-9]/);
  await expectAccessible(page);

  // The family page tells staff the same, with the people around Lucas.
  await page.goto(`/admin/familles?q=${health.name}`);
  await page.getByRole("link", { name: health.name, exact: true }).click();
  await expect(page.getByRole("heading", { name: `Dossier de l'enfant : Lucas ${health.name}` })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("Jeanne Roquefeuil");
  await expect(page.getByRole("main")).toContainText("Marc Dupuy");
  await expectAccessible(page);
});

test("[AGENT][PARENT][MISE À JOUR] staff open the yearly update; a family re-sends its expired proof of address, confirms, and leaves the list of those who have not", async ({ page }) => {
  test.setTimeout(120_000);
  const label = `Rentrée ${unique()}`;
  const today = parisDay(new Date());
  await signIn(page, DEMO.staff.login, DEMO.staff.password);
  await page.goto("/admin/mises-a-jour");
  await expect(page.getByRole("heading", { name: "Mises à jour du dossier", level: 1 })).toBeVisible();
  await page.getByLabel("Libellé").fill(label);
  await page.getByLabel("Début de l'année scolaire").fill(addDays(today, 120));
  await page.getByLabel("Date limite").fill(addDays(today, 60));
  await page.getByLabel("Message aux familles").fill("Vérifiez votre dossier avant la rentrée.");
  await page.getByRole("button", { name: "Ouvrir la campagne" }).click();
  await expect(page.getByRole("heading", { name: label, level: 1 })).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  await page.setViewportSize(PHONE);
  await signInAs(page, update);
  await page.goto("/mon-espace");
  await page.getByRole("link", { name: "Mise à jour du dossier" }).click();
  await expect(page.getByRole("heading", { name: label })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("Justificatif de domicile");
  await expectPhoneReady(page);
  // Confirming with an expired document is refused, and says which.
  await page.getByRole("button", { name: "Je confirme mon dossier" }).click();
  const summary = page.locator("[data-error-summary]");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Justificatif de domicile");
  await expectPhoneReady(page);

  // The new proof of address, sent as a new version of the old one.
  await page.getByRole("link", { name: "Envoyer une nouvelle version : Justificatif de domicile" }).click();
  await page.getByRole("button", { name: "Remplacer le fichier : Justificatif de domicile, facture-electricite.png" }).click();
  await page.getByLabel("Nouvelle version : Justificatif de domicile, facture-electricite.png").setInputFiles(photo("facture-eau.png"));
  await page.getByRole("button", { name: "Envoi", exact: true }).click();
  await expect(page.getByRole("link", { name: /facture-eau\.png/ })).toBeVisible();

  await page.goto("/mon-espace/mise-a-jour");
  await expect(page.getByText("Aucun document à renvoyer.")).toBeVisible();
  await page.getByRole("button", { name: "Je confirme mon dossier" }).click();
  await expect(page.getByText(`Dossier confirmé le ${formatDate(new Date())}`)).toBeVisible();
  await expectPhoneReady(page);
  await signOut(page);

  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, DEMO.staff.login, DEMO.staff.password);
  await page.goto("/admin/mises-a-jour");
  await page.getByRole("link", { name: label }).click();
  const confirmed = page.getByRole("table", { name: "Familles ayant confirmé" });
  await expect(confirmed).toContainText(update.name);
  await expect(page.getByRole("table", { name: "Familles n'ayant pas confirmé" })).not.toContainText(update.name);
  await expect(page.getByRole("table", { name: "Familles n'ayant pas confirmé" })).toContainText(health.name);
  await expectAccessible(page);
});

test("[AGENT][PARENT][ATTESTATION] in January staff issue last year's tax certificates; the family's counts Léo's centre days less the credited one, and no meal", async ({ page, request }) => {
  test.setTimeout(120_000);
  const year = certificateYear();
  const amount = CERTIFICATE_CENTRE.unitPriceCents * (CERTIFICATE_CENTRE.days - CERTIFICATE_CENTRE.cancelled);
  await signIn(page, DEMO.staff.login, DEMO.staff.password);
  await page.goto("/admin/attestations");
  await expect(page.getByRole("textbox", { name: "Année", exact: true }).first()).toHaveValue(String(year));
  await expectAccessible(page);
  await page.getByRole("button", { name: "Générer les attestations fiscales" }).click();
  const batch = page.getByRole("table", { name: "Générations des attestations fiscales" }).getByRole("row").filter({ hasText: String(year) }).first();
  await expect(batch).toContainText("Terminé", { timeout: 30_000 });
  await expectAccessible(page);
  await signOut(page);

  // The email reaches the family (sent by the maintenance run, as the host's scheduler would).
  await runMaintenance(request);
  const email = await readEmail(certificate.email, `Votre attestation fiscale ${year} est disponible`);
  await page.setViewportSize(PHONE);
  await signInAs(page, certificate);
  await page.goto(new URL(linkIn(email, /attestations/)).pathname);
  const item = page.getByTestId("tax-certificates").getByRole("listitem").filter({ hasText: `Année ${year}` });
  await expect(item).toContainText(money(amount));
  await expectPhoneReady(page);

  await item.getByRole("link", { name: /Version accessible/ }).click();
  const main = page.getByRole("main");
  await expect(main).toContainText(`Léo ${certificate.name}`);
  await expect(main).toContainText(money(amount));
  await expect(main).toContainText("200 quater B");
  await expect(main).not.toContainText(`Emma ${certificate.name}`);
  await expectPhoneReady(page);

  const pdf = await page.request.get(`/factures/attestations/fiscale/${year}/pdf`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const text = await pdfText(await pdf.body());
  expect(text).toMatch(money(amount));
  expect(text).toContain(AUTHORITY);
  expect(text).toContain("200 quater B");
});

test("[PARENT][AGENT][RGPD] a family downloads its data and asks to close its account; staff confirm; the maintenance erases an identity document past its period and keeps the invoices", async ({ page, request }) => {
  test.setTimeout(150_000);
  await page.setViewportSize(PHONE);
  await signInAs(page, closing);
  await page.goto("/mon-espace");
  await page.getByRole("link", { name: "Mes données" }).click();
  await expect(page.getByRole("heading", { name: "Mes données", level: 1 })).toBeVisible();
  await expectPhoneReady(page);
  const data = await downloadJson(page);
  expect(JSON.stringify(data)).toContain(closing.name);
  expect(data.membres.map((m: { prenom: string }) => m.prenom)).toEqual(expect.arrayContaining(["Claire", "Emma"]));
  expect(JSON.stringify(data)).not.toMatch(/argon2|passwordHash|tokenHash|claimHash/);
  // The history names the service, never the member of staff who cashed the payment.
  const history = page.getByRole("list", { name: /Historique de mon dossier/ });
  await expect(history).toContainText(AUTHORITY);
  await expect(history).not.toContainText("ROCHE");

  await page.getByRole("button", { name: "Demander la fermeture de mon compte" }).click();
  await page.getByRole("button", { name: "Confirmer la demande de fermeture" }).click();
  await expect(page.getByText(`Demande de fermeture envoyée le ${formatDate(new Date())}`)).toBeVisible();
  await expectPhoneReady(page);
  await signOut(page);

  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, DEMO.staff.login, DEMO.staff.password);
  await page.goto("/admin/fermetures");
  await expect(page.getByRole("heading", { name: "Fermetures de compte", level: 1 })).toBeVisible();
  await expectAccessible(page);
  const card = page.locator("section").filter({ has: page.getByRole("heading", { name: closing.name }) });
  await card.getByRole("link", { name: "Confirmer la fermeture" }).click();
  await page.getByRole("button", { name: "Fermer le compte et effacer les données" }).click();
  await expect(page.getByText("Compte fermé")).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // The closed account no longer signs in.
  await attemptSignIn(page, closing.email, closing.password);
  await expect(page).toHaveURL(/\/connexion/);

  // Retention (e2e/seed.ts): the identity document checked three months ago
  // goes, the one checked ten days ago stays. Another journey may have run
  // the maintenance already: what holds after a run is what is checked.
  await runMaintenance(request);
  await signInAs(page, certificate);
  await page.goto("/mon-espace/mes-donnees");
  expect((await downloadJson(page)).comptes[0].pieceIdentite).toBeNull();
  await signOut(page);
  await signInAs(page, health);
  await page.goto("/mon-espace/mes-donnees");
  expect((await downloadJson(page)).comptes[0].pieceIdentite).toMatchObject({ fichier: "carte-identite.png" });
  await signOut(page);

  // The closed family's invoice is kept, as accounting law requires.
  await signIn(page, DEMO.staff.login, DEMO.staff.password);
  await page.goto(`/admin/factures?q=${closing.name}`);
  await expect(page.getByRole("main")).toContainText(closing.name);
  await expect(page.getByRole("main")).toContainText(/Payée/);
});
