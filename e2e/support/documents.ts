import { expect, type Page } from "@playwright/test";
import { DEMO, linkIn, readEmail, signIn, signOut, unique, uniqueLetters } from "./fixtures";
import { pngBytes } from "./files";
import { fillRegistration } from "./registration";

/** A small PDF, complete enough for the server's structure check. */
export function pdfBytes(label = "justificatif"): Buffer {
  return Buffer.from(
    [
      "%PDF-1.4",
      "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
      "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
      "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj",
      `% ${label}`,
      "trailer << /Root 1 0 R >>",
      "%%EOF",
      "",
    ].join("\n"),
  );
}

export const photo = (name: string) => ({ name, mimeType: "image/png", buffer: pngBytes(160, 120) });

/**
 * An attacker with a household of their own, made the way a real family
 * gets one: registration through the form, then staff "Créer une nouvelle
 * famille". Returns the credentials; leaves the browser signed out.
 */
export async function createFamilyThroughRegistration(page: Page): Promise<{ login: string; password: string; lastName: string }> {
  const lastName = `Intrus${uniqueLetters()}`;
  const email = `intrus.${unique()}@exemple.fr`;
  const password = "Bonjour-2026";
  await page.goto("/inscription");
  await fillRegistration(page, { lastName, firstName: "Alex", email }, { password });
  await page.getByLabel("Carte d'identité").setInputFiles(photo("cni.png"));
  await page.getByRole("button", { name: "Créer son compte" }).click();
  await expect(page.getByRole("heading", { name: "Votre compte a été créé." })).toBeVisible();
  const confirmation = await readEmail(email, "Inscription Portail Famille");
  await page.goto(linkIn(confirmation, "Confirmer inscription"));
  await page.getByRole("button", { name: "Confirmer inscription" }).click();
  await expect(page.getByText("Votre adresse mail est confirmée.")).toBeVisible();

  await signIn(page, DEMO.staff.login, DEMO.staff.password);
  await page.goto("/admin/comptes");
  await page.getByRole("link", { name: new RegExp(`Vérifier le compte de ${lastName.toUpperCase()}`, "i") }).click();
  await page.getByRole("textbox", { name: "Adresse", exact: true }).fill("9 impasse des Intrus");
  await page.getByLabel("Code postal").fill("34500");
  await page.getByLabel("Ville").fill("Béziers");
  await page.getByRole("button", { name: "Créer la famille et activer le compte" }).click();
  await expect(page.getByText("Famille créée, compte activé")).toBeVisible();
  await signOut(page);
  return { login: email, password, lastName };
}

/** The request's id, from its page's path. */
export const requestIdOf = (path: string) => path.split("/").pop()!;

/** Sends a démarche from its form; returns the request page's path. */
export async function sendChangeOfAddress(page: Page, address: { address1: string; postalCode: string; city: string }, fileName = "photo-justificatif.png") {
  await page.goto("/demandes/demarches");
  await page.getByRole("link", { name: /Changement d'adresse/ }).click();
  await page.getByRole("textbox", { name: "Adresse", exact: true }).fill(address.address1);
  await page.getByLabel("Code Postal").fill(address.postalCode);
  await page.getByLabel("Ville").fill(address.city);
  await page.getByLabel("Fichier").first().setInputFiles(photo(fileName));
  await page.getByRole("button", { name: "Envoi", exact: true }).click();
  await expect(page.getByText("Votre demande a été envoyée.")).toBeVisible();
  return new URL(page.url()).pathname;
}
