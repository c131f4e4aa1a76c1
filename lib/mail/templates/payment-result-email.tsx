import type { AuthoritySettingsDto } from "@/lib/settings";
import { ActionLink, EmailLayout, Paragraph, PREVIEW_APP_URL, PREVIEW_SETTINGS } from "./email-layout";

export type PaymentOutcome = "paid" | "refused" | "abandoned" | "expired" | "credited";

export type PaymentResultEmailProps = {
  settings: AuthoritySettingsDto;
  outcome: PaymentOutcome;
  invoiceNumber: number;
  amount: string;
  invoicesUrl: string;
  /** The recipient's first name when the address is a parent account's; a payer without an account gets "Bonjour," */
  firstName?: string | null;
  /** Part of a late payment that could not book its days and is kept as credit */
  credit?: string;
  /** Why a payment went to the credit instead of the invoice */
  reason?: string;
  /** The account's service-emails link; none for a payer without an account (see lib/billing/notify.ts) */
  unsubscribeUrl?: string | null;
};

const HEADLINES: Record<PaymentOutcome, string> = {
  paid: "Paiement accepté",
  refused: "Paiement refusé",
  abandoned: "Paiement abandonné",
  expired: "Paiement non abouti",
  credited: "Paiement conservé en avoir",
};

const SUBJECT_ENDS: Record<PaymentOutcome, string> = {
  paid: "paiement reçu",
  refused: "paiement refusé",
  abandoned: "paiement abandonné",
  expired: "paiement non abouti",
  credited: "paiement reçu, conservé en avoir",
};

/** "Facture N° 9577 : paiement reçu": the invoice first, so a mailbox sorted by subject groups a bill's messages. */
export function paymentResultSubject({ outcome, invoiceNumber }: Pick<PaymentResultEmailProps, "outcome" | "invoiceNumber">) {
  return `Facture N° ${invoiceNumber} : ${SUBJECT_ENDS[outcome]}`;
}

const NOT_THROUGH: Record<"refused" | "abandoned" | "expired", string> = {
  refused: "a été refusé",
  abandoned: "a été abandonné avant sa fin",
  expired: "n'a pas abouti",
};

/** The final state of a PayFiP payment: a receipt, sent even to a parent who turned service emails off. */
export function PaymentResultEmail({
  settings,
  outcome,
  invoiceNumber,
  amount,
  invoicesUrl,
  firstName,
  credit,
  reason,
  unsubscribeUrl,
}: PaymentResultEmailProps) {
  return (
    <EmailLayout
      settings={settings}
      preview={`${HEADLINES[outcome]} — facture N° ${invoiceNumber}`}
      unsubscribe={unsubscribeUrl ? { url: unsubscribeUrl, kind: "receipt" } : undefined}
    >
      <Paragraph>{firstName ? `Bonjour ${firstName},` : "Bonjour,"}</Paragraph>
      <Paragraph>
        <strong>{HEADLINES[outcome]}</strong>
      </Paragraph>
      {outcome === "paid" ? (
        <>
          <Paragraph>
            Votre paiement en ligne (DGFiP / PayFiP) de {amount} pour la facture N° {invoiceNumber} a bien été reçu. Vos
            réservations sont confirmées.
          </Paragraph>
          {credit ? (
            <Paragraph>
              Certaines journées n&apos;étaient plus disponibles lorsque le paiement est arrivé : {credit} sont conservés
              en avoir sur votre compte famille. Le service vous contactera.
            </Paragraph>
          ) : null}
          <Paragraph>
            Attention : une fois le paiement effectué, la réservation est effective et ne peut prétendre à aucun
            remboursement.
          </Paragraph>
        </>
      ) : outcome === "credited" ? (
        <>
          <Paragraph>
            {`Nous avons bien reçu votre paiement en ligne (DGFiP / PayFiP) de ${amount} pour la facture N° ${invoiceNumber}.`}
            {reason ? ` ${reason}.` : null} Cette somme n&apos;est pas perdue : elle est conservée en avoir sur votre compte
            famille.
          </Paragraph>
          <Paragraph>
            Vous pouvez l&apos;utiliser sur une prochaine facture depuis la page Factures, ou demander son remboursement au
            service, qui a été prévenu.
          </Paragraph>
        </>
      ) : (
        <Paragraph>
          Le paiement en ligne (DGFiP / PayFiP) de la facture N° {invoiceNumber}, d&apos;un montant de {amount},{" "}
          {NOT_THROUGH[outcome]}. Aucune somme n&apos;a été prélevée. Vous pouvez réessayer tant que la réservation est en
          attente, ou régler au guichet du service.
        </Paragraph>
      )}
      <ActionLink href={invoicesUrl}>Voir mes factures</ActionLink>
    </EmailLayout>
  );
}

PaymentResultEmail.PreviewProps = {
  settings: PREVIEW_SETTINGS,
  outcome: "paid",
  invoiceNumber: 9577,
  amount: "8,00 €",
  invoicesUrl: `${PREVIEW_APP_URL}/factures`,
  firstName: "Marie",
  unsubscribeUrl: `${PREVIEW_APP_URL}/desinscription?u=demo&s=demo`,
} satisfies PaymentResultEmailProps;
