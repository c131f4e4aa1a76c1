import { Text } from "@react-email/components";
import type { AuthoritySettingsDto } from "@/lib/settings";
import { colors, EmailLayout, Paragraph, PREVIEW_SETTINGS, ServiceContact } from "./email-layout";

export type AccountRejectedEmailProps = { settings: AuthoritySettingsDto; firstName: string; reason: string };

export function AccountRejectedEmail({ settings, firstName, reason }: AccountRejectedEmailProps) {
  return (
    <EmailLayout settings={settings} preview={`Votre demande d'inscription au ${settings.portalName} n'a pas été acceptée.`}>
      <Paragraph>Bonjour {firstName},</Paragraph>
      <Paragraph>
        Le service n&apos;a pas pu accepter votre demande d&apos;inscription au {settings.portalName}, pour le motif
        suivant :
      </Paragraph>
      <Text
        style={{
          fontSize: "15px",
          lineHeight: "23px",
          margin: "0 0 14px",
          padding: "10px 14px",
          borderLeft: `4px solid ${colors.brand}`,
          backgroundColor: "#f1f5f9",
          whiteSpace: "pre-line",
        }}
      >
        {reason}
      </Text>
      <Paragraph>
        Pour toute question, ou pour transmettre un nouveau justificatif, contactez le service
        <ServiceContact settings={settings} />.
      </Paragraph>
    </EmailLayout>
  );
}

AccountRejectedEmail.PreviewProps = {
  settings: PREVIEW_SETTINGS,
  firstName: "Karim",
  reason: "La pièce d'identité envoyée est illisible. Merci de vous réinscrire avec une photo nette du recto.",
} satisfies AccountRejectedEmailProps;
