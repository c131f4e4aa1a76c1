import { Link } from "@react-email/components";
import type { AuthoritySettingsDto } from "@/lib/settings";
import { ActionLink, EmailLayout, linkStyle, Paragraph, PREVIEW_APP_URL, PREVIEW_SETTINGS } from "./email-layout";

export type AccountAlreadyExistsEmailProps = { settings: AuthoritySettingsDto; loginUrl: string; resetUrl: string };

/**
 * Sent instead of a confirmation when the address already has an account,
 * so that the registration page never reveals which addresses are known.
 */
export function AccountAlreadyExistsEmail({ settings, loginUrl, resetUrl }: AccountAlreadyExistsEmailProps) {
  return (
    <EmailLayout settings={settings} preview={`Vous avez déjà un compte sur le ${settings.portalName}.`}>
      <Paragraph>Bonjour,</Paragraph>
      <Paragraph>
        Une demande d&apos;inscription a été faite avec votre adresse, mais vous avez déjà un compte sur le{" "}
        {settings.portalName}. Aucun nouveau compte n&apos;a été créé.
      </Paragraph>
      <Paragraph>Connectez-vous avec votre identifiant ou votre adresse mail :</Paragraph>
      <ActionLink href={loginUrl}>Se connecter</ActionLink>
      <Paragraph>
        Mot de passe oublié ?{" "}
        <Link href={resetUrl} style={linkStyle}>
          Réinitialiser mon mot de passe
        </Link>
      </Paragraph>
      <Paragraph>
        Si vous n&apos;êtes pas à l&apos;origine de cette demande, ignorez ce message : votre compte n&apos;a pas été
        modifié.
      </Paragraph>
    </EmailLayout>
  );
}

AccountAlreadyExistsEmail.PreviewProps = {
  settings: PREVIEW_SETTINGS,
  loginUrl: `${PREVIEW_APP_URL}/connexion`,
  resetUrl: `${PREVIEW_APP_URL}/mot-de-passe/oublie`,
} satisfies AccountAlreadyExistsEmailProps;
