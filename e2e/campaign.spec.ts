import { expect, test, type Page } from "@playwright/test";
import { addDays, parisDay, parisTime, publicHoliday, weekday, type Day } from "@/lib/dates";
import { formatCents, longDayLabel } from "@/lib/format";
import { DEMO, expectPhoneReady, linkIn, PHONE, readEmail, signIn, signInAs, signOut, unique } from "./support/fixtures";
import { CAMPAIGN_PRODUCT, HOUSEHOLDS, type Household } from "./support/households";

// Issue 13: a holiday-centre campaign from opening to the waiting list.
// The centre (e2e/seed.ts) has three places a day and no other user. Two
// households of the authority ask for one day (one with two children asked
// together) and one from another town asks for the same day: with "residents
// first" the outsider waits, whatever the draw says. When a resident gives
// its place back, the outsider is offered it by email and accepts it.
// Everything on a 360 px screen, with axe on every page.

const { siblings, resident, outsider } = HOUSEHOLDS.campaign;
const LABEL = `Vacances de printemps ${unique()}`;
const PRICE = 1200;
const money = (cents: number) => formatCents(cents).replace(/\s/g, "\\s");

/** A week about four months ahead: after the demo campaign, before any other journey's days. */
function campaignWeek(): { first: Day; last: Day; day: Day } {
  let first = addDays(parisDay(new Date()), 120);
  while (weekday(first) !== 1) first = addDays(first, 1);
  const last = addDays(first, 4);
  let day = first;
  while (publicHoliday(day)) day = addDays(day, 1);
  return { first, last, day };
}
const { first, last, day } = campaignWeek();

/** A `datetime-local` value in Paris time. */
const parisLocal = (at: Date) => `${parisDay(at)}T${parisTime(at)}`;

async function openCampaignPage(page: Page) {
  await page.goto("/admin/campagnes");
  await page.getByRole("link", { name: LABEL }).click();
  await expect(page.getByRole("heading", { name: LABEL, level: 1 })).toBeVisible();
}

const resultLink = (page: Page) =>
  page
    .locator("section")
    .filter({ has: page.getByRole("heading", { name: "Inscriptions aux vacances" }) })
    .getByRole("listitem")
    .filter({ hasText: LABEL })
    .getByRole("link", { name: "Voir le résultat" });

async function request(page: Page, family: Household, children: string[], { workingParents = false } = {}) {
  await signInAs(page, family);
  await page.goto("/demandes");
  const section = page.locator("section").filter({ has: page.getByRole("heading", { name: "Inscriptions aux vacances" }) });
  await expect(section).toContainText(LABEL);
  await expectPhoneReady(page);
  // The demo's own campaign is open too: this journey's is the item with its label.
  await section.getByRole("listitem").filter({ hasText: LABEL }).getByRole("link", { name: "Faire une demande" }).click();
  await expect(page.getByRole("heading", { name: LABEL, level: 1 })).toBeVisible();
  for (const firstName of children) {
    await page.getByRole("checkbox", { name: `${firstName}, ${longDayLabel(day)}`, exact: true }).check();
  }
  if (children.length > 1) {
    for (const box of await page.getByRole("checkbox", { name: "Inscrire avec ses frères et sœurs (ensemble)" }).all()) await box.check();
  }
  if (workingParents) await page.getByRole("checkbox", { name: "Les deux parents (ou le parent seul) travaillent" }).check();
  await expectPhoneReady(page);
  await page.getByRole("button", { name: "Envoyer ma demande" }).click();
  await expect(page.getByText(/Votre demande est enregistrée\. Vous pouvez la modifier jusqu'au/)).toBeVisible();
  await expectPhoneReady(page);
  await signOut(page);
}

test("[AGENT][PARENT][CAMPAGNE] staff open a campaign, three families ask, the allocation waitlists the outsider, a place freed is offered to it by email and accepted", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize(PHONE);

  // Staff open the campaign: requests from now for two days, residents first.
  await signIn(page, DEMO.staff.login, DEMO.staff.password);
  await page.goto("/admin/campagnes");
  await expect(page.getByRole("heading", { name: "Campagnes d'inscription", level: 1 })).toBeVisible();
  await expectPhoneReady(page);
  await page.getByRole("link", { name: "Nouvelle campagne" }).click();
  await page.getByLabel("Intitulé").fill(LABEL);
  await page.getByRole("group", { name: "Prestations" }).getByRole("checkbox", { name: `Accueil de loisirs — ${CAMPAIGN_PRODUCT}` }).check();
  await page.getByLabel("Premier jour").fill(first);
  await page.getByLabel("Dernier jour").fill(last);
  const now = new Date();
  await page.getByLabel("Ouverture des demandes").fill(parisLocal(new Date(now.getTime() - 60 * 60_000)));
  await page.getByLabel("Clôture des demandes").fill(parisLocal(new Date(now.getTime() + 2 * 86_400_000)));
  await page.getByLabel("Date d'attribution annoncée").fill(addDays(parisDay(now), 3));
  await page.getByLabel("Règle 1").selectOption({ label: "Résidents de la commune d'abord" });
  await page.getByLabel("Règle 2").selectOption({ label: "Fratries gardées ensemble" });
  await expectPhoneReady(page);
  await page.getByRole("button", { name: "Enregistrer la campagne" }).click();
  await expect(page.getByText("Campagne enregistrée.")).toBeVisible();
  await expect(page.getByRole("heading", { name: LABEL, level: 1 })).toBeVisible();
  await expect(page.getByText("Demandes ouvertes").first()).toBeVisible();
  await expectPhoneReady(page);
  await signOut(page);

  // Three households ask for the same day; the time of the request plays no role.
  await request(page, outsider, ["Emma"]);
  await request(page, siblings, ["Emma", "Lucas"], { workingParents: true });
  await request(page, resident, ["Emma"]);

  // Staff confirm the siblings' declaration from the requests list (it counts
  // only once confirmed; this campaign's rules do not use it), then close the
  // window, read the seed and the preview, and allocate.
  await signIn(page, DEMO.staff.login, DEMO.staff.password);
  await openCampaignPage(page);
  const requests = page.locator("section").filter({ has: page.getByRole("heading", { name: "Demandes", level: 2, exact: true }) });
  await expect(requests.getByRole("row").filter({ hasText: siblings.name }).first()).toContainText("Déclaré, à confirmer");
  await requests.getByRole("link", { name: siblings.name }).first().click();
  const working = page.locator("section").filter({ has: page.getByRole("heading", { name: "Parents qui travaillent" }) });
  await expect(working).toContainText("Déclaré par la famille.");
  await working.getByRole("button", { name: "Confirmer" }).click();
  await expect(working).toContainText("Confirmé par le service le");
  await expectPhoneReady(page);
  await openCampaignPage(page);
  await expect(requests.getByRole("row").filter({ hasText: siblings.name }).first()).toContainText("Confirmé");
  await page.getByRole("button", { name: "Clore les demandes maintenant" }).click();
  await expect(page.getByText("Demandes closes").first()).toBeVisible();
  await expect(page.getByText("Graine du tirage").first()).toBeVisible();
  await expect(page.getByText(/[0-9a-f]{64}/).first()).toBeVisible();
  const preview = page.locator("section").filter({ has: page.getByRole("heading", { name: "Aperçu de l'attribution" }) });
  await expect(preview).toBeVisible();
  await expectPhoneReady(page);
  await page.getByRole("button", { name: "Lancer l'attribution" }).click();
  await expect(page.getByText("Attribution lancée : 3 jours attribués, 1 en liste d'attente.")).toBeVisible();
  const waiting = page.locator("section").filter({ has: page.getByRole("heading", { name: "Liste d'attente", level: 2 }) });
  await expect(waiting.getByRole("row").filter({ hasText: outsider.name })).toContainText("1");
  const given = page.locator("section").filter({ has: page.getByRole("heading", { name: "Places attribuées", level: 2 }) });
  for (const name of [siblings.name, resident.name]) await expect(given.getByRole("row").filter({ hasText: name }).first()).toBeVisible();
  await expectPhoneReady(page);
  await signOut(page);

  // Each family is told; the siblings were given the day together.
  const siblingsMail = await readEmail(siblings.email, `${LABEL} : résultat de votre demande`);
  expect(siblingsMail.text).toContain("Emma");
  expect(siblingsMail.text).toContain("Lucas");
  const outsiderMail = await readEmail(outsider.email, `${LABEL} : résultat de votre demande`);
  expect(outsiderMail.text).toMatch(/rang 1/);

  // The outsider sees its rank on the portal.
  await signInAs(page, outsider);
  await page.goto("/demandes");
  await resultLink(page).click();
  await expect(page.getByText("Liste d'attente (rang 1)")).toBeVisible();
  await expectPhoneReady(page);
  await signOut(page);

  // The resident sees what was given and what to pay, then gives the place back.
  await readEmail(resident.email, `${LABEL} : résultat de votre demande`);
  await signInAs(page, resident);
  await page.goto("/demandes");
  await resultLink(page).click();
  await expect(page.getByText("Attribuée").first()).toBeVisible();
  await expect(page.getByText(new RegExp(`Montant : ${money(PRICE)} à payer avant le`))).toBeVisible();
  await expectPhoneReady(page);
  await page.getByRole("link", { name: "Payer" }).click();
  await expect(page.getByText(/Réservation en attente de paiement du/)).toBeVisible();
  await page.getByRole("button", { name: "Annuler ces réservations et supprimer ces factures" }).click();
  await page.getByRole("button", { name: "Confirmer l'annulation" }).click();
  await expect(page.getByText(/annulée/).first()).toBeVisible();
  await signOut(page);

  // The outsider is offered the freed place by email, and accepts it.
  const offer = await readEmail(outsider.email, `Une place s'est libérée le ${longDayLabel(day)} (${CAMPAIGN_PRODUCT})`);
  const link = new URL(linkIn(offer, "Voir la proposition"));
  expect(link.pathname).toBe("/demandes/liste-attente");
  await signInAs(page, outsider);
  await page.goto(link.pathname);
  await expect(page.getByRole("heading", { name: "Liste d'attente", level: 1 })).toBeVisible();
  await expect(page.getByText(/Place proposée jusqu'au/)).toBeVisible();
  await expectPhoneReady(page);
  await page.getByRole("button", { name: "Accepter la place" }).click();
  await expect(page.getByText(/Réservation en attente de paiement du/)).toBeVisible();
  await expect(page.getByText(new RegExp(money(PRICE))).first()).toBeVisible();
  await expectPhoneReady(page);
});
