import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageTitle } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { requireRole } from "@/lib/auth/dal";
import { getSettings, tariffDefaultsOf } from "@/lib/settings";
import { getProductForStaff, listServiceOptions, listSiteOptions } from "@/lib/catalogue/admin";
import { parisDay } from "@/lib/dates";
import { formatCents, formatCivilDate, labelOptions, REGIME_LABELS } from "@/lib/format";
import { DataTable } from "../../_components/data-table";
import { ActionForm } from "../_components/action-form";
import { ProductFields } from "../_components/product-fields";
import { TariffRule } from "../_components/tariff-rule";
import { addTariffAction, deleteTariffAction, saveProductAction } from "../actions";
import { isId } from "@/lib/validation/ids";
import { roleGrants } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Prestation" };

export default async function ProductPage({ params }: { params: Promise<{ productId: string }> }) {
  const user = await requireRole("staff");
  const { productId } = await params;
  if (!isId(productId)) notFound();
  const product = await getProductForStaff(productId);
  if (!product) notFound();
  const [services, sites, settings] = await Promise.all([listServiceOptions(), listSiteOptions(), getSettings()]);
  const tariffDefaults = tariffDefaultsOf(settings);

  return (
    <>
      <PageTitle description={product.serviceName}>{product.name}</PageTitle>
      <p className="mb-4">
        <Link href="/admin/catalogue" className="font-semibold text-brand-700 underline">
          Retour au catalogue
        </Link>
        {" · "}
        <Link href={`/admin/calendrier?produit=${product.id}`} className="font-semibold text-brand-700 underline">
          Calendrier de la prestation
        </Link>
      </p>
      <div className="space-y-6">
        <div className="space-y-2">
          <TariffRule defaults={tariffDefaults} isAdmin={roleGrants(user.role, "admin")} />
          <DataTable
            label="Grille tarifaire"
            caption="Grille tarifaire"
            rows={product.tariffs}
            rowKey={(t) => t.id}
            columns={[
              { header: "Régime", cell: (t) => (t.regime ? REGIME_LABELS[t.regime] : "Tous régimes") },
              { header: "QF de", cell: (t) => t.qfMin },
              { header: "QF à", cell: (t) => t.qfMax ?? "—" },
              { header: "Prix unitaire", cell: (t) => formatCents(t.unitPriceCents) },
              { header: "Valable du", cell: (t) => formatCivilDate(t.validFrom) },
              { header: "au", cell: (t) => formatCivilDate(t.validTo) },
              {
                header: <span className="sr-only">Actions</span>,
                cell: (t) => (
                  <ActionForm action={deleteTariffAction} submitLabel="Supprimer" variant="ghost" inline>
                    <input type="hidden" name="id" value={t.id} />
                    <input type="hidden" name="productId" value={product.id} />
                  </ActionForm>
                ),
              },
            ]}
          />
        </div>

        <Card title="Ajouter un tarif">
          <p className="mb-3 text-sm text-slate-700">
            Un tarif « Tous régimes » s&apos;applique aux régimes sans tarif propre. Une nouvelle grille remplace
            l&apos;ancienne à partir de sa date de début : les tarifs qui se chevauchent, c&apos;est le plus récent qui compte.
          </p>
          <ActionForm action={addTariffAction} submitLabel="Ajouter le tarif">
            <input type="hidden" name="productId" value={product.id} />
            <div className="grid gap-4 sm:grid-cols-3">
              <Field label="Régime">
                {(p) => (
                  <Select {...p} name="regime" defaultValue="RG">
                    {labelOptions(REGIME_LABELS).map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                    <option value="">Tous régimes</option>
                  </Select>
                )}
              </Field>
              <Field label="QF minimum" required>
                {(p) => <Input {...p} name="qfMin" inputMode="numeric" required defaultValue="0" />}
              </Field>
              <Field label="QF maximum" hint="Vide : sans limite.">
                {(p) => <Input {...p} name="qfMax" inputMode="numeric" />}
              </Field>
              <Field label="Prix unitaire (€)" hint="Par exemple 2,50." required>
                {(p) => <Input {...p} name="price" inputMode="decimal" required />}
              </Field>
              <Field label="Valable à partir du" required>
                {(p) => <Input {...p} name="validFrom" type="date" required defaultValue={parisDay(new Date())} />}
              </Field>
              <Field label="Valable jusqu'au" hint="Vide : sans fin.">
                {(p) => <Input {...p} name="validTo" type="date" />}
              </Field>
            </div>
          </ActionForm>
        </Card>

        <Card title="Description et règles de réservation">
          <ActionForm action={saveProductAction} submitLabel="Enregistrer la prestation">
            <input type="hidden" name="id" value={product.id} />
            <ProductFields services={services} sites={sites} values={product} />
          </ActionForm>
        </Card>
      </div>
    </>
  );
}
