import { expect, test } from "@playwright/test";
import { expectPhoneReady, linkIn, PHONE, readEmail, signInAs } from "./support/fixtures";
import { HOUSEHOLDS } from "./support/households";
import { bookHalfDay, payOnSimulator, wednesdays } from "./support/payment";

// A household of its own (support/households.ts), so any Wednesday will do.
const [day] = wednesdays(1);
const family = HOUSEHOLDS.emails;
/** The seed's authority (prisma/seed-data.ts). */
const AUTHORITY = "Communauté de communes du Val Fleuri";

test("[PARENT][E-MAILS] a payment's emails come from the authority with a title and Désinscription; the parent turns service emails off from the mail and back on in Mon espace", async ({
  page,
}) => {
  await signInAs(page, family);
  await bookHalfDay(page, family.member("Emma"), day);
  await page.getByRole("link", { name: /Facture de \d+,\d\d\s€/ }).click();
  await page.getByRole("button", { name: "Payer facture" }).click();
  await payOnSimulator(page, "Payer par carte bancaire");
  await expect(page.getByText("Paiement accepté", { exact: true })).toBeVisible({ timeout: 20_000 });

  // The notice that a payment started is a service email; its result is a receipt. Both name the invoice.
  const started = await readEmail(family.email, /^Facture N° \d+ : paiement en ligne en cours$/);
  const number = /N° (\d+)/.exec(started.subject)![1];
  const receipt = await readEmail(family.email, `Facture N° ${number} : paiement reçu`);
  for (const mail of [started, receipt]) {
    expect(mail.from).toMatch(new RegExp(`^"${AUTHORITY}" <[^<>]+>$`));
    expect(mail.html).toContain(`<title>${mail.subject}</title>`);
    expect(mail.html).toContain(`Portail Famille — ${AUTHORITY}`);
    expect(mail.text).toContain(`Bonjour ${family.parent.firstName},`);
  }
  expect(started.text.replace(/\s+/g, " ")).toContain("sur le site de paiement DGFiP / PayFiP");
  expect(receipt.text.replace(/\s+/g, " ")).toContain("Le résultat d'un paiement vous est toujours envoyé");
  // The same account, the same link: it turns service emails off.
  expect(linkIn(receipt, "Désinscription")).toBe(linkIn(started, "Désinscription"));

  // The link works from the phone's mail app.
  await page.setViewportSize(PHONE);
  await page.goto(linkIn(started, "Désinscription"));
  await expect(page.getByText(/quand vous commencez un paiement en ligne/)).toBeVisible();
  await expect(page.getByText(/Le résultat de vos paiements \(accepté, refusé, abandonné\) vous est toujours envoyé/)).toBeVisible();
  await expectPhoneReady(page);
  await page.getByRole("button", { name: "Confirmer la désinscription" }).click();
  await expect(page.getByText("Désinscription enregistrée.")).toBeVisible();
  await expect(page.getByText(/Les e-mails du service sont désactivés/)).toBeVisible();
  await expectPhoneReady(page);

  await page.getByRole("main").getByRole("link", { name: "Mon espace" }).click();
  await expect(page).toHaveURL(/\/mon-espace/);
  const box = page.getByRole("checkbox", { name: "Recevoir les e-mails du service" });
  await expect(box).not.toBeChecked();
  await expectPhoneReady(page);
  await box.check();
  await page.getByRole("button", { name: "Enregistrer mon choix pour les e-mails du service" }).click();
  await expect(page.getByText("C'est noté : vous recevrez à nouveau les e-mails du service.")).toBeVisible();
  await expectPhoneReady(page);
  await page.reload();
  await expect(box).toBeChecked();
});
