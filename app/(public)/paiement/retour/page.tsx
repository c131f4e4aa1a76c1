import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth/dal";
import { describePaymentReturn } from "@/lib/billing/invoices";
import { formatCents } from "@/lib/format";
import { checkPayfipPayment } from "@/lib/payments";
import { Refresher } from "./refresher";

export const metadata: Metadata = { title: "Paiement en ligne" };

/**
 * Where PayFiP sends the payer back (with the idop). The result is asked of
 * PayFiP, never read from the URL; until it is known the page says so and
 * checks again by itself.
 */
export default async function PaymentReturnPage({ searchParams }: { searchParams: Promise<{ idop?: string; idOp?: string }> }) {
  const params = await searchParams;
  const idOp = params.idop ?? params.idOp ?? "";
  const outcome = /^[0-9a-fA-F-]{36}$/.test(idOp) ? await checkPayfipPayment(idOp, { minIntervalMs: 5_000 }) : null;
  const user = await getCurrentUser();
  const view = outcome ? await describePaymentReturn(idOp, outcome, user?.householdId ?? null) : null;
  const home = user?.householdId ? "/factures" : "/connexion";
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold text-slate-900">Paiement en ligne de la commune</h1>
      {!view ? (
        <Alert tone="error">Ce paiement est introuvable.</Alert>
      ) : view.status === "waiting" ? (
        <>
          <Alert tone="info" title="Votre paiement est en cours de traitement…">
            Votre paiement de {formatCents(view.amountCents)} (facture N° {view.invoiceNumber}) est en cours de traitement
            par la DGFIP, vous recevrez un mail de confirmation. Cette page se met à jour d&apos;elle-même.
          </Alert>
          <Refresher />
        </>
      ) : view.status === "credited" ? (
        <Alert tone="info">
          <p className="font-semibold">
            Paiement reçu, conservé en avoir : cette facture était déjà réglée ou annulée. La somme reste sur votre
            compte famille ; le service a été prévenu.
          </p>
          <p className="mt-1">
            Paiement de {formatCents(view.amountCents)} pour la facture N° {view.invoiceNumber}.
          </p>
        </Alert>
      ) : view.status === "paid" ? (
        <Alert tone="success" title="Paiement accepté">
          Le paiement de {formatCents(view.amountCents)} pour la facture N° {view.invoiceNumber} est enregistré. Vos
          réservations sont confirmées.
          {view.creditCents > 0
            ? ` Certaines journées n'étaient plus disponibles : ${formatCents(view.creditCents)} sont conservés en avoir.`
            : ""}
        </Alert>
      ) : (
        <Alert tone="error" title={view.status === "refused" ? "Paiement refusé" : view.status === "abandoned" ? "Paiement abandonné" : "Paiement non abouti"}>
          Le paiement de la facture N° {view.invoiceNumber} n&apos;a pas abouti et rien n&apos;a été prélevé.
          {view.retryHref ? " Vous pouvez réessayer tant que la réservation est en attente." : ""}
        </Alert>
      )}
      <div className="flex flex-wrap gap-3">
        {view?.retryHref ? <ButtonLink href={view.retryHref}>Réessayer le paiement</ButtonLink> : null}
        <ButtonLink href={home} variant="secondary">
          {user?.householdId ? "Retour aux factures" : "Retour au portail"}
        </ButtonLink>
      </div>
    </div>
  );
}
