import Link from "next/link";
import type { ReactNode } from "react";
import { formatCents, formatDate, formatFileSize } from "@/lib/format";
import { estimateCreditNotePdfBytes, estimateInvoicePdfBytes } from "@/lib/billing/pdf/size";
import type { CreditNotePdfData, InvoicePdfData, PdfAuthority, PdfHousehold } from "@/lib/billing/pdf/types";
import {
  authorityIdentityLines,
  dueLine,
  correctedInvoice,
  creditNoteExplanation,
  groupedIdentifier,
  IDENTIFIER_LABEL,
  paidLabel,
  payeeLine,
  PAYMENT_MEANS,
  payOnlineLine,
  slipTitle,
  THANKS,
} from "@/lib/billing/pdf/wording";

// The invoice and the credit note as HTML pages ("Version accessible"):
// react-pdf cannot tag a PDF, so a screen reader finds no headings or table
// in it. Same data as the PDF (getInvoicePdfData, getCreditNotePdfData) and
// the same words (./wording); also the printable version.

/**
 * Printed, the page is the document alone: the portal's header, menu and
 * footer are left out, as are the page's own links (print:hidden).
 */
const PRINT_CSS = `@media print {
  body:has([data-print-document]) :is(header, nav, footer, [data-demo-banner]):not([data-print-document] *) { display: none !important; }
  body:has([data-print-document]) { background: #fff; }
  [data-print-document] { font-size: 11pt; }
  [data-print-document] table, [data-print-document] section { break-inside: avoid; }
}`;

/** Goes inside the `<article data-print-document>` of every accessible document (invoice, credit note, certificates). */
export function DocumentPrintStyle() {
  return <style>{PRINT_CSS}</style>;
}

export const documentLinkClass =
  "inline-flex min-h-11 items-center justify-center gap-1 rounded-md border border-brand-700 bg-white px-3 font-semibold text-brand-700 hover:bg-brand-50";
const payClass = "inline-flex min-h-11 items-center justify-center rounded-md bg-brand-700 px-3 font-semibold text-white hover:bg-brand-800";

/**
 * "Télécharger la facture N° 9577 (PDF, environ 24 Ko)" to a screen reader,
 * "PDF 24 Ko" on screen (both words inside the name, for voice control). The
 * size is an estimate: the PDF is drawn on demand. A label rather than
 * visually hidden spans, which Chrome would read apart: "( PDF , …".
 */
export function PdfLink({ href, what, bytes, className = documentLinkClass }: { href: string; what: string; bytes: number; className?: string }) {
  const size = formatFileSize(bytes);
  return (
    <a href={href} aria-label={`Télécharger ${what} (PDF, environ ${size})`} className={className}>
      PDF <span className="text-xs font-normal">{size}</span>
    </a>
  );
}

/** "Version accessible de la facture N° 9577": the HTML page beside each PDF link. */
export function AccessibleVersionLink({ href, what, className = documentLinkClass }: { href: string; what: string; className?: string }) {
  return (
    <Link href={href} prefetch={false} className={className}>
      Version accessible<span className="sr-only"> de {what}</span>
    </Link>
  );
}

export const invoicePdfBytes = (invoice: { lines: number; payable: boolean }) => estimateInvoicePdfBytes({ lines: invoice.lines, slip: invoice.payable });
export const creditNotePdfBytes = estimateCreditNotePdfBytes;

/** Who issues the document and to whom; the certificate calls its recipient "Famille". */
export function DocumentParties({
  authority,
  household,
  responsible,
  recipientTitle = "Destinataire",
}: {
  authority: PdfAuthority;
  household: PdfHousehold;
  responsible: string;
  recipientTitle?: string;
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <section aria-labelledby="doc-emetteur" className="rounded-lg border border-slate-200 bg-white p-4 print:border-0 print:p-0">
        <h2 id="doc-emetteur" className="text-lg font-semibold text-slate-900">
          Émetteur
        </h2>
        <address className="not-italic break-words">
          <strong>{authority.name}</strong>
          <br />
          {authority.address1}
          {authority.address2 ? (
            <>
              <br />
              {authority.address2}
            </>
          ) : null}
          <br />
          {authority.postalCode} {authority.city}
          {authorityIdentityLines(authority).map((line) => (
            <span key={line} className="block">
              {line}
            </span>
          ))}
        </address>
      </section>
      <section aria-labelledby="doc-destinataire" className="rounded-lg border border-slate-200 bg-white p-4 print:border-0 print:p-0">
        <h2 id="doc-destinataire" className="text-lg font-semibold text-slate-900">
          {recipientTitle}
        </h2>
        <address className="not-italic break-words">
          <strong>{responsible}</strong>
          <br />
          Famille {household.name} (n° {household.reference})
          <br />
          {household.address1}
          {household.address2 ? (
            <>
              <br />
              {household.address2}
            </>
          ) : null}
          <br />
          {household.postalCode} {household.city}
        </address>
      </section>
    </div>
  );
}

function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
      {items.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-semibold">{term}</dt>
          <dd className="break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

const STATUS_WORDS = { PAID: "Acquittée", CANCELLED: "Annulée", EXPIRED: "Expirée", PENDING_PAYMENT: "En attente de paiement", UNPAID: "À payer" } as const;

/** What the page header holds besides the document: the links, hidden when printed. */
export type DocumentActions = { pdfHref: string; payHref?: string | null; backHref: string; backLabel: string };

/** The invoice as an accessible page: parties, facts, lines as a table, total, then its payment state and slip. */
export function AccessibleInvoice({ data, actions }: { data: InvoicePdfData; actions: DocumentActions }) {
  const { authority, invoice } = data;
  const what = `la facture N° ${invoice.number}`;
  const lines = data.groups.reduce((n, g) => n + g.lines.length, 0);
  const due = dueLine(invoice);
  return (
    <article data-print-document aria-labelledby="doc-titre" className="space-y-6">
      <DocumentPrintStyle />
      <div>
        <h1 id="doc-titre" className="text-2xl font-bold text-slate-900">
          Facture N° {invoice.number}
        </h1>
        <p className="mt-1 text-slate-700 print:hidden">Version accessible de la facture PDF : le même contenu, à lire ou à imprimer.</p>
      </div>
      <div className="flex flex-wrap gap-2 print:hidden">
        <PdfLink href={actions.pdfHref} what={what} bytes={invoicePdfBytes({ lines, payable: invoice.payable })} />
        {invoice.payable && actions.payHref ? (
          <Link href={actions.payHref} prefetch={false} className={payClass}>
            Payer en ligne<span className="sr-only"> {what}</span>
          </Link>
        ) : null}
        <Link href={actions.backHref} prefetch={false} className="inline-flex min-h-11 items-center px-1 text-brand-700 underline">
          {actions.backLabel}
        </Link>
      </div>

      <DocumentParties authority={authority} household={data.household} responsible={data.responsible} />

      <section aria-labelledby="doc-facture">
        <h2 id="doc-facture" className="mb-2 text-lg font-semibold text-slate-900">
          Facture
        </h2>
        <Facts
          items={[
            ["Numéro", invoice.number],
            ["Date", formatDate(invoice.issuedAt)],
            ...(invoice.qf !== null || invoice.regime
              ? ([
                  ["QF famille", invoice.qf ?? "non communiqué"],
                  ["Régime", invoice.regime ?? "non communiqué"],
                ] as [string, ReactNode][])
              : []),
            ["État", invoice.paid ? paidLabel(invoice) : STATUS_WORDS[invoice.status]],
          ]}
        />
      </section>

      <div role="region" aria-label={`Lignes de ${what}`} tabIndex={0} className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="px-3 py-2 text-left text-base font-semibold">
            Lignes de {what} — total {formatCents(invoice.totalCents)}
          </caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-3 py-2">
                Libellé
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Qté
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Prix
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Total
              </th>
            </tr>
          </thead>
          {data.groups.map((group) => (
            <tbody key={group.title} className="border-t border-slate-200">
              <tr>
                <th scope="rowgroup" colSpan={4} className="px-3 pt-3 pb-1 font-bold text-brand-700">
                  {group.title}
                </th>
              </tr>
              {group.lines.map((line, i) => (
                <tr key={i} className="border-t border-slate-100">
                  <th scope="row" className="px-3 py-1.5 font-normal break-words">
                    {line.label}
                  </th>
                  <td className="px-3 py-1.5 text-right tabular-nums">{line.quantity}</td>
                  <td className="whitespace-nowrap px-3 py-1.5 text-right tabular-nums">{formatCents(line.unitPriceCents)}</td>
                  <td className="whitespace-nowrap px-3 py-1.5 text-right tabular-nums">{formatCents(line.totalCents)}</td>
                </tr>
              ))}
            </tbody>
          ))}
          <tfoot className="border-t-2 border-slate-300">
            <tr>
              <th scope="row" colSpan={3} className="px-3 py-2 text-right font-bold">
                Total
              </th>
              <td className="whitespace-nowrap px-3 py-2 text-right font-bold tabular-nums">{formatCents(invoice.totalCents)}</td>
            </tr>
          </tfoot>
        </table>
      </div>

      <section aria-labelledby="doc-reglement" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="doc-reglement" className="mb-2 text-lg font-semibold text-slate-900">
          Règlement
        </h2>
        {invoice.paid ? (
          <p className="font-bold text-ok-700">{paidLabel(invoice)}</p>
        ) : invoice.cancelled ? (
          <p className="font-bold text-danger-700">
            {invoice.status === "EXPIRED" ? "Expirée : le délai de paiement est dépassé, les places retenues ont été libérées." : "Annulée."}
          </p>
        ) : (
          <div className="space-y-1">
            <p className="font-semibold">{slipTitle(invoice)}</p>
            {due ? <p className="font-semibold">{due}</p> : null}
            <p>
              {PAYMENT_MEANS} {payeeLine(authority)}.
            </p>
            <p className="break-words">{payOnlineLine(invoice)}</p>
            <p>
              {IDENTIFIER_LABEL}
              <strong className="font-mono break-all">{groupedIdentifier(invoice)}</strong>
            </p>
            <p>{THANKS}</p>
          </div>
        )}
      </section>
    </article>
  );
}

/** The credit note as an accessible page: parties, what it corrects and why, the amount credited. */
export function AccessibleCreditNote({ data, actions }: { data: CreditNotePdfData; actions: DocumentActions }) {
  const { authority, creditNote, invoice } = data;
  const what = `l'avoir N° ${creditNote.number}`;
  return (
    <article data-print-document aria-labelledby="doc-titre" className="space-y-6">
      <DocumentPrintStyle />
      <div>
        <h1 id="doc-titre" className="text-2xl font-bold text-slate-900">
          Avoir N° {creditNote.number}
        </h1>
        <p className="mt-1 text-slate-700 print:hidden">Version accessible de l&apos;avoir PDF : le même contenu, à lire ou à imprimer.</p>
      </div>
      <div className="flex flex-wrap gap-2 print:hidden">
        <PdfLink href={actions.pdfHref} what={what} bytes={creditNotePdfBytes()} />
        <Link href={actions.backHref} prefetch={false} className="inline-flex min-h-11 items-center px-1 text-brand-700 underline">
          {actions.backLabel}
        </Link>
      </div>

      <DocumentParties authority={authority} household={data.household} responsible={data.responsible} />

      <section aria-labelledby="doc-avoir" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="doc-avoir" className="mb-2 text-lg font-semibold text-slate-900">
          Avoir
        </h2>
        <Facts
          items={[
            ["Numéro", creditNote.number],
            ["Date", formatDate(creditNote.issuedAt)],
            ["Facture corrigée", correctedInvoice(invoice)],
            ["Motif", creditNote.reason],
            ["Montant de l'avoir", <strong key="amount">{formatCents(creditNote.amountCents)}</strong>],
          ]}
        />
        <p className="mt-4 text-slate-800">{creditNoteExplanation(authority)}</p>
      </section>
    </article>
  );
}
