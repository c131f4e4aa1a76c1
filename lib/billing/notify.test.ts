import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createAccount, createHouseholdWithParent } from "@/lib/factories";
import { PaymentResultEmail, PaymentStartedEmail, PREVIEW_SETTINGS } from "@/lib/mail/templates";
import { queueMoneyEmail, type MoneyEmailKind } from "./notify";

const NOW = new Date("2026-06-03T08:00:00Z");

async function family(name: string, optOut: boolean) {
  const db = await getDb();
  const { household, user } = await createHouseholdWithParent(db, {
    name,
    address1: "1 rue des Écoles",
    postalCode: "34480",
    city: "Magalas",
    members: [{ quality: "RESPONSABLE", firstName: "Claire", lastName: name }],
    account: { email: `claire.${name.toLowerCase()}@exemple.fr`, password: "Famille-test-2026" },
  });
  await db.user.update({ where: { id: user.id }, data: { serviceEmailsOptOut: optOut } });
  return { household, user };
}

async function queue(kind: MoneyEmailKind, householdId: string, payerEmail: string | null) {
  const db = await getDb();
  const ids = await db.$transaction((tx) =>
    queueMoneyEmail(tx, {
      householdId,
      payerEmail,
      kind,
      subject: "Objet",
      template: kind,
      render: (recipient) =>
        kind === "notice"
          ? createElement(PaymentStartedEmail, { settings: PREVIEW_SETTINGS, invoiceNumber: 12, amount: "8,00 €", ...recipient })
          : createElement(PaymentResultEmail, {
              settings: PREVIEW_SETTINGS,
              outcome: "paid",
              invoiceNumber: 12,
              amount: "8,00 €",
              invoicesUrl: "https://famille.exemple.fr/factures",
              ...recipient,
            }),
      now: NOW,
    }),
  );
  return db.emailMessage.findMany({ where: { id: { in: ids } }, select: { to: true, text: true } });
}

describe("money emails and the service-emails opt-out", () => {
  it("skip the payment-started notice for a parent who turned service emails off, but always send the receipt", async () => {
    const { household, user } = await family("Ollier", true);
    expect(await queue("notice", household.id, user.email)).toEqual([]);
    expect(await queue("notice", household.id, null)).toEqual([]);
    const [receipt] = await queue("receipt", household.id, user.email.toUpperCase());
    expect(receipt.to).toBe(user.email);
    expect(receipt.text).toContain("Bonjour Claire,");
    expect(receipt.text).toContain(`/desinscription?u=${user.id}`);
    expect(receipt.text.replace(/\s+/g, " ")).toContain("Le résultat d'un paiement vous est toujours envoyé");
  });

  it("greet a subscribed parent by name with their own link", async () => {
    const { household, user } = await family("Pradel", false);
    const [notice] = await queue("notice", household.id, user.email);
    expect(notice.text).toContain("Bonjour Claire,");
    expect(notice.text).toContain(`/desinscription?u=${user.id}`);
  });

  it("send a payer without an account both, with no Désinscription (there is nothing to leave)", async () => {
    const { household } = await family("Rouquette", false);
    // An account that is not active is not one the link could serve either.
    await createAccount(await getDb(), { email: "en-attente@exemple.fr", firstName: "Jean", lastName: "Sans", status: "PENDING_REVIEW" });
    for (const payer of ["grand-mere@exemple.fr", "en-attente@exemple.fr"]) {
      for (const kind of ["notice", "receipt"] as const) {
        const [mail] = await queue(kind, household.id, payer);
        expect(mail.to).toBe(payer);
        expect(mail.text).toContain("Bonjour,");
        expect(mail.text).not.toMatch(/désinscri/i);
      }
    }
  });
});
