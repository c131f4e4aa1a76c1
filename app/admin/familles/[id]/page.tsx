import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/dal";
import { listHouseholdDocumentsForStaff } from "@/lib/documents";
import { FileLink } from "@/components/ui/new-window";
import { getHousehold, listHouseholdHistory } from "@/lib/households";
import { listSchoolClassOptions } from "@/lib/households/edit";
import { listHouseholdRequestsForStaff } from "@/lib/requests";
import { DataTable } from "../../_components/data-table";
import { DocumentLink } from "../../documents/document-link";
import {
  CIVILITY_LABELS,
  formatCivilDate,
  formatDate,
  formatDateTime,
  personName,
  QUALITY_LABELS,
  REGIME_LABELS,
  REVIEW_STATUS_LABELS,
  USER_STATUS_LABELS,
} from "@/lib/format";
import { HouseholdForm, MemberClassForm } from "./household-forms";
import { workingParentsAction } from "./actions";
import { ActionForm } from "../../catalogue/_components/action-form";
import { getWorkingParents } from "@/lib/families/working-parents";
import { isId } from "@/lib/validation/ids";
import { listChildFilesForStaff } from "@/lib/family-file";
import { ChildFiles } from "./child-files";

/** "YYYY-MM-DD" of a civil date stored at midnight UTC, for a date input. */
const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");

export const metadata: Metadata = { title: "Fiche famille" };

export default async function HouseholdPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRole("staff");
  const { id } = await params;
  if (!isId(id)) notFound();
  const household = await getHousehold(id);
  if (!household) notFound();
  const [documents, requests, history, classOptions, workingParents, childFiles] = await Promise.all([
    listHouseholdDocumentsForStaff(household.id),
    listHouseholdRequestsForStaff(household.id),
    listHouseholdHistory(household.id),
    listSchoolClassOptions(),
    getWorkingParents(household.id),
    listChildFilesForStaff(household.id),
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
        {workingParents ? (
          <Card title="Parents qui travaillent">
            <p className="mb-3 text-sm text-slate-700">
              {workingParents.declared ? "Déclaré par la famille." : "Non déclaré par la famille."}{" "}
              {workingParents.confirmedAt
                ? `Confirmé par le service le ${formatDateTime(workingParents.confirmedAt)}${workingParents.confirmedBy ? ` (${workingParents.confirmedBy})` : ""} : compte pour l'attribution des places de vacances.`
                : "Non confirmé par le service : ne compte pas pour l'attribution des places de vacances."}
            </p>
            <ActionForm
              action={workingParentsAction}
              submitLabel={workingParents.confirmedAt ? "Retirer la confirmation" : "Confirmer"}
              variant="secondary"
              inline
            >
              <input type="hidden" name="householdId" value={household.id} />
              <input type="hidden" name="confirm" value={workingParents.confirmedAt ? "0" : "1"} />
            </ActionForm>
          </Card>
        ) : null}
      </div>
      <div className="mt-6">
        <DataTable
          label="Membres de la famille"
          caption="Membres de la famille"
          minWidth="44rem"
          rows={household.members}
          rowKey={(m) => m.id}
          columns={[
            {
              header: "Nom",
              rowHeader: true,
              className: "font-semibold",
              cell: (m) => (
                <>
                  {m.civility ? `${CIVILITY_LABELS[m.civility]} ` : ""}
                  {personName(m)}
                </>
              ),
            },
            { header: "Qualité", cell: (m) => QUALITY_LABELS[m.quality] },
            { header: "Date de naissance", cell: (m) => formatCivilDate(m.birthDate) },
            {
              header: "Contact",
              cell: (m) =>
                [m.email, m.phone, m.mobile].filter(Boolean).map((c) => (
                  <span key={c} className="block break-all">
                    {c}
                  </span>
                )),
            },
            { header: "Classe", cell: (m) => m.schoolClass ?? "—" },
            {
              header: "Compte",
              cell: (m) =>
                m.account?.status === "ACTIVE" ? (
                  <span className="font-semibold text-ok-700">Compte synchronisé</span>
                ) : m.account ? (
                  <Link className="underline" href={`/admin/comptes/${m.account.id}`}>
                    {USER_STATUS_LABELS[m.account.status]}
                  </Link>
                ) : (
                  "—"
                ),
            },
          ]}
        />
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
      {childFiles.length > 0 ? (
        <div className="mt-6">
          <ChildFiles files={childFiles} />
        </div>
      ) : null}
      <div className="mt-6">
        <DataTable
          label="Documents de la famille"
          caption="Documents"
          minWidth="44rem"
          rows={documents}
          rowKey={(d) => d.id}
          emptyRow="Aucun document."
          columns={[
            {
              header: "Document",
              rowHeader: true,
              className: "font-normal",
              cell: (d) => <DocumentLink document={d} />,
            },
            { header: "Membre", cell: (d) => d.ownerName ?? "—" },
            { header: "Envoyé le", cell: (d) => formatDateTime(d.createdAt) },
            { header: "Status", cell: (d) => (d.deletedAt ? "Supprimé par la famille" : REVIEW_STATUS_LABELS[d.status]) },
            {
              header: "Versions précédentes",
              cell: (d) =>
                d.history.length === 0
                  ? "—"
                  : d.history.map((v) => (
                      <FileLink
                        key={v.id}
                        fileId={v.fileId}
                        fileName={v.fileName}
                        mimeType={v.mimeType}
                        size={v.size}
                        className="block break-all text-brand-700 underline"
                      >
                        {" "}
                        du {formatDate(v.createdAt)}
                      </FileLink>
                    )),
            },
          ]}
        />
      </div>
      <div className="mt-6">
        <DataTable
          label="Demandes de la famille"
          caption="Demandes"
          minWidth="36rem"
          rows={requests}
          rowKey={(r) => r.id}
          emptyRow="Aucune demande."
          columns={[
            {
              header: "Demande",
              rowHeader: true,
              className: "font-normal",
              cell: (r) => (
                <Link href={`/admin/demandes/${r.id}`} className="font-semibold text-brand-700 underline">
                  {r.label}
                </Link>
              ),
            },
            { header: "Membre", cell: (r) => r.personName ?? "—" },
            { header: "Date", cell: (r) => formatDateTime(r.createdAt) },
            { header: "Etat", cell: (r) => REVIEW_STATUS_LABELS[r.status] },
          ]}
        />
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
