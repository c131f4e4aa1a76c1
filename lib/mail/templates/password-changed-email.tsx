import type { AuthoritySettingsDto } from "@/lib/settings";
import { EmailLayout, Paragraph, PREVIEW_SETTINGS, ServiceContact } from "./email-layout";

export type PasswordChangedEmailProps = { settings: AuthoritySettingsDto; firstName: string };

/** A security notice: the owner learns of a change they did not make. */
export function PasswordChangedEmail({ settings, firstName }: PasswordChangedEmailProps) {
  return (
    <EmailLayout settings={settings} preview="Le mot de passe de votre compte a été modifié.">
      <Paragraph>Bonjour {firstName},</Paragraph>
      <Paragraph>
        Le mot de passe de votre compte sur le {settings.portalName} vient d&apos;être modifié. Vos autres sessions
        ouvertes ont été fermées.
      </Paragraph>
      <Paragraph>Si vous êtes à l&apos;origine de ce changement, vous n&apos;avez rien à faire.</Paragraph>
      <Paragraph>
        Sinon, réinitialisez sans attendre votre mot de passe depuis la page de connexion (« Mot de passe oublié ? »)
        et prévenez le service
        <ServiceContact settings={settings} />.
      </Paragraph>
    </EmailLayout>
  );
}

PasswordChangedEmail.PreviewProps = {
  settings: PREVIEW_SETTINGS,
  firstName: "Marie",
} satisfies PasswordChangedEmailProps;
