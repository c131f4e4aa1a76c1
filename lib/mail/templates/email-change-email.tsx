import type { AuthoritySettingsDto } from "@/lib/settings";
import { ActionLink, EmailLayout, formatValidity, Paragraph, PREVIEW_APP_URL, PREVIEW_SETTINGS } from "./email-layout";

export type EmailChangeEmailProps = {
  settings: AuthoritySettingsDto;
  firstName: string;
  newEmail: string;
  confirmUrl: string;
  validityMinutes: number;
};

/** Sent to the new address: the change only counts once this link is followed. An account email, always sent. */
export function EmailChangeEmail({ settings, firstName, newEmail, confirmUrl, validityMinutes }: EmailChangeEmailProps) {
  return (
    <EmailLayout settings={settings} preview="Confirmez votre nouvelle adresse mail.">
      <Paragraph>Bonjour {firstName},</Paragraph>
      <Paragraph>
        Vous avez demandé à utiliser l&apos;adresse {newEmail} pour votre compte du {settings.portalName}. Confirmez-la
        en suivant ce lien, valable {formatValidity(validityMinutes)} :
      </Paragraph>
      <ActionLink href={confirmUrl}>Confirmer ma nouvelle adresse</ActionLink>
      <Paragraph>Si vous n&apos;êtes pas à l&apos;origine de cette demande, ignorez ce message : rien ne change.</Paragraph>
    </EmailLayout>
  );
}

EmailChangeEmail.PreviewProps = {
  settings: PREVIEW_SETTINGS,
  firstName: "Marie",
  newEmail: "marie.nouvelle@exemple.fr",
  confirmUrl: `${PREVIEW_APP_URL}/email/confirmer?jeton=demo`,
  validityMinutes: 24 * 60,
} satisfies EmailChangeEmailProps;
