import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/dal";
import { AccessibleVersionLink, creditNotePdfBytes, invoicePdfBytes, PdfLink } from "@/components/billing/accessible-documents";
import { COUNTER_METHODS, getHouseholdAccountForStaff, getInvoiceForStaff } from "@/lib/billing/staff";
import { dateToDay } from "@/lib/dates";
import {
  BOOKING_STATUS_LABELS,
  fullDayLabel,
  formatCents,
  formatDate,
  formatDateTime,
  INVOICE_STATUS_LABELS,
  PAYMENT_METHOD_LABELS,
  PAYMENT_STATUS_LABELS,
} from "@/lib/format";
import { AppError } from "@/lib/errors";
import { DataTable } from "../../_components/data-table";
import { CancelInvoiceForm, CounterPaymentForm, CreditNoteForm } from "./invoice-forms";
import { isId } from "@/lib/validation/ids";

export const metadata: Metadata = { title: "Facture" };

const docClass = "inline-flex min-h-11 items-center gap-1 rounded-md border border-brand-700 px-3 font-semibold text-brand-700";

export default async function StaffInvoicePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ recu?: string; annulee?: string; avoir?: string; avoir_cents?: string }>;
}) {
  await requireRole("staff");
  const { id } = await params;
  if (!isId(id)) notFound();
  const { recu, annulee, avoir, avoir_cents: keptCents } = await searchParams;
  const invoice = await getInvoiceForStaff(id).catch((error) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const open = invoice.status === "PENDING_PAYMENT" || invoice.status === "UNPAID";
  // An expired invoice can still be paid at the counter (the late-payment rule re-takes what places it can).
  const counterPayable = open || invoice.status === "EXPIRED";
  const account = await getHouseholdAccountForStaff(invoice.household.id);
  const creditNotes = account.creditNotes.filter((c) => c.invoiceNumber === invoice.number);
  const roomCents = invoice.totalCents - creditNotes.reduce((sum, c) => sum + c.amountCents, 0);
  return (
    <>
      <PageTitle description={`${INVOICE_STATUS_LABELS[invoice.status]} — émise le ${formatDate(invoice.issuedAt)}`}>
        Facture N° {invoice.number}
      </PageTitle>
      <div className="mb-4 flex flex-wrap gap-3">
        <PdfLink
          href={`/factures/${invoice.id}/pdf`}
          what={`la facture N° ${invoice.number}`}
          bytes={invoicePdfBytes({ lines: invoice.lines.length, payable: open })}
          className={docClass}
        />
        <AccessibleVersionLink href={`/admin/factures/${invoice.id}/version-accessible`} what={`la facture N° ${invoice.number}`} className={docClass} />
        <Link className="inline-flex min-h-11 items-center underline" href={`/admin/familles/${invoice.household.id}`}>
          Famille {invoice.household.name} (n° {invoice.household.reference})
        </Link>
        <Link className="inline-flex min-h-11 items-center underline" href={`/admin/familles/${invoice.household.id}/compte`}>
          Compte famille{account.summary.creditCents > 0 ? ` (avoir disponible : ${formatCents(account.summary.creditCents)})` : ""}
        </Link>
      </div>
      {recu && /^\d+$/.test(recu) && invoice.status === "PAID" ? (
        <div className="mb-4">
          <Alert tone="success">
            Paiement enregistré : reçu N° {recu}.
            {keptCents && /^\d+$/.test(keptCents) && Number(keptCents) > 0
              ? ` ${formatCents(Number(keptCents))} sont conservés en avoir sur le compte famille.`
              : ""}
          </Alert>
        </div>
      ) : null}
      {annulee && invoice.status === "CANCELLED" ? (
        <div className="mb-4">
          <Alert tone="success">Facture annulée : son numéro est conservé.</Alert>
        </div>
      ) : null}
      {avoir && /^\d+$/.test(avoir) ? (
        <div className="mb-4">
          <Alert tone="success">Avoir N° {avoir} émis : son montant est porté au crédit de la famille.</Alert>
        </div>
      ) : null}
      {invoice.status === "EXPIRED" ? (
        <div className="mb-4">
          <Alert tone="warning" title={INVOICE_STATUS_LABELS.EXPIRED}>
            Les places retenues ont été libérées. Un paiement au guichet reprend les journées encore disponibles ; le
            reste est conservé en avoir.
          </Alert>
        </div>
      ) : null}
      {invoice.status === "CANCELLED" ? (
        <div className="mb-4">
          <Alert tone="info" title="Facture annulée">
            {formatDateTime(invoice.cancelledAt)} — {invoice.cancelReason ?? "sans motif"}
          </Alert>
        </div>
      ) : null}
      <div className="space-y-6">
        <DataTable
          label="Lignes de la facture"
          caption={`Lignes — total ${formatCents(invoice.totalCents)}`}
          minWidth="36rem"
          rows={invoice.lines}
          rowKey={(l) => l.id}
          columns={[
            { header: "Libellé", rowHeader: true, className: "font-normal", cell: (l) => l.label },
            { header: "Qté", align: "right", cell: (l) => l.quantity },
            { header: "Prix", align: "right", cell: (l) => formatCents(l.unitPriceCents) },
            { header: "Total", align: "right", cell: (l) => formatCents(l.totalCents) },
          ]}
        />

        {invoice.bookings.length ? (
          <Card title="Réservations">
            <ul className="space-y-1 text-sm">
              {invoice.bookings.map((b) => (
                <li key={b.id}>
                  {b.person.firstName} — {b.slot.product.name} — {fullDayLabel(dateToDay(b.slot.date))} — {BOOKING_STATUS_LABELS[b.status].toLocaleLowerCase("fr-FR")}
                </li>
              ))}
            </ul>
          </Card>
        ) : null}

        <Card title="Paiements">
          {invoice.payments.length === 0 ? (
            <p className="text-sm">Aucun paiement.</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {invoice.payments.map((p) => (
                <li key={p.id} className="rounded border border-slate-200 p-2">
                  <strong>{PAYMENT_METHOD_LABELS[p.method]}</strong> — {formatCents(p.amountCents)} — {PAYMENT_STATUS_LABELS[p.status]} —{" "}
                  {formatDateTime(p.createdAt)}
                  {p.refdet ? <> — réf. {p.refdet}</> : null}
                  {p.receiptNumber ? <> — reçu N° {p.receiptNumber}</> : null}
                  {p.creditCents ? <span className="block">Conservé en avoir : {formatCents(p.creditCents)}</span> : null}
                  {p.flagged ? (
                    <span className="block font-semibold text-danger-700">
                      {p.flagReason}
                      {p.resolvedAt ? ` — traité le ${formatDateTime(p.resolvedAt)}${p.resolution ? ` : ${p.resolution}` : ""}` : ""}
                    </span>
                  ) : null}
                  {p.flagged && !p.resolvedAt ? (
                    <Link href="/admin/paiements/a-traiter" className="inline-flex min-h-11 items-center text-brand-700 underline">
                      Traiter ce paiement
                    </Link>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Card>

        {creditNotes.length ? (
          <Card title="Avoirs sur cette facture">
            <ul className="space-y-2 text-sm">
              {creditNotes.map((c) => (
                <li key={c.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded border border-slate-200 p-2">
                  <span>
                    <strong>Avoir N° {c.number}</strong> — {formatCents(c.amountCents)} — {formatDate(c.issuedAt)} — {c.reason}
                  </span>
                  <PdfLink href={`/admin/avoirs/${c.id}/pdf`} what={`l'avoir N° ${c.number}`} bytes={creditNotePdfBytes()} className={docClass} />
                  <AccessibleVersionLink href={`/admin/avoirs/${c.id}/version-accessible`} what={`l'avoir N° ${c.number}`} className={docClass} />
                </li>
              ))}
            </ul>
          </Card>
        ) : null}

        {counterPayable ? (
          <div className="grid gap-6 md:grid-cols-2">
            <Card title="Paiement au guichet">
              <CounterPaymentForm invoiceId={invoice.id} methods={COUNTER_METHODS.map((m) => ({ value: m, label: PAYMENT_METHOD_LABELS[m] }))} />
            </Card>
            {open ? (
              <Card title="Annuler la facture">
                <CancelInvoiceForm invoiceId={invoice.id} />
              </Card>
            ) : null}
          </div>
        ) : null}

        {invoice.status === "PAID" && roomCents > 0 ? (
          <div className="md:max-w-md">
            <Card title="Émettre un avoir">
              <CreditNoteForm invoiceId={invoice.id} roomCents={roomCents} />
            </Card>
          </div>
        ) : null}
      </div>
    </>
  );
}
