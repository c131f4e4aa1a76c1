import { expect, type Page, test } from "@playwright/test";
import { expectAccessible, outboxMessages, unique, uploadedFileCount } from "./support/fixtures";
import { bigPdfBytes, exeBytes, pngBytes } from "./support/files";
import { fillRegistration } from "./support/registration";

/** The message beside its field, and as a link in the error summary, which has the focus. */
async function expectRefused(page: Page, message: string) {
  const summary = page.locator("[data-error-summary]");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: message })).toBeVisible();
  await expect(page.locator("form p.text-danger-700").filter({ hasText: message })).toBeVisible();
}

// Every refusal: a clear French message, no account, no stored file, no email.
test.describe("[VISITEUR][INSCRIPTION] bad input is refused and stores nothing", () => {
  let filesBefore = 0;
  let mailsBefore = 0;
  let email = "";

  test.beforeEach(async ({ page }) => {
    filesBefore = uploadedFileCount();
    mailsBefore = outboxMessages().length;
    const id = unique();
    email = `refus.${id}@exemple.fr`;
    await page.goto("/inscription");
  });

  test.afterEach(async ({ page }) => {
    await expect(page.getByRole("heading", { name: "S'inscrire" })).toBeVisible();
    expect(uploadedFileCount()).toBe(filesBefore);
    expect(outboxMessages().length).toBe(mailsBefore);
    expect(outboxMessages().some((m) => m.to === email)).toBe(false);
  });

  test("missing identity document", async ({ page }) => {
    await fillRegistration(page, { lastName: "Sansdoc", firstName: "Anne", email });
    await page.getByRole("button", { name: "Créer son compte" }).click();
    await expectRefused(page, "La pièce d'identité est obligatoire.");
    await expectAccessible(page);
  });

  test("an executable renamed .pdf", async ({ page }) => {
    await fillRegistration(page, { lastName: "Exe", firstName: "Anne", email });
    await page.getByLabel("Carte d'identité").setInputFiles({ name: "carte.pdf", mimeType: "application/pdf", buffer: exeBytes() });
    await page.getByRole("button", { name: "Créer son compte" }).click();
    await expectRefused(page, "Ce type de fichier n'est pas accepté");
  });

  test("a 20 MB file", async ({ page }) => {
    await fillRegistration(page, { lastName: "Lourd", firstName: "Anne", email });
    await page.getByLabel("Carte d'identité").setInputFiles({ name: "scan.pdf", mimeType: "application/pdf", buffer: bigPdfBytes(20) });
    await page.getByRole("button", { name: "Créer son compte" }).click();
    await expect(page.getByText(/dépasse la taille maximale/)).toBeVisible();
  });

  test("mismatched passwords", async ({ page }) => {
    await fillRegistration(page, { lastName: "Mdp", firstName: "Anne", email }, { password: "Bonjour-2026", confirmation: "Bonsoir-2026" });
    await page.getByLabel("Carte d'identité").setInputFiles({ name: "cni.png", mimeType: "image/png", buffer: pngBytes() });
    await page.getByRole("button", { name: "Créer son compte" }).click();
    await expectRefused(page, "Les deux mots de passe ne sont pas identiques.");
  });

  test("no phone number", async ({ page }) => {
    await fillRegistration(page, { lastName: "Sanstel", firstName: "Anne", email }, { phone: "" });
    await page.getByLabel("Carte d'identité").setInputFiles({ name: "cni.png", mimeType: "image/png", buffer: pngBytes() });
    await page.getByRole("button", { name: "Créer son compte" }).click();
    await expectRefused(page, "Indiquez au moins un numéro de téléphone (fixe ou portable).");
  });
});
