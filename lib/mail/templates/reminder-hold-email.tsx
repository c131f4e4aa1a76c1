import type { AuthoritySettingsDto } from "@/lib/settings";
import { ActionLink, EmailLayout, Paragraph, PREVIEW_APP_URL, PREVIEW_SETTINGS } from "./email-layout";

export type ReminderHoldEmailProps = {
  settings: AuthoritySettingsDto;
  firstName: string;
  invoiceNumber: number;
  /** "8,00 €" */
  amount: string;
  /** "10:15", Paris time: when the held places are let go */
  heldUntil: string;
  payUrl: string;
  unsubscribeUrl: string;
};

export function reminderHoldSubject({ invoiceNumber, heldUntil }: Pick<ReminderHoldEmailProps, "invoiceNumber" | "heldUntil">) {
  return `Réservation en attente de paiement (facture N° ${invoiceNumber}) : à payer avant ${heldUntil}`;
}

/** A pending invoice's hold ends in a few minutes. A reminder: opt-in, unsubscribable. */
export function ReminderHoldEmail({ settings, firstName, invoiceNumber, amount, heldUntil, payUrl, unsubscribeUrl }: ReminderHoldEmailProps) {
  const subject = reminderHoldSubject({ invoiceNumber, heldUntil });
  return (
    <EmailLayout settings={settings} preview={subject} unsubscribe={{ url: unsubscribeUrl, kind: "rappels" }}>
      <Paragraph>Bonjour {firstName},</Paragraph>
      <Paragraph>
        Votre réservation (facture N° {invoiceNumber}, {amount}) n&apos;est pas encore payée. Les places sont gardées
        jusqu&apos;à {heldUntil} ; passé cette heure, elles seront libérées et la facture annulée.
      </Paragraph>
      <ActionLink href={payUrl}>Payer ma réservation</ActionLink>
      <Paragraph>Si vous avez déjà payé, ne tenez pas compte de ce message.</Paragraph>
    </EmailLayout>
  );
}

ReminderHoldEmail.PreviewProps = {
  settings: PREVIEW_SETTINGS,
  firstName: "Claire",
  invoiceNumber: 9577,
  amount: "8,00 €",
  heldUntil: "10:15",
  payUrl: `${PREVIEW_APP_URL}/demandes/reservation/attente/demo`,
  unsubscribeUrl: `${PREVIEW_APP_URL}/desinscription?u=demo&s=demo&k=rappels`,
} satisfies ReminderHoldEmailProps;
