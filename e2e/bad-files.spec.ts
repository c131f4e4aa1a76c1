import { expect, test } from "@playwright/test";
import { makePngBomb } from "../lib/files/fixtures";
import { expectAccessible, pageAlert, signInAs, uploadedFileCount } from "./support/fixtures";
import { bigPdfBytes, exeBytes } from "./support/files";
import { pdfBytes } from "./support/documents";
import { HOUSEHOLDS } from "./support/households";

const TYPE = "Ce type de fichier n'est pas accepté : envoyez une photo (JPEG, PNG, WebP) ou un PDF.";

const corpus = [
  { label: "renamed executable", file: { name: "facture.pdf", mimeType: "application/pdf", buffer: exeBytes() }, message: TYPE },
  {
    label: "HTML page",
    file: { name: "page.pdf", mimeType: "application/pdf", buffer: Buffer.from("<!doctype html><script>alert(1)</script>") },
    message: TYPE,
  },
  {
    label: "SVG with a script",
    file: {
      name: "image.png",
      mimeType: "image/png",
      buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'),
    },
    message: TYPE,
  },
  { label: "empty file", file: { name: "vide.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(0) }, message: "Le fichier est vide." },
  {
    label: "oversize PDF",
    file: { name: "gros.pdf", mimeType: "application/pdf", buffer: bigPdfBytes(11) },
    message: "Le fichier dépasse la taille maximale de 10 Mo.",
  },
  {
    label: "truncated PDF",
    file: { name: "coupe.pdf", mimeType: "application/pdf", buffer: pdfBytes().subarray(0, 60) },
    message: "Le fichier PDF est incomplet ou endommagé.",
  },
  {
    label: "image bomb",
    file: { name: "bombe.png", mimeType: "image/png", buffer: Buffer.from(makePngBomb()) },
    message: "L'image est trop grande ou endommagée.",
  },
];

test("[SECURITE][FICHIERS] a corpus of bad files is refused in French, with nothing stored and no document created", async ({ page }) => {
  // A household of its own (support/households.ts): the files go to Paul, an adult without an account.
  const family = HOUSEHOLDS.badFiles;
  await signInAs(page, family);
  await page.goto("/mon-espace");
  await page.getByRole("link", { name: family.member("Paul").fullName }).click();
  await expect(page.getByRole("heading", { name: "Documents liés au compte" })).toBeVisible();
  const before = uploadedFileCount();
  for (const { label, file, message } of corpus) {
    await test.step(label, async () => {
      await page.reload();
      await page.getByRole("button", { name: "+ Ajouter un fichier : Justificatif de domicile" }).click();
      await page.getByLabel("Fichier : Justificatif de domicile").setInputFiles(file);
      await page.getByRole("button", { name: "Envoi", exact: true }).click();
      await expect(page.getByText(message).first()).toBeVisible();
      expect(uploadedFileCount(), `${label}: nothing on disk`).toBe(before);
      await expect(page.getByRole("link", { name: file.name })).toHaveCount(0);
    });
  }
  // Refusals are said beside the field and in the form's error summary, never as a page-wide error.
  await expect(pageAlert(page).and(page.locator(":not([data-error-summary] *)"))).toHaveCount(0);
  await expectAccessible(page);
  await page.goto("/accueil?onglet=fichiers");
  for (const { file } of corpus) await expect(page.getByRole("link", { name: file.name })).toHaveCount(0);
});
