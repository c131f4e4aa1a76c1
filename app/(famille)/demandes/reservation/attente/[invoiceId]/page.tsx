import Link from "next/link";
import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/dal";
import { getBookingInvoice } from "@/lib/bookings/queries";
import { formatDateTime, formatCents } from "@/lib/format";
import { orNotFound } from "../../_lib";
import { CancelPendingForm } from "../../cancel-form";
import { Countdown } from "../../countdown";
import { SummaryTable } from "../../summary-table";
import { requireIdParam } from "@/lib/validation/params";

export const metadata: Metadata = { title: "Réservation en attente de paiement" };

export default async function PendingBookingPage({ params }: { params: Promise<{ invoiceId: string }> }) {
  const user = await requireRole("parent");
  const invoiceId = requireIdParam((await params).invoiceId);
  const invoice = await orNotFound(getBookingInvoice({ householdId: user.householdId, invoiceId }));
  const pending = invoice.status === "PENDING_PAYMENT" && invoice.heldUntil;

  return (
    <>
      <PageTitle>Détails réservation</PageTitle>
      <div className="space-y-6">
        {pending ? (
          <>
            <p className="font-semibold">
              Réservation en attente de paiement du {formatDateTime(invoice.issuedAt)}, expire le {formatDateTime(invoice.heldUntil!)}
            </p>
            <Countdown until={invoice.heldUntil!.toISOString()} />
          </>
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
          <Alert tone="success" title={`Facture n° ${invoice.number} : ${invoice.status === "PAID" ? "payée" : "à régler"}.`} />
        )}

        <section aria-labelledby="facture-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="facture-title" className="font-semibold">
            Facture n° {invoice.number}
          </h2>
          <SummaryTable caption={`Facture n° ${invoice.number}`} lines={invoice.lines} totalCents={invoice.totalCents} />
        </section>

        {pending ? (
          <>
            <CancelPendingForm invoiceId={invoice.id} />
            <section aria-labelledby="paiement-title" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
              <h2 id="paiement-title" className="font-semibold">
                Choix paiement
              </h2>
              <p>
                <span className="font-semibold">Paiement en ligne</span> —{" "}
                <Link className="font-semibold text-brand-700 underline" href={`/factures/${invoice.id}/payer`}>
                  Facture de {formatCents(invoice.totalCents)}
                </Link>
              </p>
              <p className="text-sm text-slate-700">
                Cliquez sur le lien de la facture pour être redirigé vers l&apos;interface de paiement en ligne. Vos places
                restent retenues jusqu&apos;à l&apos;heure indiquée ci-dessus.
              </p>
            </section>
          </>
        ) : (
          <ButtonLink href="/demandes" variant="secondary">
            Retour aux demandes
          </ButtonLink>
        )}
      </div>
    </>
  );
}
