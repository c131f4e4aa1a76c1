import { expect, test, type ConsoleMessage } from "@playwright/test";
import { signInAs } from "./support/fixtures";
import { HOUSEHOLDS } from "./support/households";

// Finding 6 and 10a of the security review: every page carries a nonce CSP
// that the portal itself never trips, and a parent probing /admin gets the
// plain public 404, without any wording of the back office.

function cspViolations(page: import("@playwright/test").Page) {
  const seen: string[] = [];
  page.on("console", (message: ConsoleMessage) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

test("the sign-in page carries a nonce CSP and runs under it", async ({ page }) => {
  const violations = cspViolations(page);
  const response = await page.goto("/connexion");
  const csp = response!.headers()["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain("unsafe-eval");
  expect(response!.headers()["x-frame-options"]).toBe("DENY");
  // Next's scripts run (the form is hydrated: the client-side validation answers).
  await expect(page.getByRole("button", { name: "Connexion" })).toBeEnabled();
  await page.waitForLoadState("networkidle");
  expect(violations).toEqual([]);
});

test("a parent's /admin page is the public 404, with nothing of the back office", async ({ page }) => {
  const violations = cspViolations(page);
  await signInAs(page, HOUSEHOLDS.securityHeaders);
  for (const path of ["/admin", "/admin/documents", "/admin/familles/inconnue"]) {
    const response = await page.goto(path);
    expect(response!.status(), path).toBe(404);
    const title = await page.title();
    const text = await page.locator("body").innerText();
    for (const wording of [/back-office/i, /tableau de bord/i, /comptes à vérifier/i, /Documents/]) {
      expect(title, `${path} title`).not.toMatch(wording);
      expect(text, `${path} body`).not.toMatch(wording);
    }
  }
  expect(violations).toEqual([]);
});
