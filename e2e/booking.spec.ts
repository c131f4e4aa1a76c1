import { expect, test } from "@playwright/test";
import { longDayLabel, monthLabel, parseDay, type Day } from "@/lib/dates";
import { DEMO, expectAccessible, linkIn, readEmail, signIn, signOut, unique, uniqueLetters } from "./support/fixtures";
import { pngBytes } from "./support/files";
import { fillRegistration } from "./support/registration";
import { canteenDaysPastDeadline, canteenPlan, dayBox, dayCell, openGrid, showMonth } from "./support/booking";

// The journeys share the DUPONT household and build on each other's
// bookings, each on its own days (see canteenPlan).
test.describe.configure({ mode: "serial" });

const plan = canteenPlan();
const dayNumbers = (days: Day[]) => days.map((d) => parseDay(d).date).join(", ");
const victim: { invoiceUrl?: string; emmaId?: string; productId?: string } = {};

test("[PARENT][RESERVATION] books two canteen days for one child and sees the QF price", async ({ page }) => {
  await signIn(page, DEMO.dupont.login, DEMO.dupont.password);
  await page.goto("/demandes");
  await expect(page.getByRole("heading", { name: "Cantine", exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Réserver : Repas cantine" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expect(page.getByRole("link", { name: "Tous mes enfants" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("dialog").getByRole("link", { name: "Emma DUPONT" }).click();

  await expect(page.getByText("Coordonnées du responsable")).toBeVisible();
  await expect(page.getByText("en classe CM1A MME GUILLEM sur site Élémentaire Mitterrand")).toBeVisible();
  await showMonth(page, plan.month);
  const [first, second] = plan.days;
  await dayBox(page, "Emma", first).check();
  await dayBox(page, "Emma", second).check();
  victim.emmaId = (await dayBox(page, "Emma", first).getAttribute("value"))!.split("|")[0];
  victim.productId = /reservation\/([^/?]+)/.exec(page.url())![1];
  await expectAccessible(page);
  await page.getByRole("button", { name: "Envoi" }).click();

  await expect(page.getByRole("heading", { name: "Résumé réservation" })).toBeVisible();
  await expect(page.getByText("QF famille: 351 Régime: RG")).toBeVisible();
  const line = page.getByRole("row", { name: new RegExp(`Emma Cantine Repas cantine ${dayNumbers([first, second])} ${monthLabel(plan.month)}`) });
  await expect(line).toContainText("2,50");
  await expect(page.getByTestId("total")).toHaveText(/5,00\s€/);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Valider et passer au paiement" }).click();

  await expect(page.getByText(/Réservation en attente de paiement du \d\d\/\d\d\/\d{4} \d\d:\d\d, expire le \d\d\/\d\d\/\d{4} \d\d:\d\d/)).toBeVisible();
  await expect(page.getByText(/Facture de 5,00\s€/)).toBeVisible();
  await expect(page.getByText(/Temps restant : 1[45] min/)).toBeVisible();
  await expectAccessible(page);
  victim.invoiceUrl = new URL(page.url()).pathname;

  await page.goto(`/reservations?mois=${plan.month}`);
  await expect(page.getByText(`${longDayLabel(first)} — Cantine Repas cantine`)).toBeVisible();
  await expectAccessible(page);
});

test("[PARENT][RESERVATION] books both children in one grid, usable on a phone", async ({ page }) => {
  await signIn(page, DEMO.dupont.login, DEMO.dupont.password);
  await openGrid(page, "Repas cantine", "Tous mes enfants");
  await showMonth(page, plan.month);
  const day = plan.days[2];
  // Emma's days from the previous journey are shown as booked, not tickable.
  await expect(dayBox(page, "Emma", plan.days[0])).toHaveCount(0);
  await expect(dayCell(page, "Emma", plan.days[0])).toContainText("Réservé");

  await page.setViewportSize({ width: 360, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  await dayBox(page, "Emma", day).check();
  await dayBox(page, "Lucas", day).check();
  await page.getByRole("button", { name: "Envoi" }).click();

  await expect(page.getByRole("row", { name: new RegExp(`^Emma Cantine Repas cantine ${parseDay(day).date} `) })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(`^Lucas Cantine Repas cantine ${parseDay(day).date} `) })).toBeVisible();
  await expect(page.getByTestId("total")).toHaveText(/5,00\s€/);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Valider et passer au paiement" }).click();
  await expect(page.getByText(/Réservation en attente de paiement du/)).toBeVisible();
  await expectAccessible(page);
});

test("[PARENT][RESERVATION] a full day shows « Complet », and cancelling frees the place", async ({ page }) => {
  const day = plan.almostFull;
  await signIn(page, DEMO.dupont.login, DEMO.dupont.password);
  await openGrid(page, "Repas cantine", "Emma DUPONT");
  await showMonth(page, day.slice(0, 7));
  await dayBox(page, "Emma", day).check();
  await page.getByRole("button", { name: "Envoi" }).click();
  await page.getByRole("button", { name: "Valider et passer au paiement" }).click();
  await expect(page.getByText(/Réservation en attente de paiement du/)).toBeVisible();
  const pending = page.url();

  await openGrid(page, "Repas cantine", "Tous mes enfants");
  await showMonth(page, day.slice(0, 7));
  await expect(dayBox(page, "Lucas", day)).toHaveCount(0);
  await expect(dayCell(page, "Lucas", day)).toContainText("Complet");
  await expectAccessible(page);

  await page.goto(pending);
  await page.getByRole("button", { name: "Annuler ces réservations et supprimer ces factures" }).click();
  await expect(page.getByText("Réservations annulées.")).toBeVisible();
  await openGrid(page, "Repas cantine", "Tous mes enfants");
  await showMonth(page, day.slice(0, 7));
  await expect(dayBox(page, "Lucas", day)).toBeEnabled();
  await expect(dayBox(page, "Emma", day)).toBeEnabled();
});

test("[PARENT][RESERVATION] a day past its deadline cannot be ticked", async ({ page }) => {
  const past = canteenDaysPastDeadline();
  // The seed opens the whole current month, so its days up to the deadline are shown closed.
  expect(past.length, "the current month has a canteen day past its deadline").toBeGreaterThan(0);
  const day = past[past.length - 1];
  await signIn(page, DEMO.dupont.login, DEMO.dupont.password);
  await openGrid(page, "Repas cantine", "Emma DUPONT");
  await expect(dayBox(page, "Emma", day)).toHaveCount(0);
  await expect(dayCell(page, "Emma", day)).toContainText("Délai dépassé");
});

test("[AGENT][CALENDRIER] staff set a tariff, open a month and download the day list", async ({ page }) => {
  await signIn(page, DEMO.staff.login, DEMO.staff.password);
  await page.goto("/admin/catalogue");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Garderie du matin" }).click();
  await page.getByLabel("QF minimum").fill("0");
  await page.getByLabel("QF maximum").fill("300");
  await page.getByLabel("Prix unitaire (€)").fill("0,80");
  await page.getByRole("button", { name: "Ajouter le tarif" }).click();
  await expect(page.getByText("Tarif ajouté.")).toBeVisible();
  await expect(page.getByRole("row", { name: /Régime général 0 300 0,80/ })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/admin/calendrier");
  await page.getByLabel("Prestation").selectOption({ label: "Périscolaire — Garderie du matin" });
  const later = `${Number(plan.month.slice(0, 4)) + 1}-${plan.month.slice(5)}`;
  await page.getByLabel("Mois", { exact: true }).fill(later);
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page.getByText(/Aucun jour ouvert/)).toBeVisible();
  await page.getByLabel("Lundi").check();
  await page.getByLabel("Jeudi").check();
  await page.getByRole("button", { name: "Ouvrir le mois" }).click();
  await expect(page.getByText(/\d+ jours ouverts\./)).toBeVisible();
  await expect(page.getByRole("table")).toBeVisible();
  await expectAccessible(page);

  const day = plan.days[0];
  await page.goto("/admin/listes");
  await page.getByLabel("Prestation").selectOption({ label: "Cantine — Repas cantine" });
  await page.getByLabel("Jour").fill(day);
  await page.getByRole("button", { name: "Afficher" }).click();
  const row = page.getByRole("row", { name: /DUPONT Emma CM1A Élémentaire Mitterrand/ });
  await expect(row).toBeVisible();
  await expectAccessible(page);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exporter en CSV" }).click();
  const file = await download;
  const csv = await (await file.createReadStream()).toArray();
  const text = Buffer.concat(csv).toString("utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain('"DUPONT";"Emma";"CM1A";"Élémentaire Mitterrand"');
});

test("[PARENT][SECURITE] another household cannot see the DUPONT child, booking or invoice", async ({ page }) => {
  expect(victim.invoiceUrl && victim.emmaId && victim.productId).toBeTruthy();
  const email = `lina.${unique()}@exemple.fr`;
  const lastName = `Bernard${uniqueLetters()}`;
  await page.goto("/inscription");
  await fillRegistration(page, { lastName, firstName: "Lina", email });
  await page.getByLabel("Carte d'identité").setInputFiles({ name: "cni.png", mimeType: "image/png", buffer: pngBytes(120, 80) });
  await page.getByRole("button", { name: "Créer son compte" }).click();
  await page.goto(linkIn(await readEmail(email, "Inscription Portail Famille"), "Confirmer inscription"));
  await page.getByRole("button", { name: "Confirmer inscription" }).click();
  await expect(page.getByText("Votre adresse mail est confirmée.")).toBeVisible();

  await signIn(page, DEMO.staff.login, DEMO.staff.password);
  await page.goto("/admin/comptes");
  await page.getByRole("link", { name: new RegExp(`Vérifier le compte de ${lastName.toUpperCase()} Lina`, "i") }).click();
  await page.getByRole("textbox", { name: "Adresse", exact: true }).fill("3 rue des Écoles");
  await page.getByLabel("Code postal").fill("34480");
  await page.getByLabel("Ville").fill("Magalas");
  await page.getByRole("button", { name: "Créer la famille et activer le compte" }).click();
  await expect(page.getByText(/activé/).first()).toBeVisible();
  await signOut(page);
  const identifiant = /\b[0-9a-f]{8}\b/.exec((await readEmail(email, /.+/)).text)![0];
  await signIn(page, identifiant, "Bonjour-2026");

  for (const url of [
    victim.invoiceUrl!,
    `/demandes/reservation/${victim.productId}?enfant=${victim.emmaId}`,
    `/demandes/reservation/${victim.productId}/resume?enfant=${victim.emmaId}&j=${victim.emmaId}|${plan.days[1]}`,
  ]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole("main")).not.toContainText("Emma");
    await expect(page.getByRole("main")).not.toContainText("DUPONT");
  }
  await page.goto("/reservations");
  await expect(page.getByRole("main")).not.toContainText("Emma");
  // A household without children is offered nothing to book (forged ticks are refused by holdBookings, see its tests).
  await page.goto("/demandes");
  await expect(page.getByText("Aucun de vos enfants ne peut réserver cette prestation.").first()).toBeVisible();
});
