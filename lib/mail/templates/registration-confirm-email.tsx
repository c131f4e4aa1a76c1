import { TOKEN_TTL_MINUTES } from "@/lib/auth/tokens";
import type { AuthoritySettingsDto } from "@/lib/settings";
import { ActionLink, EmailLayout, formatValidity, Paragraph, PREVIEW_APP_URL, PREVIEW_SETTINGS } from "./email-layout";

export type RegistrationConfirmEmailProps = { settings: AuthoritySettingsDto; url: string; firstName?: string };

/** Subject used by the caller: "Inscription Portail Famille". */
export function RegistrationConfirmEmail({ settings, url, firstName }: RegistrationConfirmEmailProps) {
  return (
    <EmailLayout settings={settings} preview={`Confirmez votre inscription au ${settings.portalName}.`}>
      <Paragraph>{firstName ? `Bonjour ${firstName},` : "Bonjour,"}</Paragraph>
      <Paragraph>Veuillez confirmer votre inscription en cliquant sur le lien ci-dessous :</Paragraph>
      <ActionLink href={url}>Confirmer inscription</ActionLink>
      <Paragraph>
        Ce lien est valable {formatValidity(TOKEN_TTL_MINUTES.EMAIL_CONFIRMATION)}. Une fois votre adresse confirmée, le
        service vérifiera votre pièce d&apos;identité avant de relier votre compte à votre famille.
      </Paragraph>
      <Paragraph>Si vous n&apos;êtes pas à l&apos;origine de cette inscription, ignorez ce message.</Paragraph>
    </EmailLayout>
  );
}

RegistrationConfirmEmail.PreviewProps = {
  settings: PREVIEW_SETTINGS,
  firstName: "Marie",
  url: `${PREVIEW_APP_URL}/inscription/confirmer?token=exemple-de-jeton`,
} satisfies RegistrationConfirmEmailProps;
