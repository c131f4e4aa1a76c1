import type { AuthoritySettingsDto } from "@/lib/settings";
import { EmailLayout, Paragraph, PREVIEW_APP_URL, PREVIEW_SETTINGS } from "./email-layout";

export type PaymentStartedEmailProps = {
  settings: AuthoritySettingsDto;
  invoiceNumber: number;
  amount: string;
  /** The recipient's first name when the address is a parent account's; a payer without an account gets "Bonjour," */
  firstName?: string | null;
  /** The account's service-emails link; none for a payer without an account (see lib/billing/notify.ts) */
  unsubscribeUrl?: string | null;
};

export function paymentStartedSubject({ invoiceNumber }: Pick<PaymentStartedEmailProps, "invoiceNumber">) {
  return `Facture N° ${invoiceNumber} : paiement en ligne en cours`;
}

/**
 * The seed's "Initialisation du paiement PayFip", sent when the payer leaves
 * for PayFiP. A service email: a parent who turned those off does not get it.
 */
export function PaymentStartedEmail({ settings, invoiceNumber, amount, firstName, unsubscribeUrl }: PaymentStartedEmailProps) {
  return (
    <EmailLayout
      settings={settings}
      preview={`Paiement de la facture N° ${invoiceNumber} en cours`}
      unsubscribe={unsubscribeUrl ? { url: unsubscribeUrl, kind: "service" } : undefined}
    >
      <Paragraph>{firstName ? `Bonjour ${firstName},` : "Bonjour,"}</Paragraph>
      <Paragraph>
        <strong>Initialisation du paiement DGFiP / PayFiP</strong>
      </Paragraph>
      <Paragraph>
        Vous avez commencé le paiement en ligne de la facture N° {invoiceNumber}, d&apos;un montant de {amount}, sur le
        site de paiement DGFiP / PayFiP.
      </Paragraph>
      <Paragraph>Une fois le paiement terminé, vous recevrez un autre e-mail avec son résultat.</Paragraph>
    </EmailLayout>
  );
}

PaymentStartedEmail.PreviewProps = {
  settings: PREVIEW_SETTINGS,
  invoiceNumber: 9577,
  amount: "8,00 €",
  firstName: "Marie",
  unsubscribeUrl: `${PREVIEW_APP_URL}/desinscription?u=demo&s=demo`,
} satisfies PaymentStartedEmailProps;
