import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, PageTitle } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { requireParent } from "@/lib/auth/dal";
import { INVOICE_STATUS_LABELS, listHouseholdInvoices } from "@/lib/billing/invoices";
import { formatCents } from "@/lib/money";
import { InvoiceTable } from "./invoice-table";

export const metadata: Metadata = { title: "Factures" };

export default async function InvoicesPage({ searchParams }: { searchParams: Promise<{ annee?: string }> }) {
  const user = await requireParent();
  const { annee } = await searchParams;
  const year = annee && /^\d{4}$/.test(annee) ? Number(annee) : undefined;
  const data = await listHouseholdInvoices({ householdId: user.householdId, year });
  return (
    <>
      <PageTitle description="Résumé de vos factures dues et acquittées.">Factures</PageTitle>
      <div className="mb-4 flex flex-wrap items-end justify-between gap-4">
        <form method="get" className="flex items-end gap-2">
          <div>
            <label htmlFor="annee" className="block text-sm font-semibold">
              Date
            </label>
            <select id="annee" name="annee" defaultValue={year ?? ""} className="min-h-11 rounded-md border border-slate-400 bg-white px-3">
              <option value="">Toutes les années</option>
              {data.years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="min-h-11 rounded-md border border-brand-700 px-4 font-semibold text-brand-700">
            Filtrer
          </button>
        </form>
        <p className="text-lg">
          Montant en attente de paiement : <strong>{formatCents(data.dueCents)}</strong>
        </p>
      </div>
      {data.creditCents > 0 ? (
        <div className="mb-4">
          <Alert tone="info" title={`Avoir en votre faveur : ${formatCents(data.creditCents)}`}>
            Un paiement est arrivé après l&apos;expiration d&apos;une réservation dont les places n&apos;étaient plus
            libres. Le service vous contactera pour l&apos;utiliser ou vous le rembourser.
          </Alert>
        </div>
      ) : null}
      {data.invoices.length === 0 ? (
        <EmptyState title={year ? `Aucune facture en ${year}.` : "Aucune facture pour le moment."}>
          Vos factures apparaîtront ici après vos réservations.{" "}
          <Link className="underline" href="/demandes">
            Réserver une prestation
          </Link>
        </EmptyState>
      ) : (
        <InvoiceTable invoices={data.invoices} statusLabels={INVOICE_STATUS_LABELS} />
      )}
    </>
  );
}
