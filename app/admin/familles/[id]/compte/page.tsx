import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { requireStaff } from "@/lib/auth/dal";
import { LEDGER_KIND_LABELS } from "@/lib/billing/ledger";
import { getHouseholdAccountForStaff } from "@/lib/billing/staff";
import { getHousehold } from "@/lib/households";
import { formatCents } from "@/lib/money";
import { ScrollTable, captionClass, tdClass, thClass } from "../../../_components/scroll-table";
import { formatDate, formatDateTime } from "../../../_lib/format";
import { RefundForm } from "../../../paiements/money-forms";
import { isId } from "@/lib/validation/ids";

export const metadata: Metadata = { title: "Compte famille" };

/**
 * A family's account: what it owes, its credit, and every movement that
 * made them (the ledger), with its credit notes and refunds.
 */
export default async function HouseholdAccountPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ rembourse?: string }>;
}) {
  await requireStaff();
  const { id } = await params;
  if (!isId(id)) notFound();
  const { rembourse } = await searchParams;
  const household = await getHousehold(id);
  if (!household) notFound();
  const { summary, entries, creditNotes, refunds } = await getHouseholdAccountForStaff(household.id);
  const familyLabel = `famille ${household.name} (n° ${household.reference})`;
  return (
    <>
      <p className="mb-4">
        <Link href={`/admin/familles/${household.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
          ← Famille {household.name}
        </Link>
      </p>
      <PageTitle description={`Famille ${household.name}, n° ${household.reference}`}>Compte famille</PageTitle>
      {rembourse ? (
        <div className="mb-4">
          <Alert tone="success">Remboursement enregistré.</Alert>
        </div>
      ) : null}
      <dl className="mb-6 grid gap-3 sm:grid-cols-3">
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <dt className="text-sm text-slate-700">Solde</dt>
          <dd className="text-2xl font-bold">{formatCents(summary.balanceCents)}</dd>
          <dd className="text-xs text-slate-600">
            {summary.balanceCents > 0 ? "dû par la famille" : summary.balanceCents < 0 ? "en faveur de la famille" : "compte à jour"}
          </dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <dt className="text-sm text-slate-700">Montant en attente de paiement</dt>
          <dd className="text-2xl font-bold">{formatCents(summary.dueCents)}</dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <dt className="text-sm text-slate-700">Avoir disponible</dt>
          <dd className="text-2xl font-bold">{formatCents(summary.creditCents)}</dd>
        </div>
      </dl>

      <div className="space-y-6">
        {summary.creditCents > 0 ? (
          <Card title="Rembourser l'avoir">
            <div className="max-w-md">
              <RefundForm householdId={household.id} creditCents={summary.creditCents} label={familyLabel} submitLabel="Rembourser l'avoir" />
            </div>
          </Card>
        ) : null}

        <ScrollTable label="Relevé du compte">
          <table className="w-full min-w-[48rem] border-collapse">
            <caption className={captionClass}>Relevé du compte</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className={thClass}>Date</th>
                <th scope="col" className={thClass}>Libellé</th>
                <th scope="col" className={thClass}>Type</th>
                <th scope="col" className={`${thClass} text-right`}>Débit</th>
                <th scope="col" className={`${thClass} text-right`}>Crédit</th>
                <th scope="col" className={`${thClass} text-right`}>Solde</th>
              </tr>
            </thead>
            <tbody>
              {entries.length === 0 ? (
                <tr>
                  <td colSpan={6} className={tdClass}>Aucun mouvement.</td>
                </tr>
              ) : (
                entries.map((e) => (
                  <tr key={e.id} className="border-t border-slate-200">
                    <td className={`${tdClass} whitespace-nowrap`}>{formatDateTime(e.createdAt)}</td>
                    <th scope="row" className={`${tdClass} text-left font-normal`}>
                      {e.invoiceId ? (
                        <Link href={`/admin/factures/${e.invoiceId}`} className="text-brand-700 underline">
                          {e.label}
                        </Link>
                      ) : e.creditNoteId ? (
                        <a href={`/admin/avoirs/${e.creditNoteId}/pdf`} className="text-brand-700 underline">
                          {e.label}
                        </a>
                      ) : (
                        e.label
                      )}
                    </th>
                    <td className={tdClass}>{LEDGER_KIND_LABELS[e.kind]}</td>
                    <td className={`${tdClass} whitespace-nowrap text-right`}>{e.amountCents > 0 ? formatCents(e.amountCents) : ""}</td>
                    <td className={`${tdClass} whitespace-nowrap text-right`}>{e.amountCents < 0 ? formatCents(-e.amountCents) : ""}</td>
                    <td className={`${tdClass} whitespace-nowrap text-right`}>{formatCents(e.balanceCents)}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </ScrollTable>

        <ScrollTable label="Avoirs de la famille">
          <table className="w-full min-w-[40rem] border-collapse">
            <caption className={captionClass}>Avoirs</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className={thClass}>N°</th>
                <th scope="col" className={thClass}>Date</th>
                <th scope="col" className={thClass}>Facture</th>
                <th scope="col" className={thClass}>Motif</th>
                <th scope="col" className={`${thClass} text-right`}>Montant</th>
                <th scope="col" className={thClass}>
                  <span className="sr-only">Document</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {creditNotes.length === 0 ? (
                <tr>
                  <td colSpan={6} className={tdClass}>Aucun avoir.</td>
                </tr>
              ) : (
                creditNotes.map((c) => (
                  <tr key={c.id} className="border-t border-slate-200">
                    <th scope="row" className={`${tdClass} text-left`}>{c.number}</th>
                    <td className={`${tdClass} whitespace-nowrap`}>{formatDate(c.issuedAt)}</td>
                    <td className={tdClass}>{c.invoiceNumber ? `N° ${c.invoiceNumber}` : "—"}</td>
                    <td className={tdClass}>{c.reason}</td>
                    <td className={`${tdClass} whitespace-nowrap text-right`}>{formatCents(c.amountCents)}</td>
                    <td className={tdClass}>
                      <a
                        href={`/admin/avoirs/${c.id}/pdf`}
                        className="inline-flex min-h-11 items-center rounded-md border border-brand-700 px-3 font-semibold text-brand-700"
                      >
                        PDF<span className="sr-only"> de l&apos;avoir N° {c.number}</span>
                      </a>
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </ScrollTable>

        <ScrollTable label="Remboursements de la famille">
          <table className="w-full min-w-[36rem] border-collapse">
            <caption className={captionClass}>Remboursements</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className={thClass}>Date</th>
                <th scope="col" className={`${thClass} text-right`}>Montant</th>
                <th scope="col" className={thClass}>Référence</th>
                <th scope="col" className={thClass}>Enregistré par</th>
              </tr>
            </thead>
            <tbody>
              {refunds.length === 0 ? (
                <tr>
                  <td colSpan={4} className={tdClass}>Aucun remboursement.</td>
                </tr>
              ) : (
                refunds.map((r) => (
                  <tr key={r.id} className="border-t border-slate-200">
                    <th scope="row" className={`${tdClass} whitespace-nowrap text-left font-normal`}>{formatDateTime(r.createdAt)}</th>
                    <td className={`${tdClass} whitespace-nowrap text-right`}>{formatCents(r.amountCents)}</td>
                    <td className={`${tdClass} break-all`}>{r.reference}</td>
                    <td className={tdClass}>{r.recordedBy}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </ScrollTable>
      </div>
    </>
  );
}
