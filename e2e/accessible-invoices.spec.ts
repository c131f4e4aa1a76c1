import { expect, test } from "@playwright/test";
import { monthOfDay } from "@/lib/dates";
import { calendarToggle, openCalendarFor } from "./support/booking";
import { DEMO, expectAccessible, expectPhoneReady, PHONE, signIn, signInAs, signOut } from "./support/fixtures";
import { HOUSEHOLDS, laterCanteenDays } from "./support/households";

// Issue 12: react-pdf cannot tag a PDF, so each invoice (and credit note) is
// also an HTML page with the same content, linked beside its PDF, and the PDF
// links say their format and size.

test.use({ viewport: PHONE });

const family = HOUSEHOLDS.accessibleInvoice;
const PDF_NAME = /^Télécharger la facture N° (\d+) \(PDF, environ (\d+) Ko\)$/;
const GROUPED_IDENTIFIER = /[0-9A-Z]{4}(-[0-9A-Z]{4}){4}/;

test("[PARENT][FACTURES] reads the paid and the pending invoice as accessible pages at 360 px; another household's is a 404", async ({ page }) => {
  // Another household's invoice, as staff see it: the feed journey's paid canteen day.
  await signIn(page, DEMO.staff.login, DEMO.staff.password);
  await page.goto(`/admin/factures?famille=${HOUSEHOLDS.feed.name}`);
  const theirs = (await page.getByRole("link", { name: /^\d+$/ }).first().getAttribute("href"))!.split("/").at(-1)!;
  await signOut(page);

  await signInAs(page, family);
  await page.goto("/factures");
  const pdf = page.getByRole("link", { name: PDF_NAME });
  await expect(pdf).toHaveCount(1);
  const [, number, ko] = PDF_NAME.exec((await pdf.getAttribute("aria-label"))!)!;
  // The size is estimated (the PDF is drawn on demand): it holds within a fifth of the real file, give or take the rounding.
  const file = await page.request.get((await pdf.getAttribute("href"))!);
  expect(file.headers()["content-type"]).toBe("application/pdf");
  expect(Math.abs((await file.body()).length / 1024 - Number(ko))).toBeLessThanOrEqual(Number(ko) * 0.25);
  await expect(pdf).not.toHaveAttribute("target", "_blank");
  await expectPhoneReady(page);

  await page.getByRole("link", { name: `Version accessible de la facture N° ${number}`, exact: true }).click();
  await expect(page).toHaveTitle(`Facture N° ${number} — version accessible — Portail Famille`);
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 1, name: `Facture N° ${number}`, exact: true })).toBeVisible();
  const lines = main.getByRole("table", { name: new RegExp(`^Lignes de la facture N° ${number} — total \\d+,\\d\\d\\s€$`) });
  await expect(lines).toBeVisible();
  await expect(lines.getByRole("columnheader", { name: "Libellé" })).toBeVisible();
  await expect(lines.getByRole("rowheader", { name: /Repas cantine/ })).toBeVisible();
  await expect(main).toContainText(/Acquittée le \d\d\/\d\d\/\d{4}/);
  await expect(main).toContainText("SIRET : 213 401 578 00009");
  await expect(main).toContainText(`Famille ${family.name}`);
  await expect(main.getByRole("link", { name: /^Payer en ligne/ })).toHaveCount(0);
  await expect(main.getByRole("link", { name: PDF_NAME })).toHaveAttribute("href", /\/pdf$/);
  await expectPhoneReady(page);

  // One more canteen day: a pending invoice, due before its hold ends.
  const day = laterCanteenDays()[3];
  await openCalendarFor(page, "Repas cantine", family.member("Emma").fullName, monthOfDay(day));
  await calendarToggle(page, "Emma", day).check();
  await page.getByRole("button", { name: "Envoi" }).click();
  await page.getByRole("button", { name: "Valider et passer au paiement" }).click();
  await expect(page).toHaveURL(/\/demandes\/reservation\/attente\//);
  const heldUntil = /\d\d:\d\d/.exec((await page.getByText(/^Places retenues jusqu'à \d\d:\d\d$/).textContent())!)![0];

  await page.goto("/factures");
  const pending = page.getByRole("link", { name: /^Version accessible de la facture N° \d+$/ }).first();
  const pendingNumber = /\d+$/.exec((await pending.textContent())!.trim())![0];
  expect(pendingNumber).not.toBe(number);
  await pending.click();
  await expect(page).toHaveTitle(`Facture N° ${pendingNumber} — version accessible — Portail Famille`);
  await expect(main).toContainText(new RegExp(`Avis de paiement N° ${pendingNumber} d'un montant de \\d+,\\d\\d\\s€`));
  await expect(main).toContainText(new RegExp(`À payer avant le \\d\\d/\\d\\d/\\d{4} à ${heldUntil}`));
  await expect(main).toContainText(new RegExp(`Identifiant de Paiement en ligne : ${GROUPED_IDENTIFIER.source}`));
  await expect(main).toContainText("à l'ordre de");
  await expect(main.getByRole("link", { name: `Payer en ligne la facture N° ${pendingNumber}`, exact: true })).toHaveAttribute("href", /\/payer$/);
  await expectPhoneReady(page);

  // Accueil › Factures: the seed's "Date" and "Recherche", and the same links.
  await page.goto("/accueil?onglet=factures");
  await expect(page.getByLabel("Date")).toBeVisible();
  await page.getByLabel("Recherche").fill(pendingNumber);
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/onglet=factures/);
  await expect(page.getByRole("article", { name: `Facture N° ${pendingNumber}` })).toBeVisible();
  await expect(page.getByRole("link", { name: `Version accessible de la facture N° ${pendingNumber}`, exact: true })).toBeVisible();
  await expectPhoneReady(page);

  // Another household's invoice: the same 404 as an id that does not exist, naming nothing.
  const other = await page.goto(`/factures/${theirs}/version-accessible`);
  expect(other?.status()).toBe(404);
  await expect(page).toHaveTitle("Page introuvable — Portail Famille");
  await expect(page.getByRole("main")).not.toContainText(HOUSEHOLDS.feed.name);
});

test("[AGENT][FACTURES] the staff invoice page links the PDF with its size and the accessible version", async ({ page }) => {
  await signIn(page, DEMO.staff.login, DEMO.staff.password);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/admin/factures?famille=${family.name}`);
  await page.getByRole("link", { name: /^\d+$/ }).first().click();
  await expect(page).toHaveURL(/\/admin\/factures\/[^/?]+$/);
  const number = /N° (\d+)/.exec((await page.getByRole("heading", { level: 1 }).textContent())!)![1];
  await expect(page.getByRole("link", { name: new RegExp(`^Télécharger la facture N° ${number} \\(PDF, environ \\d+ Ko\\)$`) })).toBeVisible();
  await page.getByRole("link", { name: `Version accessible de la facture N° ${number}`, exact: true }).click();
  await expect(page).toHaveTitle(`Facture N° ${number} — version accessible — Back-office`);
  await expect(page.getByRole("table", { name: new RegExp(`^Lignes de la facture N° ${number}`) })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("SIRET : 213 401 578 00009");
  await expectAccessible(page);
});
