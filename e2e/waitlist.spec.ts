import { expect, test } from "@playwright/test";
import { monthOfDay } from "@/lib/dates";
import { formatCents, fullDayLabel, longDayLabel } from "@/lib/format";
import { openCalendarFor } from "./support/booking";
import { DEMO, expectAccessible, expectPhoneReady, linkIn, PHONE, readEmail, signIn, signInAs, signOut } from "./support/fixtures";
import { CAMPAIGN_PRODUCT, HOUSEHOLDS, waitlistDay } from "./support/households";

// Issue 13, first come, first served: the day's only place is taken
// (e2e/seed.ts). A family queues from the grid on a phone; staff add a place;
// the family is offered it by email at once and accepts it.

const family = HOUSEHOLDS.waitlist.waiting;
const day = waitlistDay();
const money = (cents: number) => formatCents(cents).replace(/\s/g, "\\s");

test("[PARENT][AGENT][LISTE D'ATTENTE] a full day's waiting list: a family queues from the grid, staff add a place, the family is offered it and accepts", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(PHONE);
  await signInAs(page, family);
  // On a phone the child's link opens the family calendar.
  await openCalendarFor(page, CAMPAIGN_PRODUCT, family.member("Emma").fullName, monthOfDay(day));
  const join = page.getByRole("link", { name: new RegExp(`${longDayLabel(day)}.* : Complet — m'inscrire sur la liste d'attente$`) });
  await expect(join).toBeVisible();
  await expectPhoneReady(page);
  await join.click();
  await expect(page.getByRole("heading", { name: new RegExp(`^Emma ${family.name} — ${longDayLabel(day)} `) })).toBeVisible();
  await expectPhoneReady(page);
  await page.getByRole("button", { name: "Inscrire Emma sur la liste d'attente" }).click();
  await expect(page.getByText(/position 1 sur la liste d'attente/)).toBeVisible();
  await expect(page.getByText("En liste d'attente").first()).toBeVisible();
  await expectPhoneReady(page);
  await signOut(page);

  // Staff add a place: it is offered to the first in line at once.
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, DEMO.staff.login, DEMO.staff.password);
  await page.goto("/admin/calendrier");
  await page.getByLabel("Prestation").selectOption({ label: `Accueil de loisirs — ${CAMPAIGN_PRODUCT}` });
  await page.getByLabel("Mois", { exact: true }).fill(monthOfDay(day));
  await page.getByRole("button", { name: "Afficher" }).click();
  const capacity = page.getByLabel(`Capacité du ${fullDayLabel(day)}`);
  await capacity.fill("2");
  await page.getByRole("row").filter({ has: capacity }).getByRole("button", { name: "Modifier" }).click();
  await expect(capacity).toHaveValue("2");
  await page.goto("/admin/listes");
  await page.getByLabel("Prestation").selectOption({ label: `Accueil de loisirs — ${CAMPAIGN_PRODUCT}` });
  await page.getByLabel("Jour").fill(day);
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page.getByRole("row").filter({ hasText: family.name }).filter({ hasText: "Place proposée" })).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // The family is told by email and accepts on its phone.
  await page.setViewportSize(PHONE);
  const offer = await readEmail(family.email, `Une place s'est libérée le ${longDayLabel(day)} (${CAMPAIGN_PRODUCT})`);
  const link = new URL(linkIn(offer, "Voir la proposition"));
  await signInAs(page, family);
  await page.goto(link.pathname);
  await expect(page.getByText(/Place proposée jusqu'au/)).toBeVisible();
  await expectPhoneReady(page);
  await page.getByRole("button", { name: "Accepter la place" }).click();
  await expect(page.getByText(/Réservation en attente de paiement du/)).toBeVisible();
  await expect(page.getByText(new RegExp(money(1200))).first()).toBeVisible();
  await expectPhoneReady(page);
});
