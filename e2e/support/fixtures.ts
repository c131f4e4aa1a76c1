import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** The data folder of the server under test (see lib/cli/e2e-server.ts). */
export const DATA_DIR = path.resolve(process.env.E2E_DATA_DIR ?? ".data/e2e");

export const DEMO = {
  admin: { login: "admin@portail-famille.test", password: "Admin-demo-2026" },
  staff: { login: "agent@portail-famille.test", password: "Agent-demo-2026" },
  dupont: { login: "c3594e0f", email: "marie.dupont@exemple.fr", password: "Famille-demo-2026" },
  martin: { login: "b71d20aa", email: "sophie.martin@exemple.fr", password: "Famille-demo-2026" },
  pending: { login: "e5a9c3d1", email: "karim.benali@exemple.fr", password: "Famille-demo-2026" },
  /** A family without a QF, used as the other household in cross-household journeys */
  bernard: { login: "d4e8f0a2", email: "luc.bernard@exemple.fr", password: "Famille-demo-2026" },
};

type OutboxMessage = { id: string; to: string; from: string; subject: string; html: string; text: string; createdAt: string };

export function outboxMessages(): OutboxMessage[] {
  const dir = path.join(DATA_DIR, "outbox");
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as OutboxMessage);
}

/** Waits for the newest email to `address` (optionally with a subject) and returns it. */
export async function readEmail(address: string, subject?: string | RegExp): Promise<OutboxMessage> {
  let found: OutboxMessage | undefined;
  await expect
    .poll(
      () => {
        found = outboxMessages()
          .filter((m) => m.to.toLowerCase() === address.toLowerCase())
          .filter((m) => !subject || (typeof subject === "string" ? m.subject === subject : subject.test(m.subject)))
          .at(-1);
        return Boolean(found);
      },
      { message: `email to ${address}`, timeout: 10_000 },
    )
    .toBe(true);
  return found!;
}

/** The first link in an email whose visible text matches. */
export function linkIn(message: OutboxMessage, text: string | RegExp): string {
  const anchors = [...message.html.matchAll(/<a[^>]*href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/g)];
  const match = anchors.find(([, , label]) => {
    const plain = label.replace(/<[^>]+>/g, "").trim();
    return typeof text === "string" ? plain.includes(text) : text.test(plain);
  });
  if (!match) throw new Error(`No link "${text}" in email "${message.subject}"`);
  return match[1].replaceAll("&amp;", "&");
}

export function uploadedFileCount(): number {
  const dir = path.join(DATA_DIR, "uploads");
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}

/**
 * A parent's page on a phone: no axe violation and nothing wider than the
 * screen (the page never slides sideways). Call with a 360 px viewport.
 */
export async function expectPhoneReady(page: Page) {
  await expectAccessible(page);
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, `page ${page.url()} is ${widths.scroll} px wide on a ${widths.client} px screen`).toBeLessThanOrEqual(widths.client);
}

/** A 360 px phone (Galaxy S-class), the width most parents have. */
export const PHONE = { width: 360, height: 740 };

/** Fails on any axe violation on the current page. */
export async function expectAccessible(page: Page) {
  // After a client-side navigation Next streams the new page's metadata in:
  // check the page once it has its title, as a person would see it.
  await expect.poll(() => page.title(), { message: "the page has a title" }).not.toBe("");
  await page.waitForLoadState("domcontentloaded");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
  await expectAccessibilityMention(page);
}

/**
 * Article 47 of law 2005-102: every page of the portal says in its footer
 * how far it conforms, linked to the declaration. Checked wherever a journey
 * checks axe, so every page a journey visits is covered; only the PayFiP
 * simulator (the DGFiP's pages in production) and the developers' pages
 * are not the portal's.
 */
export async function expectAccessibilityMention(page: Page) {
  const { pathname } = new URL(page.url());
  if (/^\/(tpa|dev)(\/|$)/.test(pathname)) return;
  const mention = page.getByRole("contentinfo").getByRole("link", { name: /^Accessibilité : (non|partiellement|totalement) conforme$/ });
  await expect(mention, `the footer's accessibility mention on ${pathname}`).toHaveCount(1);
  await expect(mention).toHaveAttribute("href", "/accessibilite");
}

/** Submits the sign-in form; the caller checks what happened (an error message, say). */
export async function attemptSignIn(page: Page, login: string, password: string) {
  await page.goto("/connexion");
  await page.getByLabel("Identifiant ou Email").fill(login);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Connexion" }).click();
}

/** Signs in and waits until the portal has moved on from the sign-in page. */
export async function signIn(page: Page, login: string, password: string) {
  await attemptSignIn(page, login, password);
  await expect(page).not.toHaveURL(/\/connexion/);
}

/** Signs a journey's own household in (e2e/support/households.ts) and waits for its Accueil. */
export async function signInAs(page: Page, household: { email: string; password: string }) {
  await signIn(page, household.email, household.password);
  await expect(page).toHaveURL(/\/accueil/);
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Se déconnecter" }).first().click();
  await expect(page).toHaveURL(/\/connexion/);
}

/** Error messages on the page, scoped away from Next's route announcer. */
export const pageAlert = (page: Page) => page.locator('[data-alert="error"]');

export const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A unique suffix made of letters only, for names (digits are refused there). */
export const uniqueLetters = () =>
  unique().replace(/\d/g, (d) => "abcdefghij"[Number(d)]);
