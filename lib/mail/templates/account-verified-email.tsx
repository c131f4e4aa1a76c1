import { Text } from "@react-email/components";
import type { AuthoritySettingsDto } from "@/lib/settings";
import { ActionLink, colors, EmailLayout, Paragraph, PREVIEW_APP_URL, PREVIEW_SETTINGS } from "./email-layout";

export type AccountVerifiedEmailProps = {
  settings: AuthoritySettingsDto;
  identifiant: string;
  loginUrl: string;
  firstName: string;
};

/** The identity check is done and the account now sees the family's information. */
export function AccountVerifiedEmail({ settings, identifiant, loginUrl, firstName }: AccountVerifiedEmailProps) {
  return (
    <EmailLayout settings={settings} preview="Votre compte est activé : vous avez accès aux informations de votre famille.">
      <Paragraph>Bonjour {firstName},</Paragraph>
      <Paragraph>
        Le service a vérifié votre identité : votre compte est maintenant relié à votre famille. Vous pouvez consulter
        les informations de votre foyer, réserver les journées de cantine et d&apos;accueil de loisirs et payer vos
        factures en ligne.
      </Paragraph>
      <Paragraph>Votre identifiant de connexion :</Paragraph>
      <Text
        style={{
          fontFamily: "'Courier New', Courier, monospace",
          fontSize: "22px",
          fontWeight: "bold",
          letterSpacing: "3px",
          color: colors.text,
          backgroundColor: "#f1f5f9",
          padding: "10px 14px",
          borderRadius: "6px",
          display: "inline-block",
          margin: "0 0 14px",
        }}
      >
        {identifiant}
      </Text>
      <Paragraph>
        Connectez-vous avec cet identifiant (ou votre adresse mail) et le mot de passe choisi lors de votre
        inscription.
      </Paragraph>
      <ActionLink href={loginUrl}>Se connecter</ActionLink>
    </EmailLayout>
  );
}

AccountVerifiedEmail.PreviewProps = {
  settings: PREVIEW_SETTINGS,
  identifiant: "c3594e0f",
  loginUrl: `${PREVIEW_APP_URL}/connexion`,
  firstName: "Marie",
} satisfies AccountVerifiedEmailProps;
