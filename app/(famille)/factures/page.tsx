import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, PageTitle } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { requireRole } from "@/lib/auth/dal";
import { listHouseholdInvoices } from "@/lib/billing/invoices";
import { formatCents, formatDate } from "@/lib/format";
import { AccessibleVersionLink, creditNotePdfBytes, PdfLink } from "@/components/billing/accessible-documents";
import { cleanSearch } from "@/lib/validation/ids";
import { InvoiceFilters, noInvoiceTitle } from "./invoice-filters";
import { InvoiceTable } from "./invoice-table";

const docClass = "inline-flex min-h-11 flex-1 items-center justify-center gap-1 rounded-md border border-brand-700 px-3 font-semibold text-brand-700 sm:flex-none";

export const metadata: Metadata = { title: "Factures" };

export default async function InvoicesPage({
  searchParams,
}: {
  searchParams: Promise<{ annee?: string; q?: string; avoir?: string; montant?: string }>;
}) {
  const user = await requireRole("parent");
  const { annee, q, avoir, montant } = await searchParams;
  const used = montant && /^\d{1,9}$/.test(montant) ? Number(montant) : null;
  const year = annee && /^\d{4}$/.test(annee) ? Number(annee) : undefined;
  const query = cleanSearch(q);
  const data = await listHouseholdInvoices({ householdId: user.householdId, year, query });
  return (
    <>
      <PageTitle description="Résumé de vos factures dues et acquittées.">Factures</PageTitle>
      <p className="mb-4">
        <Link href="/factures/attestations" className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline">
          Attestations fiscales et de présence
        </Link>
      </p>
      <div className="mb-4 flex flex-wrap items-end justify-between gap-4">
        <InvoiceFilters action="/factures" years={data.years} year={year ?? null} query={query} />
        <p className="text-lg">
          Montant en attente de paiement : <strong>{formatCents(data.dueCents)}</strong>
        </p>
      </div>
      {(avoir === "regle" || avoir === "partiel") && used !== null ? (
        <div className="mb-4">
          <Alert tone="success" title="Avoir utilisé">
            {formatCents(used)} de votre avoir ont été utilisés.{" "}
            {avoir === "regle"
              ? "La facture est réglée et vos réservations sont confirmées."
              : "Il reste un montant à payer sur la facture : vous pouvez le régler en ligne."}
          </Alert>
        </div>
      ) : null}
      {data.creditCents > 0 ? (
        <div className="mb-4">
          <Alert tone="info" title={`Avoir disponible : ${formatCents(data.creditCents)}`}>
            Une somme que le service vous doit (paiement reçu en trop, journée non assurée…). Utilisez-la sur une
            facture à payer avec le bouton « Utiliser mon avoir », ou le service vous la remboursera.
          </Alert>
        </div>
      ) : null}
      {data.invoices.length === 0 ? (
        <EmptyState title={noInvoiceTitle(year ?? null, query)}>
          Vos factures apparaîtront ici après vos réservations.{" "}
          <Link className="underline" href="/demandes">
            Réserver une prestation
          </Link>
        </EmptyState>
      ) : (
        <InvoiceTable invoices={data.invoices} creditCents={data.creditCents} />
      )}
      {data.creditNotes.length > 0 ? (
        <section aria-labelledby="mes-avoirs" className="mt-8">
          <h2 id="mes-avoirs" className="mb-3 text-xl font-semibold text-slate-900">
            Mes avoirs
          </h2>
          {/* A list at every width: few columns, and each credit note reads as one sentence on a phone. */}
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {data.creditNotes.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
                <div className="min-w-0 flex-1">
                  <p className="flex flex-wrap items-baseline justify-between gap-x-3">
                    <span className="font-semibold">
                      Avoir N° {c.number} du {formatDate(c.issuedAt)}
                    </span>
                    <span className="text-lg font-bold tabular-nums">{formatCents(c.amountCents)}</span>
                  </p>
                  <p className="text-sm break-words text-slate-700">
                    {c.reason}
                    {c.invoiceNumber ? ` (facture N° ${c.invoiceNumber})` : ""}
                  </p>
                </div>
                <div className="flex w-full flex-wrap gap-2 sm:w-auto">
                  <PdfLink href={`/factures/avoirs/${c.id}/pdf`} what={`l'avoir N° ${c.number}`} bytes={creditNotePdfBytes()} className={docClass} />
                  <AccessibleVersionLink href={`/factures/avoirs/${c.id}/version-accessible`} what={`l'avoir N° ${c.number}`} className={docClass} />
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
