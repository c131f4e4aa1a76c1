import Link from "next/link";
import { formatCents, formatDay } from "@/lib/format";
import type { TaxCertificatePdfData } from "@/lib/billing/pdf/certificate-types";
import { madeAtLine, TAX_CERTIFICATE_NOTE, taxCertificateStatement, taxCertificateTitle } from "@/lib/billing/pdf/certificate-wording";
import { authorityIdentityLines } from "@/lib/billing/pdf/wording";

// As the invoice's accessible version (components/billing/accessible-documents.tsx): printed, the page is the document alone.
const PRINT_CSS = `@media print {
  body:has([data-print-document]) :is(header, nav, footer, [data-demo-banner]):not([data-print-document] *) { display: none !important; }
  body:has([data-print-document]) { background: #fff; }
  [data-print-document] { font-size: 11pt; }
}`;

const linkClass =
  "inline-flex min-h-11 items-center justify-center gap-1 rounded-md border border-brand-700 bg-white px-3 font-semibold text-brand-700 hover:bg-brand-50";

/** The tax certificate as an accessible page: the same figures and words as its PDF, with headings and a table. */
export function AccessibleTaxCertificate({ data, pdfHref }: { data: TaxCertificatePdfData; pdfHref: string }) {
  const { authority, household } = data;
  const title = taxCertificateTitle(data.year);
  return (
    <article data-print-document aria-labelledby="doc-titre" className="space-y-6">
      <style>{PRINT_CSS}</style>
      <div>
        <h1 id="doc-titre" className="text-2xl font-bold text-slate-900">
          {title}
        </h1>
        <p className="mt-1 text-slate-700 print:hidden">Version accessible de l&apos;attestation PDF : le même contenu, à lire ou à imprimer.</p>
      </div>
      <div className="flex flex-wrap gap-2 print:hidden">
        <a href={pdfHref} className={linkClass}>
          Télécharger<span className="sr-only"> l&apos;attestation fiscale {data.year}</span> (PDF)
        </a>
        <Link href="/factures/attestations" prefetch={false} className="inline-flex min-h-11 items-center px-1 text-brand-700 underline">
          Retour aux attestations
        </Link>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <section aria-labelledby="doc-emetteur" className="rounded-lg border border-slate-200 bg-white p-4 print:border-0 print:p-0">
          <h2 id="doc-emetteur" className="text-lg font-semibold text-slate-900">
            Émetteur
          </h2>
          <address className="not-italic break-words">
            <strong>{authority.name}</strong>
            <br />
            {authority.address1}
            {authority.address2 ? <span className="block">{authority.address2}</span> : <br />}
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
            Famille
          </h2>
          <address className="not-italic break-words">
            <strong>{data.responsible}</strong>
            <br />
            Famille {household.name} (n° {household.reference})
            <br />
            {household.address1}
            {household.address2 ? <span className="block">{household.address2}</span> : <br />}
            {household.postalCode} {household.city}
          </address>
        </section>
      </div>
      <p className="break-words">{taxCertificateStatement(data)}</p>
      <div role="region" aria-label="Montants par enfant" tabIndex={0} className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="px-3 py-2 text-left text-base font-semibold">Montants par enfant — total {formatCents(data.totalCents)}</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-3 py-2">
                Enfant
              </th>
              <th scope="col" className="px-3 py-2">
                Date de naissance
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Montant
              </th>
            </tr>
          </thead>
          <tbody>
            {data.children.map((c) => (
              <tr key={`${c.firstName}-${c.birthDate}`} className="border-t border-slate-100">
                <th scope="row" className="px-3 py-1.5 font-normal break-words">
                  {c.firstName} {c.lastName}
                </th>
                <td className="px-3 py-1.5">{formatDay(c.birthDate)}</td>
                <td className="whitespace-nowrap px-3 py-1.5 text-right tabular-nums">{formatCents(c.amountCents)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t-2 border-slate-300">
            <tr>
              <th scope="row" colSpan={2} className="px-3 py-2 text-right font-bold">
                Total
              </th>
              <td className="whitespace-nowrap px-3 py-2 text-right font-bold tabular-nums">{formatCents(data.totalCents)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="text-slate-800">{TAX_CERTIFICATE_NOTE}</p>
      <p>
        {madeAtLine(authority, data.issuedAt)}
        <br />
        Pour {authority.name}, {authority.regieName}
      </p>
    </article>
  );
}
