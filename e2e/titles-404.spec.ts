import { expect, test } from "@playwright/test";
import { expectAccessible, signInAs } from "./support/fixtures";
import { HOUSEHOLDS } from "./support/households";

// Issue 12: a French 404 inside the site's header and footer, wherever the
// visitor was, and a web manifest reachable before any sign-in.

test("an unknown address is a French 404 with the public header, footer and ways back", async ({ page }) => {
  const response = await page.goto("/une-page-qui-n-existe-pas");
  expect(response!.status()).toBe(404);
  await expect(page).toHaveTitle("Page introuvable — Portail Famille");
  await expect(page.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText("Portail Famille");
  await expect(page.getByRole("contentinfo")).toBeVisible();
  const main = page.getByRole("main");
  await expect(main.getByRole("link", { name: "Accueil" })).toHaveAttribute("href", "/accueil");
  await expect(main.getByRole("link", { name: "Se connecter" })).toHaveAttribute("href", "/connexion");
  await expect(page.locator("body")).not.toContainText(/could not be found/i);
  await expectAccessible(page);
});

test("a parent's unknown invoice is the 404 inside the family header and menu", async ({ page }) => {
  await signInAs(page, HOUSEHOLDS.securityHeaders);
  const response = await page.goto("/factures/inconnue/payer");
  expect(response!.status()).toBe(404);
  await expect(page).toHaveTitle("Page introuvable — Portail Famille");
  await expect(page.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Menu principal" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Se déconnecter" }).first()).toBeVisible();
  await expect(page.getByRole("contentinfo")).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "Se connecter" })).toHaveCount(0);
  await expectAccessible(page);
});

test("the sign-in page's title and heading say Connexion", async ({ page }) => {
  await page.goto("/connexion");
  await expect(page).toHaveTitle("Connexion — Portail Famille");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Connexion");
});

test("the web manifest answers JSON, without a session, with the portal's name", async ({ request }) => {
  const response = await request.get("/manifest.webmanifest");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/application\/manifest\+json|application\/json/);
  const manifest = await response.json();
  expect(manifest.name).toMatch(/^Portail Famille/);
  expect(manifest.start_url).toBe("/accueil");
  expect(manifest.display).toBe("standalone");
  expect(manifest.theme_color).toBe("#173c93");
  for (const icon of manifest.icons as { src: string }[]) {
    const file = await request.get(icon.src);
    expect(file.status(), icon.src).toBe(200);
    expect(file.headers()["content-type"], icon.src).toBe("image/png");
  }
});
