import Link from "next/link";
import { DocumentParties, DocumentPrintStyle, documentLinkClass } from "@/components/billing/accessible-documents";
import { formatCents, formatDay } from "@/lib/format";
import type { TaxCertificatePdfData } from "@/lib/billing/pdf/certificate-types";
import { madeAtLine, TAX_CERTIFICATE_NOTE, taxCertificateStatement, taxCertificateTitle } from "@/lib/billing/pdf/certificate-wording";

/** The tax certificate as an accessible page: the same figures and words as its PDF, with headings and a table. */
export function AccessibleTaxCertificate({ data, pdfHref }: { data: TaxCertificatePdfData; pdfHref: string }) {
  const { authority, household } = data;
  const title = taxCertificateTitle(data.year);
  return (
    <article data-print-document aria-labelledby="doc-titre" className="space-y-6">
      <DocumentPrintStyle />
      <div>
        <h1 id="doc-titre" className="text-2xl font-bold text-slate-900">
          {title}
        </h1>
        <p className="mt-1 text-slate-700 print:hidden">Version accessible de l&apos;attestation PDF : le même contenu, à lire ou à imprimer.</p>
      </div>
      <div className="flex flex-wrap gap-2 print:hidden">
        <a href={pdfHref} className={documentLinkClass}>
          Télécharger<span className="sr-only"> l&apos;attestation fiscale {data.year}</span> (PDF)
        </a>
        <Link href="/factures/attestations" prefetch={false} className="inline-flex min-h-11 items-center px-1 text-brand-700 underline">
          Retour aux attestations
        </Link>
      </div>
      <DocumentParties authority={authority} household={household} responsible={data.responsible} recipientTitle="Famille" />
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
