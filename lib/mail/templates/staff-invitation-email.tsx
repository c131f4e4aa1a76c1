import { TOKEN_TTL_MINUTES } from "@/lib/auth/tokens";
import type { AuthoritySettingsDto } from "@/lib/settings";
import { ActionLink, EmailLayout, formatValidity, Paragraph, portalTitle, PREVIEW_APP_URL, PREVIEW_SETTINGS } from "./email-layout";

export type StaffInvitationEmailProps = { settings: AuthoritySettingsDto; firstName: string; url: string };

/** The link is a password-reset token, hence its short lifetime. */
export function StaffInvitationEmail({ settings, firstName, url }: StaffInvitationEmailProps) {
  return (
    <EmailLayout settings={settings} preview={`Un compte agent a été créé pour vous sur le ${settings.portalName}.`}>
      <Paragraph>Bonjour {firstName},</Paragraph>
      <Paragraph>
        Un compte agent a été créé pour vous sur le {portalTitle(settings)}. Pour l&apos;activer, choisissez votre mot
        de passe avec le lien ci-dessous :
      </Paragraph>
      <ActionLink href={url}>Choisir mon mot de passe</ActionLink>
      <Paragraph>
        Ce lien est valable {formatValidity(TOKEN_TTL_MINUTES.STAFF_INVITATION)}. S&apos;il a expiré, utilisez « Mot de
        passe oublié ? » sur la page de connexion pour en recevoir un nouveau.
      </Paragraph>
    </EmailLayout>
  );
}

StaffInvitationEmail.PreviewProps = {
  settings: PREVIEW_SETTINGS,
  firstName: "Julie",
  url: `${PREVIEW_APP_URL}/mot-de-passe/nouveau?token=exemple-de-jeton`,
} satisfies StaffInvitationEmailProps;
