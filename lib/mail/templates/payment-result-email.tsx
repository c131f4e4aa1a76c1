import type { AuthoritySettingsDto } from "@/lib/settings";
import { ActionLink, EmailLayout, Paragraph, PREVIEW_APP_URL, PREVIEW_SETTINGS } from "./email-layout";

export type PaymentOutcome = "paid" | "refused" | "abandoned" | "expired" | "credited";

export type PaymentResultEmailProps = {
  settings: AuthoritySettingsDto;
  outcome: PaymentOutcome;
  invoiceNumber: number;
  amount: string;
  invoicesUrl: string;
  /** Part of a late payment that could not book its days and is kept as credit */
  credit?: string;
  /** Why a payment went to the credit instead of the invoice */
  reason?: string;
};

const HEADLINES: Record<PaymentOutcome, string> = {
  paid: "Paiement accepté",
  refused: "Paiement refusé",
  abandoned: "Paiement abandonné",
  expired: "Paiement non abouti",
  credited: "Paiement conservé en avoir",
};

/** The final state of a PayFiP payment. */
export function PaymentResultEmail({ settings, outcome, invoiceNumber, amount, invoicesUrl, credit, reason }: PaymentResultEmailProps) {
  return (
    <EmailLayout settings={settings} preview={`${HEADLINES[outcome]} — facture N° ${invoiceNumber}`}>
      <Paragraph>
        <strong>{HEADLINES[outcome]}</strong>
      </Paragraph>
      {outcome === "paid" ? (
        <>
          <Paragraph>
            Votre paiement de {amount} pour la facture N° {invoiceNumber} a bien été reçu. Vos réservations sont
            confirmées.
          </Paragraph>
          {credit ? (
            <Paragraph>
              Certaines journées n&apos;étaient plus disponibles lorsque le paiement est arrivé : {credit} sont conservés
              en avoir sur votre compte famille. Le service vous contactera.
            </Paragraph>
          ) : null}
          <Paragraph>Attention : une fois le paiement effectué, la réservation est effective et ne peut prétendre à aucun remboursement.</Paragraph>
        </>
      ) : outcome === "credited" ? (
        <>
          <Paragraph>
            Nous avons bien reçu votre paiement de {amount}. {reason ? `${reason}.` : null} Cette somme n&apos;est pas
            perdue : elle est conservée en avoir sur votre compte famille.
          </Paragraph>
          <Paragraph>
            Vous pouvez l&apos;utiliser sur une prochaine facture depuis la page Factures, ou demander son remboursement au
            service, qui a été prévenu.
          </Paragraph>
        </>
      ) : (
        <Paragraph>
          Le paiement de la facture N° {invoiceNumber} ({amount}) n&apos;a pas abouti. Aucune somme n&apos;a été prélevée.
          Vous pouvez réessayer tant que la réservation est en attente, ou régler au guichet du service.
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
} satisfies PaymentResultEmailProps;
