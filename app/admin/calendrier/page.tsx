import type { Metadata } from "next";
import Link from "next/link";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { requireRole } from "@/lib/auth/dal";
import { listClosures, monthCalendar } from "@/lib/catalogue/calendar";
import { listProductsForStaff } from "@/lib/bookings/lists";
import { addMonths, isMonth, monthOfDay, parisDay } from "@/lib/dates";
import { formatDay, fullDayLabel, monthLabel } from "@/lib/format";
import { ProductPicker } from "../_components/product-picker";
import { DataTable } from "../_components/data-table";
import { ActionForm } from "../catalogue/_components/action-form";
import { addClosureAction, deleteClosureAction, openMonthAction, setCapacityAction, toggleClosedAction } from "./actions";

export const metadata: Metadata = { title: "Calendrier" };

const WEEKDAYS = ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"];

export default async function CalendarPage({ searchParams }: { searchParams: Promise<{ produit?: string; mois?: string }> }) {
  await requireRole("staff");
  const query = await searchParams;
  const products = await listProductsForStaff();
  const product = products.find((p) => p.id === query.produit) ?? products[0];
  const month = query.mois && isMonth(query.mois) ? query.mois : monthOfDay(parisDay(new Date()));
  const days = product ? await monthCalendar({ productId: product.id, month }) : [];
  const closures = await listClosures();
  const href = (m: string) => `/admin/calendrier?produit=${product?.id ?? ""}&mois=${m}`;

  return (
    <>
      <PageTitle description="Ouvrir les jours d'une prestation, ajuster la capacité, fermer un jour, saisir les fermetures.">Calendrier</PageTitle>
      {!product ? (
        <EmptyState title="Aucune prestation : créez-en une dans le catalogue." />
      ) : (
        <div className="space-y-6">
          <ProductPicker products={products} selected={product.id}>
            <Field label="Mois">{(p) => <Input {...p} name="mois" type="month" defaultValue={month} />}</Field>
          </ProductPicker>

          <Card title={`Ouvrir un mois : ${product.label}`}>
            <ActionForm action={openMonthAction} submitLabel="Ouvrir le mois">
              <input type="hidden" name="productId" value={product.id} />
              <div className="grid gap-4 sm:grid-cols-2">
                <Field label="Mois à ouvrir" required>
                  {(p) => <Input {...p} name="month" type="month" required defaultValue={month} />}
                </Field>
                <Field label="Capacité par jour" hint={`Vide : ${product.defaultCapacity} places.`}>
                  {(p) => <Input {...p} name="capacity" inputMode="numeric" />}
                </Field>
              </div>
              <fieldset>
                <legend className="text-sm font-semibold">Jours de la semaine</legend>
                <div className="flex flex-wrap gap-x-4">
                  {WEEKDAYS.map((label, i) => (
                    <label key={label} className="flex min-h-11 items-center gap-2">
                      <input type="checkbox" name="weekdays" value={i + 1} className="size-5" />
                      {label}
                    </label>
                  ))}
                </div>
              </fieldset>
              <p className="text-sm text-slate-700">Les jours fériés et les fermetures saisies plus bas sont sautés.</p>
            </ActionForm>
          </Card>

          <nav aria-label="Mois affiché" className="flex flex-wrap items-center gap-4">
            <Link className="font-semibold text-brand-700 underline" href={href(addMonths(month, -1))}>
              Mois précédent
            </Link>
            <strong className="capitalize">{monthLabel(month)}</strong>
            <Link className="font-semibold text-brand-700 underline" href={href(addMonths(month, 1))}>
              Mois suivant
            </Link>
          </nav>

          {days.length === 0 ? (
            <EmptyState title={`Aucun jour ouvert en ${monthLabel(month)} pour cette prestation.`} />
          ) : (
            <DataTable
              label={`Jours ouverts en ${monthLabel(month)}`}
              caption={`${product.label} — ${monthLabel(month)}`}
              rows={days}
              rowKey={(d) => d.slotId}
              columns={[
                {
                  header: "Jour",
                  rowHeader: true,
                  className: "font-normal",
                  cell: (d) => (
                    <Link className="text-brand-700 underline" href={`/admin/listes?produit=${product.id}&jour=${d.day}`}>
                      {fullDayLabel(d.day)}
                    </Link>
                  ),
                },
                { header: "Réservés", cell: (d) => d.booked },
                {
                  header: "Capacité",
                  cell: (d) => (
                    <ActionForm action={setCapacityAction} submitLabel="Modifier" variant="secondary" inline>
                      <input type="hidden" name="slotId" value={d.slotId} />
                      <label className="sr-only" htmlFor={`cap-${d.slotId}`}>
                        Capacité du {fullDayLabel(d.day)}
                      </label>
                      <Input id={`cap-${d.slotId}`} name="capacity" inputMode="numeric" defaultValue={d.capacity} className="w-20" />
                    </ActionForm>
                  ),
                },
                {
                  header: "État",
                  cell: (d) => (
                    <ActionForm action={toggleClosedAction} submitLabel={d.closed ? "Rouvrir" : "Fermer le jour"} variant="ghost" inline>
                      <input type="hidden" name="slotId" value={d.slotId} />
                      <input type="hidden" name="closed" value={d.closed ? "false" : "true"} />
                      <span>{d.closed ? "Fermé" : d.booked >= d.capacity ? "Complet" : "Ouvert"}</span>
                    </ActionForm>
                  ),
                },
              ]}
            />
          )}

          <Card title="Fermetures (vacances, jours sans service)">
            {closures.length > 0 ? (
              <ul className="mb-4 divide-y divide-slate-200">
                {closures.map((c) => (
                  <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span>
                      {c.label} : du {formatDay(c.startDay)} au {formatDay(c.endDay)}
                    </span>
                    <ActionForm action={deleteClosureAction} submitLabel="Supprimer" variant="ghost" inline>
                      <input type="hidden" name="id" value={c.id} />
                    </ActionForm>
                  </li>
                ))}
              </ul>
            ) : null}
            <ActionForm action={addClosureAction} submitLabel="Ajouter la fermeture">
              <div className="grid gap-4 sm:grid-cols-3">
                <Field label="Libellé" required>
                  {(p) => <Input {...p} name="label" required />}
                </Field>
                <Field label="Du" required>
                  {(p) => <Input {...p} name="startDate" type="date" required />}
                </Field>
                <Field label="Au" required>
                  {(p) => <Input {...p} name="endDate" type="date" required />}
                </Field>
              </div>
            </ActionForm>
          </Card>
        </div>
      )}
    </>
  );
}
