import { TOKEN_TTL_MINUTES } from "@/lib/auth/tokens";
import type { AuthoritySettingsDto } from "@/lib/settings";
import { ActionLink, EmailLayout, formatValidity, Paragraph, PREVIEW_APP_URL, PREVIEW_SETTINGS } from "./email-layout";

export type PasswordResetEmailProps = { settings: AuthoritySettingsDto; url: string; firstName?: string };

export function PasswordResetEmail({ settings, url, firstName }: PasswordResetEmailProps) {
  return (
    <EmailLayout settings={settings} preview="Réinitialisation de votre mot de passe">
      <Paragraph>{firstName ? `Bonjour ${firstName},` : "Bonjour,"}</Paragraph>
      <Paragraph>
        Vous avez demandé à réinitialiser le mot de passe de votre compte sur le {settings.portalName}. Cliquez sur le
        lien ci-dessous pour en choisir un nouveau :
      </Paragraph>
      <ActionLink href={url}>Choisir un nouveau mot de passe</ActionLink>
      <Paragraph>
        Ce lien est valable {formatValidity(TOKEN_TTL_MINUTES.PASSWORD_RESET)} et ne peut servir qu&apos;une fois.
      </Paragraph>
      <Paragraph>Si vous n&apos;êtes pas à l&apos;origine de cette demande, ignorez ce message.</Paragraph>
    </EmailLayout>
  );
}

PasswordResetEmail.PreviewProps = {
  settings: PREVIEW_SETTINGS,
  firstName: "Marie",
  url: `${PREVIEW_APP_URL}/mot-de-passe/nouveau?token=exemple-de-jeton`,
} satisfies PasswordResetEmailProps;
