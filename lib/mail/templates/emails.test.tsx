import type { ReactElement } from "react";
import { render } from "@react-email/render";
import { describe, expect, it } from "vitest";
import { renderEmail } from "@/lib/mail";
import {
  AccountAlreadyExistsEmail,
  AccountRejectedEmail,
  AccountVerifiedEmail,
  EmailChangeEmail,
  PasswordChangedEmail,
  PasswordResetEmail,
  PaymentResultEmail,
  paymentResultSubject,
  PaymentStartedEmail,
  paymentStartedSubject,
  RegistrationConfirmEmail,
  ReminderDeadlineEmail,
  ReminderHoldEmail,
  ReviewDecisionEmail,
  StaffInvitationEmail,
} from "./index";

/** Account and security messages: they must always arrive, so they carry no Désinscription. */
const ACCOUNT: [string, ReactElement][] = [
  ["registration-confirm", <RegistrationConfirmEmail key="1" {...RegistrationConfirmEmail.PreviewProps} />],
  ["account-already-exists", <AccountAlreadyExistsEmail key="2" {...AccountAlreadyExistsEmail.PreviewProps} />],
  ["password-reset", <PasswordResetEmail key="3" {...PasswordResetEmail.PreviewProps} />],
  ["account-verified", <AccountVerifiedEmail key="4" {...AccountVerifiedEmail.PreviewProps} />],
  ["account-rejected", <AccountRejectedEmail key="5" {...AccountRejectedEmail.PreviewProps} />],
  ["staff-invitation", <StaffInvitationEmail key="6" {...StaffInvitationEmail.PreviewProps} />],
  ["password-changed", <PasswordChangedEmail key="7" {...PasswordChangedEmail.PreviewProps} />],
  ["email-change", <EmailChangeEmail key="8" {...EmailChangeEmail.PreviewProps} />],
];

/** Service emails, payment emails and reminders: each with its Désinscription link. */
const UNSUBSCRIBABLE: [string, ReactElement][] = [
  ["review-decision", <ReviewDecisionEmail key="a" {...ReviewDecisionEmail.PreviewProps} />],
  ["payment-started", <PaymentStartedEmail key="b" {...PaymentStartedEmail.PreviewProps} />],
  ["payment-paid", <PaymentResultEmail key="c" {...PaymentResultEmail.PreviewProps} />],
  ["payment-refused", <PaymentResultEmail key="d" {...PaymentResultEmail.PreviewProps} outcome="refused" />],
  ["reminder-deadline", <ReminderDeadlineEmail key="e" {...ReminderDeadlineEmail.PreviewProps} />],
  ["reminder-hold", <ReminderHoldEmail key="f" {...ReminderHoldEmail.PreviewProps} />],
];

const plain = async (el: ReactElement) => (await render(el, { plainText: true })).replace(/\s+/g, " ");

/** Every <a> with its style attribute and its visible text. */
const anchors = (html: string) =>
  [...html.matchAll(/<a\b([^>]*)>([\s\S]*?)<\/a>/g)].map(([, attributes, inner]) => ({
    style: /style="([^"]*)"/.exec(attributes)?.[1] ?? "",
    text: inner.replace(/<[^>]+>/g, "").trim(),
    href: /href="([^"]*)"/.exec(attributes)?.[1] ?? "",
  }));

describe("email templates", () => {
  it.each([...ACCOUNT, ...UNSUBSCRIBABLE])("%s: the portal's title, a greeting, the authority's footer", async (_, email) => {
    const text = await plain(email);
    expect(await render(email)).toMatch(/<h1[^>]*>Portail Famille — Communauté de communes Les Avant-Monts<\/h1>/);
    expect(text).not.toMatch(/Portail citoyen/i);
    expect(text).toMatch(/Bonjour( [A-ZÉ][a-zé]+)?,/);
    expect(text).toContain("ZAE L'Audacieuse");
    expect(text).toContain("04 67 36 07 51");
    expect(text).toContain("jeunesse@avant-monts.fr");
  });

  it.each([...ACCOUNT, ...UNSUBSCRIBABLE])("%s: every link is underlined, not told apart by its colour alone", async (_, email) => {
    const links = anchors(await render(email));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link.style, `link « ${link.text} »`).toMatch(/(^|;)text-decoration:underline/);
      expect(link.style, `link « ${link.text} »`).not.toMatch(/text-decoration(-line)?:none/);
    }
  });

  it.each(ACCOUNT)("%s: no Désinscription on an account or security message", async (_, email) => {
    expect(anchors(await render(email)).map((a) => a.text)).not.toContain("Désinscription");
    expect(await plain(email)).not.toMatch(/désinscri/i);
  });

  it.each(UNSUBSCRIBABLE)("%s: a Désinscription link naming the authority", async (_, email) => {
    const link = anchors(await render(email)).find((a) => a.text === "Désinscription");
    expect(link?.href).toMatch(/\/desinscription\?u=demo&amp;s=demo/);
    expect(await plain(email)).toMatch(/sur le Portail Famille — Communauté de communes Les Avant-Monts\. /);
  });

  it("says what each Désinscription turns off: service emails, the other service emails on a receipt, or reminders", async () => {
    expect(await plain(<ReviewDecisionEmail {...ReviewDecisionEmail.PreviewProps} />)).toContain(
      "Pour ne plus recevoir les e-mails du service (documents et démarches traités, paiements en ligne commencés) : Désinscription",
    );
    const receipt = await plain(<PaymentResultEmail {...PaymentResultEmail.PreviewProps} />);
    expect(receipt).toContain("Le résultat d'un paiement vous est toujours envoyé, car il confirme une opération sur votre compte famille.");
    expect(receipt).toContain("Pour ne plus recevoir les autres e-mails du service");
    expect(await plain(<ReminderHoldEmail {...ReminderHoldEmail.PreviewProps} />)).toContain("Pour ne plus recevoir les rappels : Désinscription");
  });

  it("gives a payer without an account no Désinscription and a plain greeting", async () => {
    const email = <PaymentResultEmail {...PaymentResultEmail.PreviewProps} firstName={null} unsubscribeUrl={null} />;
    const text = await plain(email);
    expect(text).toContain("Bonjour,");
    expect(text).not.toMatch(/désinscri/i);
  });

  it("get the subject as <title>, escaped", async () => {
    const { html } = await renderEmail({
      subject: paymentResultSubject({ outcome: "paid", invoiceNumber: 9577 }),
      element: <PaymentResultEmail {...PaymentResultEmail.PreviewProps} />,
    });
    expect(html).toContain("<title>Facture N° 9577 : paiement reçu</title></head>");
    const tricky = await renderEmail({ subject: "Rappel <urgent> & \"vrai\"", element: <PasswordChangedEmail {...PasswordChangedEmail.PreviewProps} /> });
    expect(tricky.html).toContain("<title>Rappel &lt;urgent&gt; &amp; &quot;vrai&quot;</title>");
  });

  it("say what each message needs to say, in whole sentences", async () => {
    expect(await plain(<PasswordResetEmail {...PasswordResetEmail.PreviewProps} />)).toMatch(
      /valable 1 heure[\s\S]*Si vous n'êtes pas à l'origine de cette demande, ignorez ce message\./,
    );
    expect(await plain(<StaffInvitationEmail {...StaffInvitationEmail.PreviewProps} />)).toContain("valable 72 heures");
    expect(await plain(<AccountVerifiedEmail {...AccountVerifiedEmail.PreviewProps} />)).toContain("c3594e0f");
    expect(await plain(<AccountRejectedEmail {...AccountRejectedEmail.PreviewProps} />)).toContain("illisible");
    for (const email of [<AccountRejectedEmail key="r" {...AccountRejectedEmail.PreviewProps} />, <PasswordChangedEmail key="p" {...PasswordChangedEmail.PreviewProps} />]) {
      expect(await plain(email)).toMatch(/le service au 04 67 36 07 51 ou par mail à jeunesse@avant-monts\.fr(\s*<[^>]*>)?\s*\./);
    }
    // The person is greeted by name where the caller knows it, plainly where not.
    expect(await plain(<RegistrationConfirmEmail {...RegistrationConfirmEmail.PreviewProps} />)).toContain("Bonjour Marie,");
    expect(await plain(<PasswordResetEmail {...PasswordResetEmail.PreviewProps} firstName={undefined} />)).toContain("Bonjour,");
    const already = await plain(<AccountAlreadyExistsEmail {...AccountAlreadyExistsEmail.PreviewProps} />);
    expect(already).toContain("mais vous avez déjà un compte sur le Portail Famille.");
    expect(already).toContain("/mot-de-passe/oublie");

    const started = await plain(<PaymentStartedEmail {...PaymentStartedEmail.PreviewProps} />);
    expect(started).toContain("Bonjour Marie,");
    expect(started).toContain(
      "Vous avez commencé le paiement en ligne de la facture N° 9577, d'un montant de 8,00 €, sur le site de paiement DGFiP / PayFiP.",
    );
    expect(paymentStartedSubject({ invoiceNumber: 9577 })).toBe("Facture N° 9577 : paiement en ligne en cours");

    const paid = await plain(<PaymentResultEmail {...PaymentResultEmail.PreviewProps} />);
    expect(paid).toContain("Votre paiement en ligne (DGFiP / PayFiP) de 8,00 € pour la facture N° 9577 a bien été reçu.");
    const refused = await plain(<PaymentResultEmail {...PaymentResultEmail.PreviewProps} outcome="refused" />);
    expect(refused).toContain("Le paiement en ligne (DGFiP / PayFiP) de la facture N° 9577, d'un montant de 8,00 €, a été refusé.");
    const credited = await plain(<PaymentResultEmail {...PaymentResultEmail.PreviewProps} outcome="credited" reason="La facture était déjà réglée" />);
    expect(credited).toContain("pour la facture N° 9577. La facture était déjà réglée. Cette somme n'est pas perdue");
    expect(paymentResultSubject({ outcome: "credited", invoiceNumber: 9577 })).toBe("Facture N° 9577 : paiement reçu, conservé en avoir");
  });
});
