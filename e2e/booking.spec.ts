import { expect, test } from "@playwright/test";
import { monthOfDay, parseDay, type Day } from "@/lib/dates";
import { longDayLabel, monthLabel } from "@/lib/format";
import { DEMO, expectAccessible, signIn, signInAs, signOut } from "./support/fixtures";
import { canteenDaysPastDeadline, canteenPlan, dayBox, dayCell, openGrid, showMonth } from "./support/booking";
import { HOUSEHOLDS, laterCanteenDays } from "./support/households";

// Each journey books for a household of its own (support/households.ts), so
// it runs alone and in any order; the canteen days come from canteenPlan.
const plan = canteenPlan();
const dayNumbers = (days: Day[]) => days.map((d) => parseDay(d).date).join(", ");
const H = HOUSEHOLDS.booking;

test("[PARENT][RESERVATION] books two canteen days for one child and sees the QF price", async ({ page }) => {
  const family = H.qfPrice;
  await signInAs(page, family);
  await page.goto("/demandes");
  await expect(page.getByRole("heading", { name: "Cantine", exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Réserver : Repas cantine" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expect(page.getByRole("link", { name: "Tous mes enfants" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("dialog").getByRole("link", { name: family.member("Emma").fullName }).click();

  await expect(page.getByText("Coordonnées du responsable")).toBeVisible();
  await expect(page.getByText("en classe CM1A MME GUILLEM sur site Élémentaire Mitterrand")).toBeVisible();
  await showMonth(page, plan.month);
  const [first, second] = plan.days;
  await dayBox(page, "Emma", first).check();
  await dayBox(page, "Emma", second).check();
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

  await page.goto(`/reservations?mois=${plan.month}`);
  await expect(page.getByText(`${longDayLabel(first)} — Cantine Repas cantine`)).toBeVisible();
  await expectAccessible(page);
});

test("[PARENT][RESERVATION] books both children in one grid, usable on a phone", async ({ page }) => {
  const family = H.siblings;
  const [booked] = family.bookings;
  const day = laterCanteenDays().find((d) => d !== booked.day)!;
  await signInAs(page, family);
  await openGrid(page, "Repas cantine", "Tous mes enfants");
  await showMonth(page, monthOfDay(booked.day));
  // Emma's day booked beforehand (the household's setup) is shown as booked, not tickable.
  await expect(dayBox(page, "Emma", booked.day)).toHaveCount(0);
  await expect(dayCell(page, "Emma", booked.day)).toContainText("Réservé");

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
  // The seed's almost-full day: one place left, the other taken by the demo's Léa MARTIN.
  const day = plan.almostFull;
  const family = H.full;
  await signInAs(page, family);
  await openGrid(page, "Repas cantine", family.member("Emma").fullName);
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
  // One tap only asks: the places stay held until the parent confirms.
  await page.getByRole("button", { name: "Confirmer l'annulation" }).click();
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
  const family = H.deadline;
  await signInAs(page, family);
  await openGrid(page, "Repas cantine", family.member("Emma").fullName);
  await expect(dayBox(page, "Emma", day)).toHaveCount(0);
  await expect(dayCell(page, "Emma", day)).toContainText("Délai dépassé");
});

test("[AGENT][CALENDRIER] staff set a tariff, open a month and download the day list", async ({ page }) => {
  // A household whose child's canteen day is booked (its setup): staff find the child in that day's list.
  const family = H.dayList;
  const [booked] = family.bookings;
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

  await page.goto("/admin/listes");
  await page.getByLabel("Prestation").selectOption({ label: "Cantine — Repas cantine" });
  await page.getByLabel("Jour").fill(booked.day);
  await page.getByRole("button", { name: "Afficher" }).click();
  const row = page.getByRole("row", { name: new RegExp(`${family.name} Emma CM1A Élémentaire Mitterrand`) });
  await expect(row).toBeVisible();
  await expectAccessible(page);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exporter en CSV" }).click();
  const file = await download;
  const csv = await (await file.createReadStream()).toArray();
  const text = Buffer.concat(csv).toString("utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain(`"${family.name}";"Emma";"CM1A";"Élémentaire Mitterrand"`);
});

test("[PARENT][SECURITE] another household cannot see a household's child, booking or invoice", async ({ page }) => {
  // The victim books two days for Emma and is sent to the pending invoice.
  const victim = H.victim;
  const [first, second] = plan.days;
  await signInAs(page, victim);
  await openGrid(page, "Repas cantine", victim.member("Emma").fullName);
  await showMonth(page, plan.month);
  await dayBox(page, "Emma", first).check();
  await dayBox(page, "Emma", second).check();
  const emmaId = (await dayBox(page, "Emma", first).getAttribute("value"))!.split("|")[0];
  const productId = /reservation\/([^/?]+)/.exec(page.url())![1];
  await page.getByRole("button", { name: "Envoi" }).click();
  await page.getByRole("button", { name: "Valider et passer au paiement" }).click();
  await expect(page.getByText(/Réservation en attente de paiement du/)).toBeVisible();
  const invoiceUrl = new URL(page.url()).pathname;
  await signOut(page);

  // Another household, without children.
  await signInAs(page, H.intruder);
  for (const url of [
    invoiceUrl,
    `/demandes/reservation/${productId}?enfant=${emmaId}`,
    `/demandes/reservation/${productId}/resume?enfant=${emmaId}&j=${emmaId}|${second}`,
  ]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole("main")).not.toContainText("Emma");
    await expect(page.getByRole("main")).not.toContainText(victim.name);
  }
  await page.goto("/reservations");
  await expect(page.getByRole("main")).not.toContainText("Emma");
  // A household without children is offered nothing to book (forged ticks are refused by holdBookings, see its tests).
  await page.goto("/demandes");
  await expect(page.getByText("Aucun de vos enfants ne peut réserver cette prestation.").first()).toBeVisible();
});
