import type { AuthoritySettingsDto } from "@/lib/settings";
import { ActionLink, EmailLayout, Paragraph, PREVIEW_APP_URL, PREVIEW_SETTINGS } from "./email-layout";

export type ReviewDecisionEmailProps = {
  settings: AuthoritySettingsDto;
  firstName: string;
  /** A document sent to the service, or a démarche administrative. */
  kind: "document" | "request";
  /** "Justificatif de domicile", "Changement d'adresse". */
  label: string;
  decision: "VALIDATED" | "REFUSED";
  reason?: string | null;
  portalUrl: string;
  unsubscribeUrl: string;
};

export function reviewDecisionSubject({ kind, decision }: Pick<ReviewDecisionEmailProps, "kind" | "decision">) {
  const what = kind === "document" ? "Votre document" : "Votre demande";
  return `${what} a été ${decision === "VALIDATED" ? (kind === "document" ? "validé" : "acceptée") : kind === "document" ? "refusé" : "refusée"}`;
}

/** The service's decision on a document or a request, with the reason when refused. A service email: it can be unsubscribed from. */
export function ReviewDecisionEmail({
  settings,
  firstName,
  kind,
  label,
  decision,
  reason,
  portalUrl,
  unsubscribeUrl,
}: ReviewDecisionEmailProps) {
  const subject = reviewDecisionSubject({ kind, decision });
  const what = kind === "document" ? `Le document « ${label} »` : `Votre demande « ${label} »`;
  const outcome =
    decision === "VALIDATED"
      ? kind === "document"
        ? "a été validé par le service."
        : "a été acceptée par le service : les informations de votre famille sont à jour."
      : kind === "document"
        ? "a été refusé par le service."
        : "a été refusée par le service.";
  return (
    <EmailLayout settings={settings} preview={subject} unsubscribe={{ url: unsubscribeUrl, kind: "service" }}>
      <Paragraph>Bonjour {firstName},</Paragraph>
      <Paragraph>
        {what} {outcome}
      </Paragraph>
      {decision === "REFUSED" && reason ? <Paragraph>Motif : {reason}</Paragraph> : null}
      {decision === "REFUSED" ? (
        <Paragraph>
          {kind === "document"
            ? "Vous pouvez envoyer un nouveau document depuis Mon espace."
            : "Vous pouvez faire une nouvelle demande depuis « Démarches administratives »."}
        </Paragraph>
      ) : null}
      <ActionLink href={portalUrl}>Ouvrir le {settings.portalName}</ActionLink>
    </EmailLayout>
  );
}

ReviewDecisionEmail.PreviewProps = {
  settings: PREVIEW_SETTINGS,
  firstName: "Marie",
  kind: "document",
  label: "Justificatif de domicile",
  decision: "REFUSED",
  reason: "Le justificatif date de plus de 3 mois.",
  portalUrl: `${PREVIEW_APP_URL}/accueil?onglet=fichiers`,
  unsubscribeUrl: `${PREVIEW_APP_URL}/desinscription?u=demo&s=demo`,
} satisfies ReviewDecisionEmailProps;
