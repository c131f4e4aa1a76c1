import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageTitle } from "@/components/ui/card";
import { requireStaff } from "@/lib/auth/dal";
import { getHousehold } from "@/lib/households";
import { ScrollTable, captionClass, tdClass, thClass } from "../../_components/scroll-table";
import {
  CIVILITY_LABELS,
  QUALITY_LABELS,
  REGIME_LABELS,
  STATUS_LABELS,
  formatCivilDate,
  formatDate,
  personName,
} from "../../_lib/format";

export const metadata: Metadata = { title: "Fiche famille" };

export default async function HouseholdPage({ params }: { params: Promise<{ id: string }> }) {
  await requireStaff();
  const { id } = await params;
  const household = await getHousehold(id);
  if (!household) notFound();
  return (
    <>
      <p className="mb-4">
        <Link href="/admin/familles" className="inline-flex min-h-11 items-center text-brand-700 underline">
          ← Familles
        </Link>
      </p>
      <PageTitle description={`Famille n° ${household.reference}, enregistrée le ${formatDate(household.createdAt)}`}>
        Famille {household.name}
      </PageTitle>
      <div className="grid gap-6 md:grid-cols-2">
        <Card title="Adresse">
          <address className="not-italic leading-relaxed">
            {household.address1}
            <br />
            {household.address2 ? (
              <>
                {household.address2}
                <br />
              </>
            ) : null}
            {household.postalCode} {household.city}
          </address>
        </Card>
        <Card title="Ressources">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="font-semibold">Quotient familial</dt>
            <dd>
              {household.qf ?? "Non renseigné"}
              {household.qf !== null && household.qfValidUntil
                ? ` (valable jusqu'au ${formatCivilDate(household.qfValidUntil)})`
                : ""}
            </dd>
            <dt className="font-semibold">Régime</dt>
            <dd>{household.regime ? REGIME_LABELS[household.regime] : "Non renseigné"}</dd>
            <dt className="font-semibold">N° d&apos;allocataire CAF</dt>
            <dd>{household.cafNumber ?? "Non renseigné"}</dd>
          </dl>
        </Card>
      </div>
      <div className="mt-6">
        <ScrollTable label="Membres de la famille">
          <table className="w-full min-w-[44rem] border-collapse">
            <caption className={captionClass}>Membres de la famille</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className={thClass}>
                  Nom
                </th>
                <th scope="col" className={thClass}>
                  Qualité
                </th>
                <th scope="col" className={thClass}>
                  Date de naissance
                </th>
                <th scope="col" className={thClass}>
                  Contact
                </th>
                <th scope="col" className={thClass}>
                  Classe
                </th>
                <th scope="col" className={thClass}>
                  Compte
                </th>
              </tr>
            </thead>
            <tbody>
              {household.members.map((m) => (
                <tr key={m.id} className="border-t border-slate-200">
                  <th scope="row" className={`${tdClass} text-left font-semibold`}>
                    {m.civility ? `${CIVILITY_LABELS[m.civility]} ` : ""}
                    {personName(m)}
                  </th>
                  <td className={tdClass}>{QUALITY_LABELS[m.quality]}</td>
                  <td className={tdClass}>{formatCivilDate(m.birthDate)}</td>
                  <td className={tdClass}>
                    {[m.email, m.phone, m.mobile].filter(Boolean).map((c) => (
                      <span key={c} className="block break-all">
                        {c}
                      </span>
                    ))}
                  </td>
                  <td className={tdClass}>{m.schoolClass ?? "—"}</td>
                  <td className={tdClass}>
                    {m.account?.status === "ACTIVE" ? (
                      <span className="font-semibold text-ok-700">Compte synchronisé</span>
                    ) : m.account ? (
                      <Link className="underline" href={`/admin/comptes/${m.account.id}`}>
                        {STATUS_LABELS[m.account.status]}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </div>
    </>
  );
}
