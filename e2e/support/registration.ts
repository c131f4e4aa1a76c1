import type { Page } from "@playwright/test";

export async function fillRegistration(
  page: Page,
  person: { lastName: string; firstName: string; email: string },
  overrides: { phone?: string; password?: string; confirmation?: string } = {},
) {
  await page.getByLabel("Civ.").selectOption("MME");
  await page.getByLabel("Date de Naissance").fill("1988-06-15");
  await page.getByLabel("Nom de famille").fill(person.lastName);
  await page.getByLabel("Prénom").fill(person.firstName);
  await page.getByLabel("Tel. Portable").fill(overrides.phone ?? "06 12 34 56 78");
  await page.getByLabel("Mail").fill(person.email);
  await page.getByLabel(/^Mot de passe/).fill(overrides.password ?? "Bonjour-2026");
  await page.getByLabel("Confirmation du mot de passe").fill(overrides.confirmation ?? overrides.password ?? "Bonjour-2026");
  await page.getByLabel(/Je certifie avoir pris connaissance/).check();
}
