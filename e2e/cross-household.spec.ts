import { expect, test, type Page } from "@playwright/test";
import { signInAs, signOut, uniqueLetters } from "./support/fixtures";
import { sendChangeOfAddress } from "./support/documents";
import { HOUSEHOLDS } from "./support/households";

// A victim household and an attacker household, both the journey's own (support/households.ts).
const { victim, attacker } = HOUSEHOLDS.crossHousehold;

async function expectNotFound(page: Page, path: string, secrets: string[]) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(404);
  const text = await page.content();
  for (const secret of secrets) expect(text, `${path} leaks ${secret}`).not.toContain(secret);
  expect(await page.title()).not.toMatch(new RegExp(`Emma|${victim.name}|Changement`, "i"));
}

test("[SECURITE][FAMILLES] another household's member page, document file and request answer 404 and leak nothing", async ({ page }) => {
  const street = `${uniqueLetters()} chemin secret`;
  // The victim sends a request with a document.
  await signInAs(page, victim);
  const requestPath = await sendChangeOfAddress(page, { address1: street, postalCode: "34480", city: "Magalas" }, "preuve-secrete.png");
  await page.goto("/mon-espace");
  await page.getByRole("link", { name: victim.member("Emma").fullName }).click();
  await expect(page.getByRole("heading", { name: "Documents liés au compte" })).toBeVisible();
  const memberPath = new URL(page.url()).pathname;
  await page.goto("/accueil?onglet=fichiers");
  const fileHref = await page.getByRole("link", { name: "preuve-secrete.png" }).first().getAttribute("href");
  expect(fileHref).toMatch(/^\/api\/fichiers\//);
  // The victim reads their own file, served safely.
  const own = await page.request.get(fileHref!);
  expect(own.status()).toBe(200);
  expect(own.headers()["x-content-type-options"]).toBe("nosniff");
  expect(own.headers()["content-type"]).toBe("image/png");
  await signOut(page);

  await signInAs(page, attacker);

  const secrets = [street, "Emma", victim.name, "preuve-secrete"];
  await expectNotFound(page, memberPath, secrets);
  await expectNotFound(page, requestPath, secrets);
  const file = await page.request.get(fileHref!);
  expect(file.status()).toBe(404);
  expect(await file.text()).toBe("Document introuvable.");

  // Nothing of the victim in the attacker's own lists.
  for (const path of ["/accueil?onglet=demandes", "/accueil?onglet=fichiers", "/mon-espace"]) {
    await page.goto(path);
    const text = await page.content();
    for (const secret of secrets) expect(text, `${path} leaks ${secret}`).not.toContain(secret);
  }
  await expect(page.getByRole("main")).toContainText(new RegExp(attacker.name, "i"));
});
