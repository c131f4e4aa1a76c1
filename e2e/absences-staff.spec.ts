import { expect, test, type Page } from "@playwright/test";
import { formatCents, fullDayLabel } from "@/lib/format";
import { photo } from "./support/documents";
import { DEMO, expectAccessible, expectPhoneReady, PHONE, signIn, signInAs, signOut } from "./support/fixtures";
import { HOUSEHOLDS } from "./support/households";
import { bookHalfDay, payOnSimulator, wednesdays } from "./support/payment";

// The demo canteen credits an absence at once; the leisure centre's half-day
// keeps the default rule (refunded on a certificate checked by staff), so
// this family books and pays one, and its absence waits in the staff's queue.
const family = HOUSEHOLDS.absenceStaff;
const day = wednesdays(3)[2];
/** Half-day price for QF 351, régime général (prisma/seed/catalogue.ts). */
const PRICE = 450;
const money = (cents: number) => formatCents(cents).replace(/\s/g, "\\s");
const DESKTOP = { width: 1280, height: 900 };

async function showDayList(page: Page) {
  await page.goto("/admin/listes");
  await page.getByLabel("Prestation").selectOption({ label: "Accueil de loisirs — Demi-journée" });
  await page.getByLabel("Jour").fill(day);
  await page.getByRole("button", { name: "Afficher" }).click();
  return page.getByRole("row", { name: new RegExp(`${family.name} Emma`) });
}

test("[PARENT][AGENT][ABSENCES] a family reports a sick half-day with a certificate; staff see it in the day list, accept it and see the credit", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signInAs(page, family);
  await bookHalfDay(page, family.member("Emma"), day);
  await page.getByRole("link", { name: /^Payer/ }).click();
  await page.getByRole("button", { name: "Payer facture" }).click();
  await payOnSimulator(page, "Payer par carte bancaire");
  await expect(page.getByText("Paiement accepté", { exact: true })).toBeVisible({ timeout: 20_000 });

  // The parent reports on a phone, as most do.
  await page.setViewportSize(PHONE);
  await page.goto("/reservations/absence");
  await page.getByRole("checkbox", { name: new RegExp(`^${fullDayLabel(day)} — Accueil de loisirs, Demi-journée`) }).check();
  await page.getByRole("radio", { name: "Maladie" }).check();
  await page.getByLabel("Commentaire (facultatif)").fill("Fièvre depuis la veille.");
  await page.getByLabel(/Certificat médical/).setInputFiles(photo("certificat.png"));
  await page.getByRole("button", { name: "Envoyer" }).click();
  await expect(page.getByText("En attente de validation par le service").first()).toBeVisible();
  await expectPhoneReady(page);
  await signOut(page);

  await page.setViewportSize(DESKTOP);
  await signIn(page, DEMO.staff.login, DEMO.staff.password);
  // The rule that sent this absence to staff, as the catalogue shows it and its product form sets it (read, not changed: other journeys use it).
  await page.goto("/admin/catalogue");
  const halfDay = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Demi-journée", exact: true }) });
  await expect(halfDay).toContainText("absence remboursée sur justificatif");
  await halfDay.getByRole("link", { name: "Demi-journée", exact: true }).click();
  const absenceRule = page.getByRole("group", { name: "Absences" });
  await expect(absenceRule.getByLabel("Remboursement")).toHaveValue("CERTIFICATE");
  await expect(absenceRule.getByLabel("Signalement possible jusqu'à (jours avant)")).toHaveValue("0");
  await expect(absenceRule.getByLabel("Signalement possible jusqu'à (heure de Paris)")).toHaveValue("09:00");
  await expect(absenceRule.getByLabel("Jours de carence")).toHaveValue("0");
  await expectAccessible(page);

  // Staff know from the day list that Emma is not coming, before anyone decides about the refund.
  const listed = await showDayList(page);
  await expect(listed).toContainText("Absent (à valider)");
  await expect(listed).toContainText("Maladie");
  await expectAccessible(page);

  await page.getByRole("navigation", { name: "Menu du back-office" }).getByRole("link", { name: /^Absences/ }).click();
  await expect(page.getByRole("heading", { name: "Absences", level: 1 })).toBeVisible();
  const report = page.locator("section").filter({ has: page.getByRole("heading", { name: new RegExp(`^Emma ${family.name} — ${family.name} \\(n°`) }) });
  await expect(report).toContainText(fullDayLabel(day));
  await expect(report).toContainText("Maladie");
  await expect(report).toContainText("Fièvre depuis la veille.");
  await expect(report.getByRole("link", { name: /Voir le certificat/ })).toHaveAttribute("href", /^\/admin\/documents\//);
  await expectAccessible(page);

  // A refusal without its reason is refused, and the summary takes the focus.
  await report.getByRole("button", { name: /^Refuser/ }).click();
  const summary = report.locator("[tabindex='-1']").filter({ has: page.locator('[data-alert="error"]') });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Indiquez le motif du refus.");
  await expectAccessible(page);

  await report.getByRole("button", { name: /^Accepter/ }).click();
  const confirmation = page.locator('[data-alert="success"]');
  await expect(confirmation).toContainText("Décision enregistrée");
  await expect(confirmation).toContainText(new RegExp(`Emma ${family.name}.*1 jour\\) : ${money(PRICE)} remboursés en avoir à la famille`));
  await expect(page.getByRole("heading", { name: new RegExp(`^Emma ${family.name} — `) })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Toutes les absences" }).click();
  await expect(page.locator("section").filter({ has: page.getByRole("heading", { name: new RegExp(`^Emma ${family.name} — `) }) })).toContainText(
    new RegExp(`Acceptée — ${money(PRICE)} remboursés`),
  );

  // The place is freed; Emma stays on the list, as absent.
  const after = await showDayList(page);
  await expect(after).toContainText("Place libérée");
  await expect(after).not.toContainText("à valider");
  await signOut(page);

  await page.setViewportSize(PHONE);
  await signInAs(page, family);
  await page.goto("/reservations/absence");
  await expect(page.getByText(new RegExp(`Avoir de ${money(PRICE)} crédité`)).first()).toBeVisible();
});
