import { expect, test } from "@playwright/test";
import { expectPhoneReady, PHONE, signIn } from "./support/fixtures";
import { createFamilyThroughRegistration } from "./support/documents";

test("[PARENT][MON ESPACE] the identity document sent at registration shows as a validated Pièce d'identité once staff checked it", async ({
  page,
}) => {
  // Registration with "cni.png", then staff open a new household for the account.
  const family = await createFamilyThroughRegistration(page);

  await page.setViewportSize(PHONE);
  await signIn(page, family.login, family.password);
  await page.goto("/mon-espace");
  await page.getByRole("link", { name: new RegExp(`Alex ${family.lastName}`, "i") }).click();
  await expect(page.getByRole("heading", { name: "Documents liés au compte" })).toBeVisible();

  const identity = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Pièce d'identité", exact: true }) });
  const file = identity.getByRole("link", { name: /cni\.png/ });
  await expect(file).toBeVisible();
  await expect(identity.getByText("Validé", { exact: true })).toBeVisible();
  await expect(identity.getByText("Aucun fichier.")).toHaveCount(0);
  await expectPhoneReady(page);

  // The link serves the very file the parent sent, to the parent.
  const response = await page.request.get((await file.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/png");
});
