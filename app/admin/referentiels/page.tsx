import type { Metadata } from "next";
import { Card, PageTitle } from "@/components/ui/card";
import { requireStaff } from "@/lib/auth/dal";
import { listReferentials, REQUEST_ACTION_LABELS } from "@/lib/referentials";
import {
  ScrollTable,
  captionClass,
  tdClass,
  thClass,
} from "../_components/scroll-table";
import {
  DocumentTypeForm,
  RequestTypeForm,
  SchoolClassForm,
  SiteForm,
  ToggleForm,
} from "./forms";

export const metadata: Metadata = { title: "Référentiels" };

export default async function ReferentialsPage() {
  await requireStaff();
  const { sites, documentTypes, requestTypes } = await listReferentials();
  return (
    <>
      <PageTitle description="Sites et classes, types de documents et démarches administratives proposées aux familles.">
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
                              `${c.name}${c.teacher ? ` (${c.teacher})` : ""} : ${c.pupils} élève(s)`,
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
          <ScrollTable label="Types de documents">
            {/* "relative": the buttons' hidden labels (position: absolute) stay inside the scroll region on a phone. */}
            <div className="relative">
              <table className="w-full min-w-[36rem] border-collapse">
                <caption className={captionClass}>Types de documents</caption>
                <thead className="bg-slate-100">
                  <tr>
                    <th scope="col" className={thClass}>
                      Intitulé
                    </th>
                    <th scope="col" className={thClass}>
                      Code
                    </th>
                    <th scope="col" className={thClass}>
                      Etat
                    </th>
                    <th scope="col" className={thClass}>
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {documentTypes.map((d) => (
                    <tr key={d.id} className="border-t border-slate-200">
                      <th
                        scope="row"
                        className={`${tdClass} text-left font-semibold`}
                      >
                        {d.label}
                        {d.description ? (
                          <span className="block text-xs font-normal text-slate-600">
                            {d.description}
                          </span>
                        ) : null}
                      </th>
                      <td className={tdClass}>{d.code}</td>
                      <td className={tdClass}>
                        {d.active ? "Actif" : "Désactivé"}
                      </td>
                      <td className={tdClass}>
                        <ToggleForm
                          kind="document"
                          id={d.id}
                          active={d.active}
                          label={d.label}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </ScrollTable>
          <Card title="Ajouter un type de document">
            <DocumentTypeForm />
          </Card>
        </section>

        <section aria-labelledby="requests-title" className="space-y-4">
          <h2 id="requests-title" className="text-xl font-semibold">
            Démarches administratives
          </h2>
          <ScrollTable label="Démarches administratives">
            <div className="relative">
              <table className="w-full min-w-[44rem] border-collapse">
                <caption className={captionClass}>
                  Démarches proposées aux familles
                </caption>
                <thead className="bg-slate-100">
                  <tr>
                    <th scope="col" className={thClass}>
                      Intitulé
                    </th>
                    <th scope="col" className={thClass}>
                      Service
                    </th>
                    <th scope="col" className={thClass}>
                      Effet
                    </th>
                    <th scope="col" className={thClass}>
                      Justificatifs
                    </th>
                    <th scope="col" className={thClass}>
                      Etat
                    </th>
                    <th scope="col" className={thClass}>
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {requestTypes.map((r) => (
                    <tr key={r.id} className="border-t border-slate-200">
                      <th
                        scope="row"
                        className={`${tdClass} text-left font-semibold`}
                      >
                        {r.label}
                        <span className="block text-xs font-normal text-slate-600">
                          {r.code}
                          {r.needsMember ? " · membre à choisir" : ""}
                          {r.fields.length
                            ? ` · champs : ${r.fields.map((f) => f.label).join(", ")}`
                            : ""}
                        </span>
                      </th>
                      <td className={tdClass}>{r.service}</td>
                      <td className={tdClass}>
                        {REQUEST_ACTION_LABELS[r.action]}
                      </td>
                      <td className={tdClass}>
                        {r.documentTypes.join(", ") || "—"}
                      </td>
                      <td className={tdClass}>
                        {r.active ? "Active" : "Désactivée"}
                      </td>
                      <td className={tdClass}>
                        <ToggleForm
                          kind="request"
                          id={r.id}
                          active={r.active}
                          label={r.label}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </ScrollTable>
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
      </div>
    </>
  );
}
