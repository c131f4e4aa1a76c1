import type { AuthoritySettingsDto } from "@/lib/settings";
import { ActionLink, EmailLayout, Paragraph, PREVIEW_APP_URL, PREVIEW_SETTINGS } from "./email-layout";

export type TaxCertificateEmailProps = {
  settings: AuthoritySettingsDto;
  year: number;
  /** Factures › Attestations */
  url: string;
};

export function taxCertificateSubject(year: number) {
  return `Votre attestation fiscale ${year} est disponible`;
}

/**
 * The yearly tax certificate is ready. The same message for every family
 * (no name, no amount: the figures stay behind the login), so a batch
 * renders it once. Not a service email one can opt out of: it brings a
 * document the family needs for its tax return, as a payment's receipt does.
 */
export function TaxCertificateEmail({ settings, year, url }: TaxCertificateEmailProps) {
  const subject = taxCertificateSubject(year);
  return (
    <EmailLayout settings={settings} preview={subject}>
      <Paragraph>Bonjour,</Paragraph>
      <Paragraph>
        Votre attestation fiscale {year} pour les frais de garde de vos enfants de moins de 6 ans est disponible dans votre espace famille, rubrique
        Factures › Attestations. Elle indique les sommes payées en {year} à déclarer au titre de l&apos;article 200 quater B du code général des impôts.
      </Paragraph>
      <ActionLink href={url}>Voir mes attestations</ActionLink>
    </EmailLayout>
  );
}

TaxCertificateEmail.PreviewProps = {
  settings: PREVIEW_SETTINGS,
  year: 2026,
  url: `${PREVIEW_APP_URL}/factures/attestations`,
} satisfies TaxCertificateEmailProps;
