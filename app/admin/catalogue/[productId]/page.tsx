import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageTitle } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { requireStaff } from "@/lib/auth/dal";
import { getSettings, tariffDefaultsOf } from "@/lib/settings";
import { getProductForStaff, listServiceOptions, listSiteOptions } from "@/lib/catalogue/admin";
import { dateToDay, formatDay, parisDay } from "@/lib/dates";
import { formatCents } from "@/lib/money";
import { ScrollTable, tdClass, thClass, captionClass } from "../../_components/scroll-table";
import { ActionForm } from "../_components/action-form";
import { ProductFields } from "../_components/product-fields";
import { TariffRule } from "../_components/tariff-rule";
import { addTariffAction, deleteTariffAction, saveProductAction } from "../actions";
import { isId } from "@/lib/validation/ids";

export const metadata: Metadata = { title: "Prestation" };

const REGIMES = { RG: "Régime général", MSA: "MSA", AUTRE: "Autre régime" } as const;

export default async function ProductPage({ params }: { params: Promise<{ productId: string }> }) {
  const user = await requireStaff();
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
          <TariffRule defaults={tariffDefaults} isAdmin={user.role === "ADMIN"} />
          <ScrollTable label="Grille tarifaire">
            <table className="w-full border-collapse">
              <caption className={captionClass}>Grille tarifaire</caption>
              <thead>
                <tr className="border-b border-slate-200 bg-slate-50">
                  <th scope="col" className={thClass}>Régime</th>
                  <th scope="col" className={thClass}>QF de</th>
                  <th scope="col" className={thClass}>QF à</th>
                  <th scope="col" className={thClass}>Prix unitaire</th>
                  <th scope="col" className={thClass}>Valable du</th>
                  <th scope="col" className={thClass}>au</th>
                  <th scope="col" className={thClass}>
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {product.tariffs.map((t) => (
                  <tr key={t.id} className="border-b border-slate-100">
                    <td className={tdClass}>{t.regime ? REGIMES[t.regime] : "Tous régimes"}</td>
                    <td className={tdClass}>{t.qfMin}</td>
                    <td className={tdClass}>{t.qfMax ?? "—"}</td>
                    <td className={tdClass}>{formatCents(t.unitPriceCents)}</td>
                    <td className={tdClass}>{formatDay(dateToDay(t.validFrom))}</td>
                    <td className={tdClass}>{t.validTo ? formatDay(dateToDay(t.validTo)) : "—"}</td>
                    <td className={tdClass}>
                      <ActionForm action={deleteTariffAction} submitLabel="Supprimer" variant="ghost" inline>
                        <input type="hidden" name="id" value={t.id} />
                        <input type="hidden" name="productId" value={product.id} />
                      </ActionForm>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
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
                    <option value="RG">Régime général</option>
                    <option value="MSA">MSA</option>
                    <option value="AUTRE">Autre régime</option>
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
