import Link from "next/link";
import type { InvoiceRowDto } from "@/lib/billing/invoices";
import { formatCents, formatDate, INVOICE_STATUS_LABELS } from "@/lib/format";
import { UseCreditButton } from "./use-credit-button";

/**
 * Columns from the seed: Date, N°, Nom, Montant, with "PDF" and, while
 * unpaid, "Payer" (and "Utiliser mon avoir" when the family has credit).
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
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full min-w-[36rem] text-left text-sm">
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
              <td className="whitespace-nowrap px-3 py-2">
                <a
                  href={`/factures/${invoice.id}/pdf`}
                  className="mr-2 inline-flex min-h-11 items-center rounded-md border border-brand-700 px-3 font-semibold text-brand-700"
                >
                  PDF<span className="sr-only"> de la facture N° {invoice.number}</span>
                </a>
                {invoice.payable ? (
                  <Link
                    href={`/factures/${invoice.id}/payer`}
                    prefetch={false}
                    className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-3 font-semibold text-white"
                  >
                    Payer<span className="sr-only"> la facture N° {invoice.number}</span>
                  </Link>
                ) : null}
                {invoice.payable && creditCents > 0 ? (
                  <span className="ml-2">
                    <UseCreditButton invoiceId={invoice.id} invoiceNumber={invoice.number} />
                  </span>
                ) : null}
              </td>
              <td className="whitespace-nowrap px-3 py-2">{formatDate(invoice.issuedAt)}</td>
              <th scope="row" className="px-3 py-2 font-semibold">
                {invoice.number}
              </th>
              <td className="px-3 py-2">{invoice.name}</td>
              <td className="whitespace-nowrap px-3 py-2 text-right">{formatCents(invoice.totalCents)}</td>
              <td className="px-3 py-2">{INVOICE_STATUS_LABELS[invoice.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
