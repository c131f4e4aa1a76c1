import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageTitle } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { requireRole } from "@/lib/auth/dal";
import { getSettings, tariffDefaultsOf } from "@/lib/settings";
import { listServicesWithProducts, listSiteOptions } from "@/lib/catalogue/admin";
import { ABSENCE_CREDIT_LABELS } from "@/lib/format";
import { ActionForm } from "./_components/action-form";
import { ProductFields } from "./_components/product-fields";
import { TariffRule } from "./_components/tariff-rule";
import { saveProductAction, saveServiceAction } from "./actions";
import { roleGrants } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Catalogue" };

export default async function CataloguePage() {
  const user = await requireRole("staff");
  const [services, sites, settings] = await Promise.all([listServicesWithProducts(), listSiteOptions(), getSettings()]);
  const tariffDefaults = tariffDefaultsOf(settings);
  return (
    <>
      <PageTitle description="Services, prestations, règles de réservation et tarifs.">Catalogue</PageTitle>
      <div className="space-y-6">
        <TariffRule defaults={tariffDefaults} isAdmin={roleGrants(user.role, "admin")} />
        {services.map((service) => (
          <Card key={service.id} title={`${service.name}${service.active ? "" : " (fermé)"}`}>
            {service.description ? <p className="mb-2 text-sm text-slate-700">{service.description}</p> : null}
            {service.requiresFileUpdate ? (
              <p className="mb-2 text-sm text-slate-700">Dossier famille à jour exigé pour l&apos;année scolaire suivante.</p>
            ) : null}
            <ul className="divide-y divide-slate-200">
              {service.products.map((p) => (
                <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <Link href={`/admin/catalogue/${p.id}`} className="font-semibold text-brand-700 underline">
                    {p.name}
                  </Link>
                  <span className="text-sm text-slate-700">
                    {p.defaultCapacity} places · délai {p.deadlineDays} j à {p.deadlineTime} · {p.tariffCount} tarifs · absence{" "}
                    {ABSENCE_CREDIT_LABELS[p.absenceCredit].toLowerCase()}
                    {p.absenceCredit !== "NONE" && p.absenceCarenceDays > 0 ? ` après ${p.absenceCarenceDays} j de carence` : ""}
                    {p.taxCertificateEligible ? " · attestation fiscale" : ""}
                    {p.active ? "" : " · fermée"}
                  </span>
                </li>
              ))}
            </ul>
            <details className="mt-3">
              <summary className="cursor-pointer font-semibold text-brand-700">Modifier le service</summary>
              <ActionForm action={saveServiceAction} submitLabel="Enregistrer le service">
                <input type="hidden" name="id" value={service.id} />
                <Field label="Nom du service" required>
                  {(p) => <Input {...p} name="name" required defaultValue={service.name} />}
                </Field>
                <Field label="Description">{(p) => <Input {...p} name="description" defaultValue={service.description ?? ""} />}</Field>
                <Field label="Ordre d'affichage">{(p) => <Input {...p} name="sortOrder" inputMode="numeric" defaultValue={service.sortOrder} />}</Field>
                <label className="flex min-h-11 items-center gap-2">
                  <input type="checkbox" name="active" defaultChecked={service.active} className="size-5" /> Service ouvert
                </label>
                <label className="flex min-h-11 items-center gap-2">
                  <input type="checkbox" name="requiresFileUpdate" defaultChecked={service.requiresFileUpdate} className="size-5" />
                  Dossier famille à jour exigé pour l&apos;année scolaire suivante
                </label>
              </ActionForm>
            </details>
          </Card>
        ))}

        <Card title="Nouveau service">
          <ActionForm action={saveServiceAction} submitLabel="Créer le service">
            <Field label="Nom du service" required>
              {(p) => <Input {...p} name="name" required />}
            </Field>
            <Field label="Description">{(p) => <Input {...p} name="description" />}</Field>
            <input type="hidden" name="active" value="on" />
            <label className="flex min-h-11 items-center gap-2">
              <input type="checkbox" name="requiresFileUpdate" className="size-5" />
              Dossier famille à jour exigé pour l&apos;année scolaire suivante
            </label>
          </ActionForm>
        </Card>

        {services.length > 0 ? (
          <Card title="Nouvelle prestation">
            <ActionForm action={saveProductAction} submitLabel="Créer la prestation">
              <ProductFields services={services} sites={sites} />
            </ActionForm>
          </Card>
        ) : null}
      </div>
    </>
  );
}
