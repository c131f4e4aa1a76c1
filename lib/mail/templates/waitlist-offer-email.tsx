import type { AuthoritySettingsDto } from "@/lib/settings";
import { ActionLink, EmailLayout, Paragraph, PREVIEW_APP_URL, PREVIEW_SETTINGS } from "./email-layout";

export type WaitlistOfferEmailProps = {
  settings: AuthoritySettingsDto;
  firstName: string;
  /** "lundi 15 février 2027" */
  dayLabel: string;
  productName: string;
  /** The children the place is offered to, "Emma et Lucas" */
  children: string;
  /** "13/02/2027 à 18:00", Paris time: when the offer lapses */
  expiresAt: string;
  offerUrl: string;
};

export function waitlistOfferSubject({ dayLabel, productName }: Pick<WaitlistOfferEmailProps, "dayLabel" | "productName">) {
  return `Une place s'est libérée le ${dayLabel} (${productName})`;
}

/**
 * A place freed on a day a child waits for: it is kept for the family until
 * `expiresAt`, then offered to the next. Always sent (no unsubscribe): the
 * family asked to be told, and the offer lapses if they are not.
 */
export function WaitlistOfferEmail({ settings, firstName, dayLabel, productName, children, expiresAt, offerUrl }: WaitlistOfferEmailProps) {
  const subject = waitlistOfferSubject({ dayLabel, productName });
  return (
    <EmailLayout settings={settings} preview={subject}>
      <Paragraph>Bonjour {firstName},</Paragraph>
      <Paragraph>
        Une place s&apos;est libérée le {dayLabel} ({productName}) pour {children} (liste d&apos;attente).
        Elle vous est réservée jusqu&apos;au {expiresAt}. Passé ce délai, elle sera proposée à la famille suivante.
      </Paragraph>
      <Paragraph>Acceptez-la pour recevoir la facture à payer, ou refusez-la pour la laisser à une autre famille.</Paragraph>
      <ActionLink href={offerUrl}>Voir la proposition</ActionLink>
    </EmailLayout>
  );
}

WaitlistOfferEmail.PreviewProps = {
  settings: PREVIEW_SETTINGS,
  firstName: "Claire",
  dayLabel: "lundi 15 février 2027",
  productName: "Centre des Pins",
  children: "Emma",
  expiresAt: "13/02/2027 à 18:00",
  offerUrl: `${PREVIEW_APP_URL}/demandes/liste-attente`,
} satisfies WaitlistOfferEmailProps;
