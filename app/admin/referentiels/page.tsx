import type { Metadata } from "next";
import { Card, PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/dal";
import { listReferentials } from "@/lib/referentials";
import { formatCount, REQUEST_ACTION_LABELS } from "@/lib/format";
import { DataTable } from "../_components/data-table";
import {
  DietForm,
  DietRenameForm,
  DocumentTypeForm,
  RequestTypeForm,
  SchoolClassForm,
  SiteForm,
  ToggleForm,
  ValidityForm,
} from "./forms";

export const metadata: Metadata = { title: "Référentiels" };

export default async function ReferentialsPage() {
  await requireRole("staff");
  const { sites, documentTypes, requestTypes, diets } = await listReferentials();
  return (
    <>
      <PageTitle description="Sites et classes, types de documents, démarches administratives proposées aux familles et régimes alimentaires.">
        Référentiels
      </PageTitle>
      <div className="space-y-8">
        <section aria-labelledby="sites-title" className="space-y-4">
          <h2 id="sites-title" className="text-xl font-semibold">
            Sites et classes
          </h2>
          {sites.length === 0 ? (
            <p className="text-sm">Aucun site.</p>
          ) : (
            <ul className="space-y-3">
              {sites.map((s) => (
                <li
                  key={s.id}
                  className="rounded-lg border border-slate-200 bg-white p-3"
                >
                  <p className="font-semibold">
                    {s.name}
                    {s.address ? (
                      <span className="font-normal text-slate-600">
                        {" "}
                        — {s.address}
                      </span>
                    ) : null}
                  </p>
                  <p className="text-sm text-slate-700">
                    {s.classes.length === 0
                      ? "Aucune classe."
                      : s.classes
                          .map(
                            (c) =>
                              `${c.name}${c.teacher ? ` (${c.teacher})` : ""} : ${formatCount(c.pupils, "élève")}`,
                          )
                          .join(" · ")}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <div className="grid gap-6 md:grid-cols-2">
            <Card title="Ajouter un site">
              <SiteForm />
            </Card>
            <Card title="Ajouter une classe">
              {sites.length ? (
                <SchoolClassForm
                  sites={sites.map((s) => ({ value: s.id, label: s.name }))}
                />
              ) : (
                <p className="text-sm">Ajoutez d&apos;abord un site.</p>
              )}
            </Card>
          </div>
        </section>

        <section aria-labelledby="types-title" className="space-y-4">
          <h2 id="types-title" className="text-xl font-semibold">
            Types de documents
          </h2>
          {/* ScrollTable is "relative": the buttons' hidden labels (position: absolute) stay inside the scroll region on a phone. */}
          <DataTable
            label="Types de documents"
            caption="Types de documents"
            minWidth="48rem"
            rows={documentTypes}
            rowKey={(d) => d.id}
            columns={[
              {
                header: "Intitulé",
                rowHeader: true,
                className: "font-semibold",
                cell: (d) => (
                  <>
                    {d.label}
                    {d.description ? <span className="block text-xs font-normal text-slate-600">{d.description}</span> : null}
                  </>
                ),
              },
              { header: "Code", cell: (d) => d.code },
              { header: "Validité", cell: (d) => <ValidityForm id={d.id} validityMonths={d.validityMonths} label={d.label} /> },
              { header: "Etat", cell: (d) => (d.active ? "Actif" : "Désactivé") },
              {
                header: <span className="sr-only">Actions</span>,
                cell: (d) => <ToggleForm kind="document" id={d.id} active={d.active} label={d.label} />,
              },
            ]}
          />
          <Card title="Ajouter un type de document">
            <DocumentTypeForm />
          </Card>
        </section>

        <section aria-labelledby="requests-title" className="space-y-4">
          <h2 id="requests-title" className="text-xl font-semibold">
            Démarches administratives
          </h2>
          <DataTable
            label="Démarches administratives"
            caption="Démarches proposées aux familles"
            minWidth="44rem"
            rows={requestTypes}
            rowKey={(r) => r.id}
            columns={[
              {
                header: "Intitulé",
                rowHeader: true,
                className: "font-semibold",
                cell: (r) => (
                  <>
                    {r.label}
                    <span className="block text-xs font-normal text-slate-600">
                      {r.code}
                      {r.needsMember ? " · membre à choisir" : ""}
                      {r.fields.length ? ` · champs : ${r.fields.map((f) => f.label).join(", ")}` : ""}
                    </span>
                  </>
                ),
              },
              { header: "Service", cell: (r) => r.service },
              { header: "Effet", cell: (r) => REQUEST_ACTION_LABELS[r.action] },
              { header: "Justificatifs", cell: (r) => r.documentTypes.join(", ") || "—" },
              { header: "Etat", cell: (r) => (r.active ? "Active" : "Désactivée") },
              {
                header: <span className="sr-only">Actions</span>,
                cell: (r) => <ToggleForm kind="request" id={r.id} active={r.active} label={r.label} />,
              },
            ]}
          />
          <Card title="Ajouter une démarche">
            <RequestTypeForm
              actions={Object.entries(REQUEST_ACTION_LABELS).map(
                ([value, label]) => ({ value, label }),
              )}
              documentTypes={documentTypes
                .filter((d) => d.active)
                .map((d) => ({ value: d.id, label: d.label }))}
            />
          </Card>
        </section>

        <section aria-labelledby="diets-title" className="space-y-4">
          <h2 id="diets-title" className="text-xl font-semibold">
            Régimes alimentaires
          </h2>
          <p className="text-sm text-slate-700">
            Les familles les cochent sur la fiche santé de leurs enfants ; les listes du jour et les effectifs de la cantine
            les reprennent. Un régime désactivé n&apos;est plus proposé mais reste sur la fiche des enfants qui le suivent.
          </p>
          <DataTable
            label="Régimes alimentaires"
            caption="Régimes alimentaires"
            minWidth="40rem"
            rows={diets}
            rowKey={(d) => d.id}
            emptyState={{ title: "Aucun régime alimentaire." }}
            columns={[
              { header: "Régime", rowHeader: true, className: "font-semibold", cell: (d) => d.label },
              { header: "Enfants", align: "right", cell: (d) => d.children },
              { header: "Etat", cell: (d) => (d.active ? "Actif" : "Désactivé") },
              { header: <span className="sr-only">Renommer</span>, cell: (d) => <DietRenameForm id={d.id} label={d.label} /> },
              {
                header: <span className="sr-only">Actions</span>,
                cell: (d) => <ToggleForm kind="diet" id={d.id} active={d.active} label={d.label} />,
              },
            ]}
          />
          <Card title="Ajouter un régime">
            <DietForm />
          </Card>
        </section>
      </div>
    </>
  );
}
