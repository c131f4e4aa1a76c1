import type { Metadata } from "next";
import Link from "next/link";
import { PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/dal";
import { listPaymentsForStaff, paymentDashboard } from "@/lib/billing/staff";
import type { PaymentStatus } from "@/lib/generated/prisma/client";
import { formatCents, formatCount, formatDateTime, PAYMENT_METHOD_LABELS, PAYMENT_STATUS_LABELS, paymentStatusLabel, pluralize } from "@/lib/format";
import { DataTable } from "../_components/data-table";
import { RecheckForm } from "./recheck-form";

export const metadata: Metadata = { title: "Paiements" };

const STATUSES = Object.keys(PAYMENT_STATUS_LABELS) as PaymentStatus[];

export default async function PaymentsPage({ searchParams }: { searchParams: Promise<{ etat?: string; signales?: string }> }) {
  await requireRole("staff");
  const sp = await searchParams;
  const status = STATUSES.includes(sp.etat as PaymentStatus) ? (sp.etat as PaymentStatus) : undefined;
  const flagged = sp.signales === "1";
  const [payments, dashboard] = await Promise.all([listPaymentsForStaff({ status, flagged }), paymentDashboard()]);
  return (
    <>
      <PageTitle description="Chaque transaction PayFiP et chaque paiement au guichet, avec leur état.">Paiements</PageTitle>
      <dl className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {(
          [
            ["En cours", dashboard.pending],
            ["En retard (plus de 20 min)", dashboard.late],
            ["Échoués (24 h)", dashboard.failed],
          ] as const
        ).map(([label, value]) => (
          <div key={label} className="rounded-lg border border-slate-200 bg-white p-3">
            <dt className="text-sm text-slate-700">{label}</dt>
            <dd className="text-2xl font-bold">{value}</dd>
          </div>
        ))}
        <div className={`rounded-lg border bg-white p-3 ${dashboard.flagged > 0 ? "border-danger-700" : "border-slate-200"}`}>
          <dt className="text-sm text-slate-700">À traiter</dt>
          <dd className="text-2xl font-bold">
            <Link href="/admin/paiements/a-traiter" className="inline-flex min-h-11 items-center text-brand-700 underline">
              {dashboard.flagged}
              <span className="sr-only"> {pluralize(dashboard.flagged, "paiement")} à traiter : les traiter</span>
            </Link>
          </dd>
        </div>
      </dl>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <div>
          <label htmlFor="etat" className="block text-sm font-semibold">
            État
          </label>
          <select id="etat" name="etat" defaultValue={status ?? ""} className="min-h-11 rounded-md border border-slate-500 bg-white px-2">
            <option value="">Tous</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {PAYMENT_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <label className="flex min-h-11 items-center gap-2">
          <input type="checkbox" name="signales" value="1" defaultChecked={flagged} className="h-5 w-5" />
          Seulement les cas à traiter
        </label>
        <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 font-semibold text-white">
          Filtrer
        </button>
      </form>
      <DataTable
        label="Paiements"
        caption={`${formatCount(payments.length, "paiement")} (les 200 plus récents)`}
        minWidth="56rem"
        rows={payments}
        rowKey={(p) => p.id}
        emptyState={{ title: "Aucun paiement ne correspond à ces critères." }}
        columns={[
          { header: "Date", cell: (p) => formatDateTime(p.createdAt) },
          {
            header: "Facture",
            rowHeader: true,
            cell: (p) => (
              <Link className="font-semibold text-brand-700 underline" href={`/admin/factures/${p.invoiceId}`}>
                N° {p.invoice.number}
              </Link>
            ),
          },
          { header: "Famille", cell: (p) => `${p.household.name} (n° ${p.household.reference})` },
          { header: "Moyen", cell: (p) => PAYMENT_METHOD_LABELS[p.method] },
          { header: "Montant", align: "right", cell: (p) => formatCents(p.amountCents) },
          { header: "État", cell: (p) => paymentStatusLabel(p) },
          {
            header: "Détails",
            cell: (p) => (
              <>
                {p.refdet ? <span className="block font-mono text-xs">{p.refdet}</span> : null}
                {p.idOp ? <span className="block font-mono text-xs break-all">idOp {p.idOp}</span> : null}
                {p.resultrans ? <span className="block">Résultat PayFiP : {p.resultrans}</span> : null}
                {p.receiptNumber ? <span className="block">Reçu N° {p.receiptNumber}</span> : null}
                {p.creditCents ? <span className="block">Avoir : {formatCents(p.creditCents)}</span> : null}
                {p.flagged ? <span className="block font-semibold text-danger-700">{p.flagReason}</span> : null}
                {p.flagged && !p.resolvedAt ? (
                  <Link href="/admin/paiements/a-traiter" className="inline-flex min-h-11 items-center text-brand-700 underline">
                    Traiter<span className="sr-only"> le paiement de la facture N° {p.invoice.number}</span>
                  </Link>
                ) : null}
                {p.flagged && p.resolvedAt ? (
                  <span className="block">
                    Traité le {formatDateTime(p.resolvedAt)}
                    {p.resolution ? ` : ${p.resolution}` : ""}
                  </span>
                ) : null}
                {p.idOp && p.status === "PENDING" ? <RecheckForm paymentId={p.id} label={`facture N° ${p.invoice.number}`} /> : null}
              </>
            ),
          },
        ]}
      />
    </>
  );
}
