import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn, signInAs } from "./support/fixtures";
import { HOUSEHOLDS } from "./support/households";

// RGAA 10.7 / WCAG 1.4.11: the focus ring keeps 3:1 against what surrounds
// it. Tab through the top of the page (skip link, header, menu) and measure
// each ring's colour against the background it is drawn on.

/**
 * Contrasts measured in the page. "ring": the focused element's outline
 * against the first opaque background around it (the ring is drawn outside
 * the element, over its parent). "borders": every visible text field's and
 * list's border against its background, those under 3:1 named.
 */
async function measureContrast(page: Page, what: "ring"): Promise<{ name: string; width: string; ratio: number }>;
async function measureContrast(page: Page, what: "borders"): Promise<string[]>;
async function measureContrast(page: Page, what: "ring" | "borders") {
  return page.evaluate((what) => {
    // Tailwind 4 colours compute as lab()/oklch(): a canvas turns any CSS colour into sRGB bytes.
    const canvas = document.createElement("canvas").getContext("2d", { willReadFrequently: true })!;
    const rgb = (value: string) => {
      canvas.clearRect(0, 0, 1, 1);
      canvas.fillStyle = value;
      canvas.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = canvas.getImageData(0, 0, 1, 1).data;
      return [r, g, b, a / 255];
    };
    const luminance = ([r, g, b]: number[]) => {
      const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const ratio = (a: number[], b: number[]) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi + 0.05) / (lo + 0.05);
    };
    const backgroundOf = (el: HTMLElement) => {
      for (let node = el.parentElement; node; node = node.parentElement) {
        const [r, g, b, a] = rgb(getComputedStyle(node).backgroundColor);
        if (a > 0.5) return [r, g, b];
      }
      return [255, 255, 255];
    };
    if (what === "ring") {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { name: el.textContent?.trim().slice(0, 40) ?? el.tagName, width: style.outlineWidth, ratio: ratio(rgb(style.outlineColor), backgroundOf(el)) };
    }
    const fields = [...document.querySelectorAll<HTMLElement>("input:not([type=checkbox]):not([type=radio]):not([type=hidden]):not([type=file]), select, textarea")];
    return fields
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({ name: el.getAttribute("name") ?? el.id, ratio: ratio(rgb(getComputedStyle(el).borderTopColor), backgroundOf(el)) }))
      .filter((f) => f.ratio < 3)
      .map((f) => `${f.name}: ${f.ratio.toFixed(2)}:1`);
  }, what);
}

async function expectRingsContrast(page: Page, tabs: number) {
  const weak: string[] = [];
  for (let i = 0; i < tabs; i++) {
    await page.keyboard.press("Tab");
    const ring = await measureContrast(page, "ring");
    expect(ring.width, `${ring.name} has a visible ring`).not.toBe("0px");
    if (ring.ratio < 3) weak.push(`${ring.name}: ${ring.ratio.toFixed(2)}:1`);
  }
  expect(weak, "focus rings under 3:1").toEqual([]);
}

test("[RGAA] the focus ring keeps 3:1 on the public, family and staff headers and menus", async ({ page }) => {
  await page.goto("/connexion");
  await expectRingsContrast(page, 3);

  await signInAs(page, HOUSEHOLDS.focusRing);
  await page.goto("/accueil");
  await expectRingsContrast(page, 8);

  // After a client-side navigation, as after a page load, the first Tab stop is the skip link.
  await page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Factures" }).click();
  await expect(page).toHaveURL(/\/factures$/);
  await expect(page.getByRole("heading", { level: 1, name: "Factures" })).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(page.locator(":focus")).toHaveText("Aller au contenu");

  await page.context().clearCookies();
  await signIn(page, DEMO.staff.login, DEMO.staff.password);
  await page.goto("/admin");
  await expectRingsContrast(page, 10);
});

test("[RGAA] form fields' borders keep 3:1 against their background (criterion 3.3)", async ({ page }) => {
  for (const path of ["/connexion", "/inscription", "/payer"]) {
    await page.goto(path);
    expect(await measureContrast(page, "borders"), `${path}: borders under 3:1`).toEqual([]);
  }
  await signInAs(page, HOUSEHOLDS.focusRing);
  for (const path of ["/factures", "/accueil?onglet=factures", "/mon-espace"]) {
    await page.goto(path);
    expect(await measureContrast(page, "borders"), `${path}: borders under 3:1`).toEqual([]);
  }
});
