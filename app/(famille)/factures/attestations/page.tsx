import type { Metadata } from "next";
import Link from "next/link";
import { AccessibleVersionLink } from "@/components/billing/accessible-documents";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field, Input, Select } from "@/components/ui/field";
import { requireRole } from "@/lib/auth/dal";
import { listHouseholdChildren, parseAttendanceRequest } from "@/lib/certificates/attendance";
import { listTaxCertificates } from "@/lib/certificates/documents";
import { INVALID_FORM } from "@/lib/forms";
import { formatCents, formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Attestations" };

const docClass = "inline-flex min-h-11 flex-1 items-center justify-center gap-1 rounded-md border border-brand-700 px-3 font-semibold text-brand-700 sm:flex-none";

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/**
 * Factures › Attestations: the yearly tax certificates the service issued,
 * and the attendance certificate a family makes itself. The attendance form
 * is a GET form to the PDF route, so it works without JavaScript; a refused
 * period comes back here (`?erreur=1`) with the summary and the values.
 */
export default async function CertificatesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole("parent");
  const params = await searchParams;
  const [certificates, children] = await Promise.all([listTaxCertificates(user.householdId), listHouseholdChildren(user.householdId)]);
  const values = { enfant: one(params.enfant), du: one(params.du), au: one(params.au) };
  const parsed = one(params.erreur) === "1" ? parseAttendanceRequest(values, new Date()) : null;
  const fieldErrors = parsed && !parsed.ok ? parsed.fieldErrors : {};
  return (
    <>
      <PageTitle description="Vos attestations fiscales (frais de garde des enfants de moins de 6 ans) et vos attestations de présence.">Attestations</PageTitle>
      <p className="mb-4">
        <Link href="/factures" className="inline-flex min-h-11 items-center text-brand-700 underline">
          Retour aux factures
        </Link>
      </p>
      <div className="space-y-6">
        <section aria-labelledby="attestations-fiscales">
          <h2 id="attestations-fiscales" className="mb-3 text-xl font-semibold text-slate-900">
            Attestations fiscales
          </h2>
          {certificates.length === 0 ? (
            <EmptyState title="Aucune attestation fiscale pour le moment.">
              Le service l&apos;établit chaque année en janvier pour les frais de garde payés l&apos;année précédente pour vos enfants de moins de 6 ans.
            </EmptyState>
          ) : (
            <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="tax-certificates">
              {certificates.map((c) => {
                const what = `l'attestation fiscale ${c.year}`;
                return (
                  <li key={c.year} className="flex flex-wrap items-center justify-between gap-3 p-3" data-year={c.year}>
                    <div className="min-w-0 flex-1">
                      <p className="flex flex-wrap items-baseline justify-between gap-x-3">
                        <span className="font-semibold">Année {c.year}</span>
                        <span className="text-lg font-bold tabular-nums">{formatCents(c.totalCents)}</span>
                      </p>
                      <p className="text-sm text-slate-700">Établie le {formatDate(c.issuedAt)}</p>
                    </div>
                    <div className="flex w-full flex-wrap gap-2 sm:w-auto">
                      <a href={`/factures/attestations/fiscale/${c.year}/pdf`} className={docClass}>
                        Télécharger<span className="sr-only"> {what}</span> (PDF)
                      </a>
                      <AccessibleVersionLink href={`/factures/attestations/fiscale/${c.year}/version-accessible`} what={what} className={docClass} />
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </section>

        <Card title="Attestation de présence">
          {children.length === 0 ? (
            <p>Aucun enfant n&apos;est inscrit dans votre famille.</p>
          ) : (
            <form method="get" action="/factures/attestations/presence" className="space-y-4" id="presence" noValidate>
              <ErrorSummary state={parsed && !parsed.ok ? { status: "error", message: INVALID_FORM, fieldErrors } : { status: "idle" }} />
              <p className="text-slate-700">Les jours où votre enfant a été accueilli (réservations confirmées, hors absences), jusqu&apos;à aujourd&apos;hui.</p>
              <Field label="Enfant" id="presence-enfant" error={fieldErrors.enfant} required>
                {(props) => (
                  <Select {...props} name="enfant" defaultValue={values.enfant || children[0].id}>
                    {children.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.firstName} {c.lastName}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              <div className="grid gap-4 sm:grid-cols-2">
                <Field label="Du" id="presence-du" error={fieldErrors.du} required>
                  {(props) => <Input {...props} type="date" name="du" defaultValue={values.du} />}
                </Field>
                <Field label="Au" id="presence-au" error={fieldErrors.au} required>
                  {(props) => <Input {...props} type="date" name="au" defaultValue={values.au} />}
                </Field>
              </div>
              <button type="submit" className={buttonClass("primary", "w-full sm:w-auto")}>
                Télécharger l&apos;attestation de présence
              </button>
            </form>
          )}
        </Card>
      </div>
    </>
  );
}
