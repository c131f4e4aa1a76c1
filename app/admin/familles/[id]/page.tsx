import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageTitle } from "@/components/ui/card";
import { requireStaff } from "@/lib/auth/dal";
import { listHouseholdDocumentsForStaff, REVIEW_STATUS_LABELS } from "@/lib/documents";
import { visibleFileName } from "@/lib/files/name";
import { getHousehold, listHouseholdHistory } from "@/lib/households";
import { listSchoolClassOptions } from "@/lib/households/edit";
import { listHouseholdRequestsForStaff } from "@/lib/requests";
import { ScrollTable, captionClass, tdClass, thClass } from "../../_components/scroll-table";
import {
  CIVILITY_LABELS,
  QUALITY_LABELS,
  REGIME_LABELS,
  STATUS_LABELS,
  formatCivilDate,
  formatDate,
  formatDateTime,
  personName,
} from "../../_lib/format";
import { HouseholdForm, MemberClassForm } from "./household-forms";
import { isId } from "@/lib/validation/ids";

/** "YYYY-MM-DD" of a civil date stored at midnight UTC, for a date input. */
const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");

export const metadata: Metadata = { title: "Fiche famille" };

export default async function HouseholdPage({ params }: { params: Promise<{ id: string }> }) {
  await requireStaff();
  const { id } = await params;
  if (!isId(id)) notFound();
  const household = await getHousehold(id);
  if (!household) notFound();
  const [documents, requests, history, classOptions] = await Promise.all([
    listHouseholdDocumentsForStaff(household.id),
    listHouseholdRequestsForStaff(household.id),
    listHouseholdHistory(household.id),
    listSchoolClassOptions(),
  ]);
  const children = household.members.filter((m) => m.quality === "ENFANT");
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
      <p className="mb-6">
        <Link
          href={`/admin/familles/${household.id}/compte`}
          className="inline-flex min-h-11 items-center rounded-md border border-brand-700 px-4 font-semibold text-brand-700"
        >
          Compte famille : relevé, avoirs, remboursements
        </Link>
      </p>
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
      <div className="mt-6 grid gap-6 md:grid-cols-2">
        <Card title="Modifier la famille">
          <HouseholdForm
            initial={{
              householdId: household.id,
              address1: household.address1,
              address2: household.address2 ?? "",
              postalCode: household.postalCode,
              city: household.city,
              qf: household.qf === null ? "" : String(household.qf),
              qfValidUntil: isoDay(household.qfValidUntil),
              regime: household.regime ?? "",
              cafNumber: household.cafNumber ?? "",
            }}
          />
        </Card>
        <Card title="Scolarité des enfants">
          {children.length === 0 ? (
            <p className="text-sm">Aucun enfant dans cette famille.</p>
          ) : classOptions.length === 0 ? (
            <p className="text-sm">
              Aucune classe n&apos;est enregistrée : ajoutez les sites et les classes dans les{" "}
              <Link href="/admin/referentiels" className="text-brand-700 underline">
                référentiels
              </Link>
              .
            </p>
          ) : (
            <div className="space-y-4">
              {children.map((c) => (
                <MemberClassForm
                  key={c.id}
                  personId={c.id}
                  personLabel={`${c.firstName} ${c.lastName}`}
                  schoolClassId={c.schoolClassId}
                  options={classOptions}
                />
              ))}
            </div>
          )}
        </Card>
      </div>
      <div className="mt-6">
        <ScrollTable label="Documents de la famille">
          <table className="w-full min-w-[44rem] border-collapse">
            <caption className={captionClass}>Documents</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className={thClass}>Document</th>
                <th scope="col" className={thClass}>Membre</th>
                <th scope="col" className={thClass}>Envoyé le</th>
                <th scope="col" className={thClass}>Status</th>
                <th scope="col" className={thClass}>Versions précédentes</th>
              </tr>
            </thead>
            <tbody>
              {documents.length === 0 ? (
                <tr>
                  <td colSpan={5} className={tdClass}>Aucun document.</td>
                </tr>
              ) : (
                documents.map((d) => (
                  <tr key={d.id} className="border-t border-slate-200">
                    <th scope="row" className={`${tdClass} text-left font-normal`}>
                      <Link href={`/admin/documents/${d.id}`} className="font-semibold text-brand-700 underline">
                        {d.typeLabel}
                      </Link>
                      <span className="block break-all text-xs text-slate-600">{visibleFileName(d.fileName)}</span>
                    </th>
                    <td className={tdClass}>{d.ownerName ?? "—"}</td>
                    <td className={tdClass}>{formatDateTime(d.createdAt)}</td>
                    <td className={tdClass}>
                      {d.deletedAt ? "Supprimé par la famille" : REVIEW_STATUS_LABELS[d.status]}
                    </td>
                    <td className={tdClass}>
                      {d.history.length === 0
                        ? "—"
                        : d.history.map((v) => (
                            <a
                              key={v.id}
                              href={`/api/fichiers/${v.fileId}`}
                              target="_blank"
                              rel="noopener noreferrer"
                              className="block break-all text-brand-700 underline"
                            >
                              {visibleFileName(v.fileName)} ({formatDate(v.createdAt)})
                            </a>
                          ))}
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </ScrollTable>
      </div>
      <div className="mt-6">
        <ScrollTable label="Demandes de la famille">
          <table className="w-full min-w-[36rem] border-collapse">
            <caption className={captionClass}>Demandes</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className={thClass}>Demande</th>
                <th scope="col" className={thClass}>Membre</th>
                <th scope="col" className={thClass}>Date</th>
                <th scope="col" className={thClass}>Etat</th>
              </tr>
            </thead>
            <tbody>
              {requests.length === 0 ? (
                <tr>
                  <td colSpan={4} className={tdClass}>Aucune demande.</td>
                </tr>
              ) : (
                requests.map((r) => (
                  <tr key={r.id} className="border-t border-slate-200">
                    <th scope="row" className={`${tdClass} text-left font-normal`}>
                      <Link href={`/admin/demandes/${r.id}`} className="font-semibold text-brand-700 underline">
                        {r.label}
                      </Link>
                    </th>
                    <td className={tdClass}>{r.personName ?? "—"}</td>
                    <td className={tdClass}>{formatDateTime(r.createdAt)}</td>
                    <td className={tdClass}>{REVIEW_STATUS_LABELS[r.status]}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </ScrollTable>
      </div>
      <div className="mt-6">
        <Card title="Historique">
          {history.length === 0 ? (
            <p className="text-sm">Aucun événement.</p>
          ) : (
            <ol className="space-y-2 text-sm">
              {history.map((e) => (
                <li key={e.id}>
                  <span className="font-semibold">{formatDateTime(e.createdAt)}</span> — {e.actionLabel}
                  {e.label ? ` : ${e.label}` : ""}
                  {e.reason ? ` (motif : ${e.reason})` : ""}
                  {e.actorName ? `, par ${e.actorName}` : ""}
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
    </>
  );
}
