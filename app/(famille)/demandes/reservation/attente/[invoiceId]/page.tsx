import Link from "next/link";
import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/dal";
import { getBookingInvoice } from "@/lib/bookings/queries";
import { formatDateTime, formatCents } from "@/lib/format";
import { orNotFound } from "../../_lib";
import { CancelPendingConfirm, CancelPendingStart } from "../../cancel-form";
import { Countdown } from "../../countdown";
import { SummaryTable } from "../../summary-table";
import { requireIdParam } from "@/lib/validation/params";

export const metadata: Metadata = { title: "Réservation en attente de paiement" };

/**
 * The invoice of a booking. While it waits for payment, what a parent on a
 * phone needs first is on the first screen: the amount, until when the
 * places are held, and "Payer"; the lines follow, and cancelling is a
 * smaller action after them that asks for confirmation (?annuler=confirmer).
 */
export default async function PendingBookingPage({
  params,
  searchParams,
}: {
  params: Promise<{ invoiceId: string }>;
  searchParams: Promise<{ annuler?: string }>;
}) {
  const user = await requireRole("parent");
  const invoiceId = requireIdParam((await params).invoiceId);
  const { annuler } = await searchParams;
  const invoice = await orNotFound(getBookingInvoice({ householdId: user.householdId, invoiceId }));
  const heldUntil = invoice.status === "PENDING_PAYMENT" ? invoice.heldUntil : null;
  const pagePath = `/demandes/reservation/attente/${invoice.id}`;

  return (
    <>
      <PageTitle>Détails réservation</PageTitle>
      <div className="space-y-6">
        {heldUntil ? (
          <section aria-labelledby="paiement-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
            <div className="flex flex-wrap items-baseline justify-between gap-x-4">
              <h2 id="paiement-title" className="font-semibold">
                Choix paiement
              </h2>
              <p>
                Montant à payer : <strong className="text-2xl tabular-nums">{formatCents(invoice.totalCents)}</strong>
              </p>
            </div>
            <Countdown until={heldUntil.toISOString()} />
            <Link
              href={`/factures/${invoice.id}/payer`}
              className="flex min-h-14 w-full flex-col items-center justify-center rounded-md bg-brand-700 px-4 py-2 text-center text-white hover:bg-brand-800 sm:w-auto sm:min-w-72"
            >
              <span className="text-xl font-bold">Payer</span>
              <span className="sr-only"> : </span>
              {/* The seed's link text: "Paiement en ligne — Facture de 8,00 €". */}
              <span className="text-sm">Paiement en ligne — Facture de {formatCents(invoice.totalCents)}</span>
            </Link>
            <p className="text-sm text-slate-700">
              Réservation en attente de paiement du {formatDateTime(invoice.issuedAt)}, expire le {formatDateTime(heldUntil)}. Le
              paiement se fait sur l&apos;interface de paiement en ligne (PayFiP).
            </p>
          </section>
        ) : invoice.status === "CANCELLED" ? (
          <Alert tone="warning" title="Réservation annulée.">
            {invoice.cancelReason ?? "Les places ont été libérées."} La facture n° {invoice.number} est annulée.
          </Alert>
        ) : invoice.status === "EXPIRED" ? (
          <Alert tone="warning" title="Délai de paiement dépassé.">
            Les places ont été libérées. La facture n° {invoice.number} n&apos;est plus à régler : recommencez la réservation si
            vous le souhaitez.
          </Alert>
        ) : (
          <Alert tone="success" title={`Facture n° ${invoice.number} : ${invoice.status === "PAID" ? "payée" : "à régler"}.`}>
            {invoice.status === "PAID" ? "Vos réservations sont confirmées." : null}
          </Alert>
        )}

        <section aria-labelledby="facture-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
          <h2 id="facture-title" className="font-semibold">
            Facture n° {invoice.number}
          </h2>
          <SummaryTable caption={`Facture n° ${invoice.number}`} lines={invoice.lines} totalCents={invoice.totalCents} />
        </section>

        {heldUntil ? (
          annuler === "confirmer" ? (
            <CancelPendingConfirm invoiceId={invoice.id} invoiceNumber={invoice.number} pagePath={pagePath} />
          ) : (
            <CancelPendingStart pagePath={pagePath} returning={annuler === "non"} />
          )
        ) : (
          <div className="flex flex-col gap-2 sm:flex-row">
            {invoice.status === "UNPAID" ? (
              <ButtonLink href={`/factures/${invoice.id}/payer`} className="w-full sm:w-auto">
                Payer<span className="sr-only"> la facture n° {invoice.number}</span>
              </ButtonLink>
            ) : null}
            <ButtonLink href="/factures" variant="secondary" className="w-full sm:w-auto">
              Voir mes factures
            </ButtonLink>
            <ButtonLink href="/demandes" variant="secondary" className="w-full sm:w-auto">
              Retour aux demandes
            </ButtonLink>
          </div>
        )}
      </div>
    </>
  );
}
