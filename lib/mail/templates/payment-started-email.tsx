import type { AuthoritySettingsDto } from "@/lib/settings";
import { EmailLayout, Paragraph, PREVIEW_SETTINGS } from "./email-layout";

export type PaymentStartedEmailProps = {
  settings: AuthoritySettingsDto;
  invoiceNumber: number;
  amount: string;
};

/** The seed's "Initialisation du paiement PayFip": sent when the payer leaves for PayFiP. */
export function PaymentStartedEmail({ settings, invoiceNumber, amount }: PaymentStartedEmailProps) {
  return (
    <EmailLayout settings={settings} preview={`Paiement de la facture N° ${invoiceNumber} en cours`}>
      <Paragraph>
        <strong>Initialisation du paiement PayFip</strong>
      </Paragraph>
      <Paragraph>Vous avez initié un paiement sur le portail de la DGFIP PayFip</Paragraph>
      <Paragraph>
        De la facture N° {invoiceNumber} d&apos;un montant de {amount}.
      </Paragraph>
      <Paragraph>Une fois votre paiement effectué, vous recevrez une notification de l&apos;état final de votre paiement.</Paragraph>
    </EmailLayout>
  );
}

PaymentStartedEmail.PreviewProps = { settings: PREVIEW_SETTINGS, invoiceNumber: 9577, amount: "8,00 €" } satisfies PaymentStartedEmailProps;
