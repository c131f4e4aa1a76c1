import type { ReactNode } from "react";
import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { AuthoritySettingsDto } from "@/lib/settings";

export const colors = { brand: "#173c93", text: "#1e293b", muted: "#475569", border: "#e2e8f0" } as const;

const footerText = { margin: 0, fontSize: "13px", lineHeight: "19px" } as const;

/** Realistic settings for template previews and tests (the seed manual's authority). */
export const PREVIEW_SETTINGS: AuthoritySettingsDto = {
  name: "Communauté de communes Les Avant-Monts",
  portalName: "Portail Famille",
  address1: "ZAE L'Audacieuse",
  address2: null,
  postalCode: "34480",
  city: "Magalas",
  phone: "04 67 36 07 51",
  email: "jeunesse@avant-monts.fr",
  website: "https://www.avant-monts.fr",
  openingHours: { lundi: "08:00-12:00 13:30-17:30" },
  regieName: "Régie Enfance-Jeunesse",
  regieReference: "",
  siret: "",
  paymentTermDays: 30,
  legalNotice: "",
  accessibility: "",
  cgu: "",
  userGuide: "",
};

export const PREVIEW_APP_URL = "https://famille.avant-monts.fr";

/**
 * Links are underlined everywhere, the footer's too: colour alone does not
 * tell a link from text (RGAA 10.6). Both properties, because react-email's
 * Link sets `text-decoration-line: none` and some clients read only one.
 */
export const linkStyle = { color: colors.brand, textDecorationLine: "underline", textDecoration: "underline" } as const;

/** "Portail Famille — Communauté de communes …": the emails' heading and the name the footer gives the portal. */
export function portalTitle(settings: Pick<AuthoritySettingsDto, "portalName" | "name">): string {
  return `${settings.portalName} — ${settings.name}`;
}

/**
 * What the footer's "Désinscription" link turns off, and so what the footer
 * says: service emails (documents and démarches handled, an online payment
 * started), reminders, or, on a payment's result, which is always sent, the
 * other service emails.
 */
export type UnsubscribeFooter = "service" | "receipt" | "rappels";

/**
 * The frame every email shares, as in the seed manual: the portal's heading,
 * the message, then the authority's contact block. The unsubscribe line only
 * appears on messages a person can opt out of (not on account and security
 * messages, which must always reach them). The `<title>` is the subject,
 * added when the message is queued (lib/mail `renderEmail`).
 */
export function EmailLayout({
  settings,
  preview,
  children,
  unsubscribe,
}: {
  settings: AuthoritySettingsDto;
  preview: string;
  children: ReactNode;
  unsubscribe?: { url: string; kind: UnsubscribeFooter };
}) {
  const portal = portalTitle(settings);
  const link = unsubscribe ? (
    <Link href={unsubscribe.url} style={linkStyle}>
      Désinscription
    </Link>
  ) : null;
  return (
    <Html lang="fr" dir="ltr">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#f1f5f9", fontFamily: "Arial, Helvetica, sans-serif", color: colors.text, margin: 0 }}>
        <Container style={{ maxWidth: "600px", margin: "0 auto", padding: "24px 12px" }}>
          <Section style={{ backgroundColor: "#ffffff", borderRadius: "8px", padding: "24px", border: `1px solid ${colors.border}` }}>
            <Heading as="h1" style={{ fontSize: "22px", lineHeight: "28px", margin: "0 0 16px", color: colors.brand }}>
              {portal}
            </Heading>
            {children}
          </Section>
          <Section style={{ padding: "16px 8px 0", fontSize: "13px", lineHeight: "19px", color: colors.muted }}>
            <Text style={{ ...footerText, fontWeight: "bold", textTransform: "uppercase", color: colors.text }}>
              {settings.name}
            </Text>
            <Text style={footerText}>
              {settings.address1}
              {settings.address2 ? (
                <>
                  <br />
                  {settings.address2}
                </>
              ) : null}
              <br />
              {settings.postalCode} {settings.city}
            </Text>
            {settings.phone ? <Text style={footerText}>{settings.phone}</Text> : null}
            {settings.email ? (
              <Text style={footerText}>
                <Link href={`mailto:${settings.email}`} style={linkStyle}>
                  {settings.email}
                </Link>
              </Text>
            ) : null}
            {unsubscribe ? (
              <>
                <Hr style={{ borderColor: colors.border, margin: "16px 0" }} />
                <Text style={{ ...footerText, fontSize: "12px" }}>
                  {unsubscribe.kind === "rappels" ? (
                    <>
                      Vous recevez ce rappel parce que vous l&apos;avez demandé dans Mon espace, sur le {portal}. Pour ne
                      plus recevoir les rappels : {link}.
                    </>
                  ) : unsubscribe.kind === "receipt" ? (
                    <>
                      Vous recevez cet e-mail parce que vous avez un compte sur le {portal}. Le résultat d&apos;un
                      paiement vous est toujours envoyé, car il confirme une opération sur votre compte famille. Pour ne
                      plus recevoir les autres e-mails du service (documents et démarches traités, paiements en ligne
                      commencés) : {link}. Vous pourrez les recevoir à nouveau depuis Mon espace.
                    </>
                  ) : (
                    <>
                      Vous recevez cet e-mail parce que vous avez un compte sur le {portal}. Pour ne plus recevoir les
                      e-mails du service (documents et démarches traités, paiements en ligne commencés) : {link}. Vous
                      pourrez les recevoir à nouveau depuis Mon espace.
                    </>
                  )}
                </Text>
              </>
            ) : null}
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

/** " au 04 …  ou par mail à …": how to reach the service, from what its settings give. */
export function ServiceContact({ settings }: { settings: AuthoritySettingsDto }) {
  return (
    <>
      {settings.phone ? <> au {settings.phone}</> : null}
      {settings.email ? (
        <>
          {settings.phone ? " ou" : ""} par mail à{" "}
          <Link href={`mailto:${settings.email}`} style={linkStyle}>
            {settings.email}
          </Link>
        </>
      ) : null}
    </>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={{ fontSize: "15px", lineHeight: "23px", margin: "0 0 14px" }}>{children}</Text>;
}

/**
 * The call to action, followed by the address spelled out: some mail
 * clients strip buttons, and a person may need to copy the link.
 */
export function ActionLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Section style={{ margin: "8px 0 18px" }}>
      <Button
        href={href}
        style={{
          backgroundColor: colors.brand,
          color: "#ffffff",
          fontWeight: "bold",
          fontSize: "15px",
          padding: "12px 20px",
          borderRadius: "6px",
          textDecoration: "underline",
        }}
      >
        {children}
      </Button>
      {/* The text version already shows the address beside the link. */}
      <Text
        data-skip-in-text="true"
        style={{ fontSize: "12px", lineHeight: "18px", color: colors.muted, margin: "10px 0 0" }}
      >
        Si le lien ne s&apos;ouvre pas, copiez cette adresse dans votre navigateur :{" "}
        <span style={{ wordBreak: "break-all" }}>{href}</span>
      </Text>
    </Section>
  );
}

/** "1 heure", "48 heures", from the token lifetimes so the text never drifts from the rule. */
export function formatValidity(minutes: number): string {
  const hours = minutes / 60;
  if (Number.isInteger(hours)) return hours === 1 ? "1 heure" : `${hours} heures`;
  return `${minutes} minutes`;
}
