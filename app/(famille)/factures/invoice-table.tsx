import Link from "next/link";
import type { InvoiceRowDto } from "@/lib/billing/invoices";
import { AccessibleVersionLink, PdfLink } from "@/components/billing/accessible-documents";
import { parisTime } from "@/lib/dates";
import { formatCents, formatDate, INVOICE_STATUS_LABELS } from "@/lib/format";
import type { InvoiceStatus } from "@/lib/generated/prisma/client";
import { UseCreditButton } from "./use-credit-button";

// Colour repeats the words, never replaces them; each pair keeps AA contrast.
const STATE_TONES: Record<InvoiceStatus, string> = {
  PAID: "border-ok-700 bg-green-50 text-ok-700",
  UNPAID: "border-danger-700 bg-red-50 text-danger-700",
  PENDING_PAYMENT: "border-amber-600 bg-amber-50 text-warn-800",
  CANCELLED: "border-slate-400 bg-slate-100 text-slate-700",
  EXPIRED: "border-slate-400 bg-slate-100 text-slate-700",
};

/** "En attente de paiement jusqu'à 14:32" while a hold runs; "Expirée" alone on a card, where the reason is the page's. */
export function invoiceStateLabel(invoice: Pick<InvoiceRowDto, "status" | "heldUntil">, { short = false } = {}): string {
  if (invoice.status === "PENDING_PAYMENT" && invoice.heldUntil) return `En attente de paiement jusqu'à ${parisTime(invoice.heldUntil)}`;
  if (invoice.status === "EXPIRED" && short) return "Expirée";
  return INVOICE_STATUS_LABELS[invoice.status];
}

function StateBadge({ invoice, short }: { invoice: InvoiceRowDto; short?: boolean }) {
  return (
    <span className={`inline-block rounded-md border px-2 py-0.5 text-sm font-semibold ${STATE_TONES[invoice.status]}`}>
      {invoiceStateLabel(invoice, { short })}
    </span>
  );
}

const docClass = "inline-flex min-h-11 items-center justify-center gap-1 rounded-md border border-brand-700 px-3 font-semibold text-brand-700";
const payClass = "inline-flex min-h-11 items-center justify-center rounded-md bg-brand-700 px-3 font-semibold text-white";

/** The invoice's PDF, with its format and size, and beside it the same invoice as an accessible HTML page. */
function DocumentLinks({ invoice, className = "" }: { invoice: InvoiceRowDto; className?: string }) {
  const what = `la facture N° ${invoice.number}`;
  return (
    <>
      <PdfLink href={`/factures/${invoice.id}/pdf`} what={what} bytes={invoice.pdfBytes} className={`${docClass} ${className}`} />
      <AccessibleVersionLink href={`/factures/${invoice.id}/version-accessible`} what={what} className={`${docClass} ${className}`} />
    </>
  );
}

/**
 * The family's invoices. On a phone, one card per invoice with its number,
 * date, purpose, amount and state, then its actions; from md up the seed's
 * columns (Date, N°, Nom, Montant) with "PDF" (its size told), "Version accessible" and, while unpaid, "Payer"
 * (and "Utiliser mon avoir" when the family has credit). Both are in the
 * page and CSS shows one: display:none takes the other out of the
 * accessibility tree, so a screen reader meets each invoice once, as a list
 * item or as a table row, never a table whose semantics a stacked layout
 * would break.
 */
export function InvoiceTable({
  invoices,
  caption = "Vos factures",
  creditCents = 0,
}: {
  invoices: InvoiceRowDto[];
  caption?: string;
  /** The family's credit: when positive, payable rows offer to use it */
  creditCents?: number;
}) {
  return (
    <>
      <ul aria-label={caption} className="space-y-3 md:hidden">
        {invoices.map((invoice) => (
          <li key={invoice.id}>
            <article aria-labelledby={`facture-${invoice.id}`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                <h2 id={`facture-${invoice.id}`} className="font-semibold text-slate-900">
                  Facture N° {invoice.number}
                </h2>
                <p className="text-sm text-slate-700">du {formatDate(invoice.issuedAt)}</p>
              </div>
              <p className="mt-1 break-words text-sm text-slate-800">{invoice.purpose}</p>
              <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
                <p className="text-lg font-bold tabular-nums text-slate-900">{formatCents(invoice.totalCents)}</p>
                <StateBadge invoice={invoice} short />
              </div>
              <div className="mt-3 flex flex-wrap gap-2">
                {invoice.payable ? (
                  <Link href={`/factures/${invoice.id}/payer`} prefetch={false} className={`${payClass} basis-full`}>
                    Payer<span className="sr-only"> la facture N° {invoice.number}</span>
                  </Link>
                ) : null}
                <DocumentLinks invoice={invoice} className="flex-1" />
                {invoice.payable && creditCents > 0 ? (
                  <div className="w-full">
                    <UseCreditButton invoiceId={invoice.id} invoiceNumber={invoice.number} />
                  </div>
                ) : null}
              </div>
            </article>
          </li>
        ))}
      </ul>
      <div className="relative hidden overflow-x-auto rounded-lg border border-slate-200 bg-white md:block" tabIndex={0} role="region" aria-label={caption}>
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">Actions</span>
              </th>
              <th scope="col" className="px-3 py-2">Date</th>
              <th scope="col" className="px-3 py-2">N°</th>
              <th scope="col" className="px-3 py-2">Nom</th>
              <th scope="col" className="px-3 py-2 text-right">Montant</th>
              <th scope="col" className="px-3 py-2">État</th>
            </tr>
          </thead>
          <tbody>
            {invoices.map((invoice) => (
              <tr key={invoice.id} className="border-t border-slate-200">
                <td className="px-3 py-2">
                  <div className="flex min-w-56 flex-wrap gap-2">
                    <DocumentLinks invoice={invoice} />
                    {invoice.payable ? (
                      <Link href={`/factures/${invoice.id}/payer`} prefetch={false} className={payClass}>
                        Payer<span className="sr-only"> la facture N° {invoice.number}</span>
                      </Link>
                    ) : null}
                    {invoice.payable && creditCents > 0 ? <UseCreditButton invoiceId={invoice.id} invoiceNumber={invoice.number} /> : null}
                  </div>
                </td>
                <td className="whitespace-nowrap px-3 py-2">{formatDate(invoice.issuedAt)}</td>
                <th scope="row" className="px-3 py-2 font-semibold">
                  {invoice.number}
                </th>
                <td className="px-3 py-2">
                  {invoice.name}
                  <span className="block text-xs text-slate-700">{invoice.purpose}</span>
                </td>
                <td className="whitespace-nowrap px-3 py-2 text-right">{formatCents(invoice.totalCents)}</td>
                <td className="px-3 py-2">
                  <StateBadge invoice={invoice} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
