import { expect, test, type Page } from "@playwright/test";
import { monthOfDay } from "@/lib/dates";
import { expectPhoneReady, PHONE, signInAs, signOut } from "./support/fixtures";
import { calendarToggle } from "./support/booking";
import { HOUSEHOLDS, laterCanteenDays } from "./support/households";

// RGAA 10.11 / WCAG 1.4.10 (reflow) and 1.4.4 (text resized to 200 %): on a
// 360 px phone with text at 200 %, and on a 320 px phone at normal size,
// every page reads top to bottom without sliding sideways. Tailwind sizes
// text and spacing in rem, so 200 % on <html> is what a parent's "larger
// text" setting does.

const NARROW = { width: 320, height: 640 };
const TEXT_STYLE_ID = "reflow-text-size";

async function setTextSize(page: Page, size: "100%" | "200%") {
  await page.evaluate(
    ([id, css]) => {
      let style = document.getElementById(id);
      if (!style) {
        style = document.createElement("style");
        style.id = id;
        document.head.appendChild(style);
      }
      style.textContent = css;
    },
    [TEXT_STYLE_ID, `html { font-size: ${size} !important; }`] as const,
  );
}

type Overflow = { scrollWidth: number; clientWidth: number; offenders: string[]; cut: string[]; tables: string[] };

/**
 * What sticks out of the screen: the innermost elements past either edge
 * (not inside a box that clips or scrolls them), and any box that scrolls
 * sideways, each described by tag, classes and text so a failure says where
 * to look.
 */
function findOverflow(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const describe = (el: Element) => {
      const classes = typeof el.className === "string" && el.className ? `.${el.className.trim().split(/\s+/).slice(0, 6).join(".")}` : "";
      const text = (el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 50);
      return `<${el.tagName.toLowerCase()}${classes}> "${text}"`;
    };
    const clipped = (node: Node) => {
      for (let a = node.parentElement; a && a !== document.body && a !== root; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== "visible") return true;
      }
      return false;
    };
    const outside: Element[] = [];
    const scrolling: string[] = [];
    const tables: string[] = [];
    for (const el of document.body.querySelectorAll("*")) {
      const box = el.getBoundingClientRect();
      // Nothing to see: empty, or visually hidden text for screen readers (1 px, clipped).
      if (box.width <= 1 || box.height <= 1) continue;
      const style = getComputedStyle(el);
      if (["auto", "scroll"].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1 && !clipped(el)) {
        const what = `${describe(el)} scrolls sideways (${el.scrollWidth} px in ${el.clientWidth} px)`;
        // A data table whose rows and columns must stay side by side is the one exception WCAG 1.4.10 allows.
        if (el.querySelector("table")) tables.push(what);
        else scrolling.push(what);
      }
      if (box.right <= width + 0.5 && box.left >= -0.5) continue;
      if (clipped(el)) continue;
      outside.push(el);
    }
    // Text that runs out of its own box (a long word in a narrow one) moves the page as much as a box does;
    // and a box too narrow for an ordinary word cuts it letter by letter ("Fil / tre / r"), which reads no better.
    const cut: string[] = [];
    const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = texts.nextNode(); node; node = texts.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent ?? "";
      if (!parent || !text.trim() || clipped(node)) continue;
      range.selectNodeContents(node);
      const past = [...range.getClientRects()].some((r) => r.width > 1 && (r.right > width + 0.5 || r.left < -0.5));
      if (past && !outside.includes(parent)) outside.push(parent);
      for (const token of text.matchAll(/\S+/g)) {
        // Email addresses, paths and identifiers may break anywhere; words only between their letters' runs.
        if (/[@/\\_\d]/.test(token[0])) continue;
        const rectsOf = (start: number, end: number) => {
          range.setStart(node, start);
          range.setEnd(node, end);
          return [...range.getClientRects()].filter((r) => r.width > 0);
        };
        // Wider than the screen's text column ("d'accessibilité" in a heading at 200 %), it cannot be kept whole.
        const tokenWidth = rectsOf(token.index, token.index + token[0].length).reduce((sum, r) => sum + r.width, 0);
        if (tokenWidth > width - 32) continue;
        for (const word of token[0].matchAll(/\p{L}{2,}/gu)) {
          const lines = new Set(rectsOf(token.index + word.index, token.index + word.index + word[0].length).map((r) => Math.round(r.top)));
          if (lines.size > 1) cut.push(`"${word[0]}" cut in ${describe(parent)}`);
        }
      }
    }
    const innermost = outside.filter((el) => !outside.some((other) => other !== el && el.contains(other)));
    const offenders = innermost.map((el) => {
      const box = el.getBoundingClientRect();
      return `${describe(el)} spans ${Math.round(box.left)}–${Math.round(box.right)} px`;
    });
    return { scrollWidth: root.scrollWidth, clientWidth: width, offenders: [...offenders, ...scrolling].slice(0, 8), cut: cut.slice(0, 8), tables };
  });
}

/** The current page at 360 px with 200 % text, then at 320 px with normal text; failures are collected, not fatal. */
async function expectReflow(page: Page, where: string) {
  for (const mode of [
    { viewport: PHONE, text: "200%" as const },
    { viewport: NARROW, text: "100%" as const },
  ]) {
    await page.setViewportSize(mode.viewport);
    await setTextSize(page, mode.text);
    const found = await findOverflow(page);
    const label = `${where} (${new URL(page.url()).pathname}) at ${mode.viewport.width} px, text ${mode.text}`;
    expect.soft(found.offenders, `${label}: nothing past the screen's edges`).toEqual([]);
    expect.soft(found.scrollWidth, `${label}: no sideways scroll`).toBeLessThanOrEqual(found.clientWidth);
    expect.soft(found.cut, `${label}: no word cut across lines`).toEqual([]);
    for (const table of found.tables) test.info().annotations.push({ type: "data table scrolled in its own box", description: `${label}: ${table}` });
  }
  await page.setViewportSize(PHONE);
  await setTextSize(page, "200%");
}

test.use({ viewport: PHONE });

test("[PARENT][TEXTE 200 %] every parent page and public page reflows at 360 px with 200 % text, and at 320 px", async ({ page }) => {
  test.setTimeout(240_000);
  const family = HOUSEHOLDS.reflow;
  const [, day] = laterCanteenDays();
  // Every document the journey opens starts with its text at 200 %.
  await page.addInitScript(
    ([id]) => {
      const apply = () => {
        if (document.getElementById(id)) return;
        const style = document.createElement("style");
        style.id = id;
        style.textContent = "html { font-size: 200% !important; }";
        document.head.appendChild(style);
      };
      if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", apply);
      else apply();
    },
    [TEXT_STYLE_ID] as const,
  );

  await signInAs(page, family);
  await expectReflow(page, "Accueil › Demandes");
  await expectPhoneReady(page);
  for (const [tab, path] of [
    ["Factures", "/accueil?onglet=factures"],
    ["Fichiers", "/accueil?onglet=fichiers"],
  ]) {
    await page.goto(path);
    await expectReflow(page, `Accueil › ${tab}`);
  }

  await page.goto("/demandes");
  await expectReflow(page, "Demandes");
  await expectPhoneReady(page);
  await page.goto("/demandes/demarches");
  await expectReflow(page, "Démarches");
  await page.goto("/demandes/demarches/nouvelle/CHANGEMENT_ADRESSE");
  await expectReflow(page, "Nouvelle démarche : changement d'adresse");

  // The family calendar of the month of the paid day, then its grid (a desktop page, reachable by its address).
  await page.goto(`/demandes/reservation/calendrier?mois=${monthOfDay(day)}`);
  await expect(page.getByRole("heading", { name: "Réservations de la famille" })).toBeVisible();
  await expectReflow(page, "Calendrier de la famille");
  await expectPhoneReady(page);
  const grid = await page.locator('a[href*="enfant=tous"]').first().getAttribute("href");
  await page.goto(grid!);
  await expectReflow(page, "Grille du mois");
  await page.goto(`/demandes/reservation/calendrier?mois=${monthOfDay(day)}`);
  await calendarToggle(page, "Lucas", day).check();
  await page.getByRole("button", { name: "Envoi" }).click();
  await expect(page.getByRole("heading", { name: "Résumé réservation" })).toBeVisible();
  await expectReflow(page, "Résumé");
  await page.getByRole("button", { name: "Valider et passer au paiement" }).click();
  await expect(page).toHaveURL(/\/demandes\/reservation\/attente\//);
  await expectReflow(page, "Paiement en attente");
  const pay = await page.getByRole("link", { name: /^Payer/ }).first().getAttribute("href");
  await page.goto(pay!);
  await expectReflow(page, "Payer une facture");

  await page.goto("/reservations");
  await expectReflow(page, "Mes réservations");
  await page.goto("/reservations/absence");
  await expectReflow(page, "Signaler une absence");
  await page.goto("/factures");
  await expect(page.getByRole("article").first()).toBeVisible();
  await expectReflow(page, "Factures");
  await expectPhoneReady(page);

  await page.goto("/mon-espace");
  await expectReflow(page, "Mon espace");
  for (const member of [`${family.parent.firstName} ${family.name}`, family.member("Emma").fullName]) {
    await page.goto("/mon-espace");
    await page.getByRole("link", { name: member, exact: true }).click();
    await expect(page.getByRole("heading", { name: "Documents liés au compte" })).toBeVisible();
    await expectReflow(page, `Mon espace › ${member}`);
  }
  await page.goto("/mon-espace");
  await page.getByRole("link", { name: "Dossier de Emma" }).click();
  await expect(page.getByRole("heading", { name: "Fiche santé" })).toBeVisible();
  await expectReflow(page, "Dossier de l'enfant");
  for (const [name, path] of [
    ["Mise à jour du dossier", "/mon-espace/mise-a-jour"],
    ["Mes données", "/mon-espace/mes-donnees"],
    ["Attestations", "/factures/attestations"],
  ]) {
    await page.goto(path);
    await expectReflow(page, name);
  }
  await expectPhoneReady(page);

  await signOut(page);
  for (const [name, path] of [
    ["Connexion", "/connexion"],
    ["Inscription", "/inscription"],
    ["Payer par identifiant", "/payer"],
    ["Mot de passe oublié", "/mot-de-passe/oublie"],
    ["Accessibilité", "/accessibilite"],
    ["Mentions légales", "/mentions-legales"],
    ["CGU", "/cgu"],
    ["Page introuvable", "/cette-page-n-existe-pas"],
  ]) {
    await page.goto(path);
    await expectReflow(page, name);
  }
});
