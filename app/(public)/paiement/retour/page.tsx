import type { Metadata } from "next";
import { cache } from "react";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth/dal";
import { describePaymentReturn } from "@/lib/billing/invoices";
import { formatCents } from "@/lib/format";
import { checkPayfipPayment } from "@/lib/payments";
import { getSettings } from "@/lib/settings";
import { Refresher } from "./refresher";

type Props = { searchParams: Promise<{ idop?: string; idOp?: string }> };

// Asked once per request (PayFiP is called, at most every 5 s): the title and
// the page both say the outcome.
const loadReturn = cache(async (idOp: string) => {
  const outcome = /^[0-9a-fA-F-]{36}$/.test(idOp) ? await checkPayfipPayment(idOp, { minIntervalMs: 5_000 }) : null;
  const user = await getCurrentUser();
  const view = outcome ? await describePaymentReturn(idOp, outcome, user?.householdId ?? null) : null;
  return { user, view };
});

function idOpOf(params: Awaited<Props["searchParams"]>): string {
  return params.idop ?? params.idOp ?? "";
}

const TITLES = {
  waiting: "Paiement en cours de traitement",
  credited: "Paiement reçu, conservé en avoir",
  paid: "Paiement accepté",
  refused: "Paiement refusé",
  abandoned: "Paiement abandonné",
  failed: "Paiement non abouti",
} as const;

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { view } = await loadReturn(idOpOf(await searchParams));
  return { title: view ? TITLES[view.status] : "Paiement introuvable" };
}

/**
 * Where PayFiP sends the payer back (with the idop). The result is asked of
 * PayFiP, never read from the URL; until it is known the page says so and
 * checks again by itself.
 */
export default async function PaymentReturnPage({ searchParams }: Props) {
  const { user, view } = await loadReturn(idOpOf(await searchParams));
  const settings = await getSettings();
  const home = user?.householdId ? "/factures" : "/connexion";
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold text-slate-900">Paiement en ligne — {settings.name}</h1>
      {!view ? (
        <Alert tone="error">Ce paiement est introuvable.</Alert>
      ) : view.status === "waiting" ? (
        <>
          <Alert tone="info" title="Votre paiement est en cours de traitement…">
            Votre paiement de {formatCents(view.amountCents)} (facture N° {view.invoiceNumber}) est en cours de traitement
            par la DGFiP (PayFiP), vous recevrez un mail de confirmation. Cette page se met à jour d&apos;elle-même.
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
        <Alert tone="error" title={TITLES[view.status]}>
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
