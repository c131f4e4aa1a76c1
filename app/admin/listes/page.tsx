import type { Metadata } from "next";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { requireStaff } from "@/lib/auth/dal";
import { dayList, listProductsForStaff } from "@/lib/bookings/lists";
import { monthCalendar } from "@/lib/catalogue/calendar";
import { fullDayLabel, isDay, monthLabel, monthOfDay, parisDay } from "@/lib/dates";
import { ProductPicker } from "../_components/product-picker";
import { ScrollTable, captionClass, tdClass, thClass } from "../_components/scroll-table";

export const metadata: Metadata = { title: "Listes" };

export default async function ListsPage({ searchParams }: { searchParams: Promise<{ produit?: string; jour?: string }> }) {
  await requireStaff();
  const query = await searchParams;
  const products = await listProductsForStaff();
  const product = products.find((p) => p.id === query.produit) ?? products[0];
  const day = query.jour && isDay(query.jour) ? query.jour : parisDay(new Date());
  if (!product) {
    return (
      <>
        <PageTitle>Listes</PageTitle>
        <EmptyState title="Aucune prestation : créez-en une dans le catalogue." />
      </>
    );
  }
  const list = await dayList({ productId: product.id, day });
  const month = monthOfDay(day);
  const counts = await monthCalendar({ productId: product.id, month });

  return (
    <>
      <PageTitle description="Les enfants inscrits par jour et par prestation, et les effectifs du mois (nombre de repas pour la cantine).">Listes</PageTitle>
      <div className="space-y-6">
        <ProductPicker products={products} selected={product.id}>
          <Field label="Jour">{(p) => <Input {...p} name="jour" type="date" defaultValue={day} />}</Field>
        </ProductPicker>

        <Card
          title={`${list.serviceName} ${list.productName} — ${fullDayLabel(day)}`}
          actions={
            <a className={buttonClass("secondary")} href={`/admin/listes/export?produit=${product.id}&jour=${day}`} download>
              Exporter en CSV
            </a>
          }
        >
          <p className="mb-3 text-sm">
            {list.capacity === null
              ? "Ce jour n'est pas ouvert pour cette prestation."
              : `${list.rows.length} inscrit${list.rows.length > 1 ? "s" : ""} pour ${list.capacity} place${list.capacity > 1 ? "s" : ""}${list.closed ? " — jour fermé" : ""}.`}
          </p>
          {list.rows.length > 0 ? (
            <ScrollTable label="Enfants inscrits">
              <table className="w-full border-collapse">
                <caption className={captionClass}>Enfants inscrits</caption>
                <thead>
                  <tr className="border-b border-slate-200 bg-slate-50">
                    <th scope="col" className={thClass}>Nom</th>
                    <th scope="col" className={thClass}>Prénom</th>
                    <th scope="col" className={thClass}>Classe</th>
                    <th scope="col" className={thClass}>Site</th>
                    <th scope="col" className={thClass}>Statut</th>
                  </tr>
                </thead>
                <tbody>
                  {list.rows.map((r, i) => (
                    <tr key={i} className="border-b border-slate-100">
                      <td className={tdClass}>{r.lastName}</td>
                      <td className={tdClass}>{r.firstName}</td>
                      <td className={tdClass}>{r.className ?? "—"}</td>
                      <td className={tdClass}>{r.siteName ?? "—"}</td>
                      <td className={tdClass}>{r.status === "CONFIRMED" ? "Confirmée" : "En attente de paiement"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          ) : null}
        </Card>

        <ScrollTable label={`Effectifs de ${monthLabel(month)}`}>
          <table className="w-full border-collapse">
            <caption className={captionClass}>
              Effectifs de {monthLabel(month)} — {product.label}
            </caption>
            <thead>
              <tr className="border-b border-slate-200 bg-slate-50">
                <th scope="col" className={thClass}>Jour</th>
                <th scope="col" className={thClass}>Inscrits</th>
                <th scope="col" className={thClass}>Capacité</th>
              </tr>
            </thead>
            <tbody>
              {counts.map((c) => (
                <tr key={c.slotId} className="border-b border-slate-100">
                  <th scope="row" className={`${tdClass} text-left font-normal`}>
                    <a className="text-brand-700 underline" href={`/admin/listes?produit=${product.id}&jour=${c.day}`}>
                      {fullDayLabel(c.day)}
                    </a>
                  </th>
                  <td className={tdClass}>{c.booked}</td>
                  <td className={tdClass}>{c.closed ? "Fermé" : c.capacity}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </div>
    </>
  );
}
