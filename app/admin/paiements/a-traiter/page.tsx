import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { EmptyState, PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/dal";
import { listMoneyQueue } from "@/lib/billing/staff";
import { formatCents, formatDateTime, PAYMENT_METHOD_LABELS } from "@/lib/format";
import { KeepCreditForm, RefundForm, UseCreditForm } from "../money-forms";

export const metadata: Metadata = { title: "Paiements à traiter" };

/** What the page says after a decision: the item itself has left the list. */
const DONE: Record<string, string> = {
  rembourse: "Remboursement enregistré : le paiement est traité.",
  utilise: "Avoir utilisé : la facture est réglée et le paiement est traité.",
  "utilise-partiel": "Avoir utilisé : il ne couvrait pas toute la facture, le reste est toujours dû. Le paiement est traité.",
  conserve: "Somme conservée en avoir sur le compte famille : le paiement est traité.",
};

/**
 * "À traiter": money a person must decide on (a second payment, a payment on
 * a cancelled invoice, days lost to a late payment…), oldest first. Each
 * decision calls one billing function and closes the item.
 */
export default async function MoneyQueuePage({ searchParams }: { searchParams: Promise<{ fait?: string }> }) {
  await requireRole("staff");
  const { fait } = await searchParams;
  const items = await listMoneyQueue();
  const done = fait ? DONE[fait] : undefined;
  return (
    <>
      <p className="mb-4">
        <Link href="/admin/paiements" className="inline-flex min-h-11 items-center text-brand-700 underline">
          ← Paiements
        </Link>
      </p>
      <PageTitle description="Les sommes reçues qu'il faut rembourser, utiliser sur une facture ou conserver sur le compte de la famille.">
        Paiements à traiter
      </PageTitle>
      {done ? (
        <div className="mb-4">
          <Alert tone="success">{done}</Alert>
        </div>
      ) : null}
      {items.length === 0 ? (
        <EmptyState title="Aucun paiement à traiter." />
      ) : (
        <>
          <p className="mb-4 text-sm text-slate-700">
            {items.length === 1 ? "1 paiement à traiter" : `${items.length} paiements à traiter`}, du plus ancien au plus récent.
          </p>
          <ol className="space-y-6">
            {items.map((item) => {
              const label = `facture N° ${item.invoiceNumber}, ${item.householdName}`;
              return (
                <li key={item.paymentId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
                  <article aria-labelledby={`item-${item.paymentId}`}>
                    <h2 id={`item-${item.paymentId}`} className="text-lg font-semibold text-slate-900">
                      Facture N° {item.invoiceNumber} — {formatCents(item.amountCents)}
                    </h2>
                    <p className="mt-1 font-semibold text-danger-700">{item.reason}</p>
                    <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
                      <dt className="font-semibold">Date</dt>
                      <dd>
                        {formatDateTime(item.createdAt)}
                        {item.settledAt ? ` (reçu le ${formatDateTime(item.settledAt)})` : ""}
                      </dd>
                      <dt className="font-semibold">Famille</dt>
                      <dd>
                        <Link href={`/admin/familles/${item.householdId}`} className="text-brand-700 underline">
                          {item.householdName}
                        </Link>{" "}
                        (
                        <Link href={`/admin/familles/${item.householdId}/compte`} className="text-brand-700 underline">
                          compte famille
                        </Link>
                        )
                      </dd>
                      <dt className="font-semibold">Facture</dt>
                      <dd>
                        <Link href={`/admin/factures/${item.invoiceId}`} className="text-brand-700 underline">
                          N° {item.invoiceNumber}
                        </Link>
                      </dd>
                      <dt className="font-semibold">Moyen</dt>
                      <dd>{PAYMENT_METHOD_LABELS[item.method]}</dd>
                      <dt className="font-semibold">Montant</dt>
                      <dd>{formatCents(item.amountCents)}</dd>
                      <dt className="font-semibold">Part conservée en avoir</dt>
                      <dd>{formatCents(item.creditCents)}</dd>
                      <dt className="font-semibold">Avoir de la famille aujourd&apos;hui</dt>
                      <dd className="font-semibold">{formatCents(item.householdCreditCents)}</dd>
                    </dl>
                    <div className="mt-4 grid gap-6 lg:grid-cols-3">
                      <section className="rounded-md border border-slate-200 p-3">
                        <h3 className="mb-2 font-semibold">Rembourser</h3>
                        {item.householdCreditCents > 0 ? (
                          <RefundForm householdId={item.householdId} paymentId={item.paymentId} creditCents={item.householdCreditCents} label={label} />
                        ) : (
                          <p className="text-sm">La famille n&apos;a plus d&apos;avoir à rembourser.</p>
                        )}
                      </section>
                      <section className="rounded-md border border-slate-200 p-3">
                        <h3 className="mb-2 font-semibold">Utiliser sur une facture</h3>
                        {item.householdCreditCents <= 0 ? (
                          <p className="text-sm">La famille n&apos;a plus d&apos;avoir à utiliser.</p>
                        ) : item.openInvoices.length === 0 ? (
                          <p className="text-sm">La famille n&apos;a aucune facture à régler.</p>
                        ) : (
                          <UseCreditForm householdId={item.householdId} paymentId={item.paymentId} invoices={item.openInvoices} label={label} />
                        )}
                      </section>
                      <section className="rounded-md border border-slate-200 p-3">
                        <h3 className="mb-2 font-semibold">Conserver sur le compte</h3>
                        <KeepCreditForm paymentId={item.paymentId} label={label} />
                      </section>
                    </div>
                  </article>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </>
  );
}
