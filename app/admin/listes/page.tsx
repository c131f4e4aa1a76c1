import type { Metadata } from "next";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { requireRole } from "@/lib/auth/dal";
import { absenceLabel, dayList, listProductsForStaff, placeLabel } from "@/lib/bookings/lists";
import { monthCalendar } from "@/lib/catalogue/calendar";
import { isDay, monthOfDay, parisDay } from "@/lib/dates";
import { ABSENCE_REASON_LABELS, formatDateTime, fullDayLabel, monthLabel } from "@/lib/format";
import { slotWaitlist } from "@/lib/waitlist/queries";
import { ProductPicker } from "../_components/product-picker";
import { DataTable } from "../_components/data-table";
import { HealthBadges, HealthCounts } from "./health-badges";

export const metadata: Metadata = { title: "Listes" };

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

export default async function ListsPage({ searchParams }: { searchParams: Promise<{ produit?: string; jour?: string }> }) {
  await requireRole("staff");
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
  const waitlist = await slotWaitlist({ productId: product.id, day });
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
              : `${plural(list.expected, "enfant attendu", "enfants attendus")}, ${plural(list.absent, "absent", "absents")} ; ${plural(list.placesTaken, "place occupée", "places occupées")} sur ${list.capacity}${list.closed ? " — jour fermé" : ""}.`}
          </p>
          {list.rows.length > 0 ? <HealthCounts counts={list.health} /> : null}
          {list.rows.length > 0 ? (
            <DataTable
              label="Enfants inscrits"
              caption="Enfants inscrits"
              rows={list.rows}
              rowKey={(_, i) => String(i)}
              columns={[
                { header: "Nom", cell: (r) => r.lastName },
                { header: "Prénom", cell: (r) => r.firstName },
                { header: "Classe", cell: (r) => r.className ?? "—" },
                { header: "Site", cell: (r) => r.siteName ?? "—" },
                { header: "Régimes et PAI", cell: (r) => <HealthBadges row={r} /> },
                { header: "Statut", cell: (r) => placeLabel(r) },
                {
                  header: "Absence",
                  cell: (r) => {
                    const label = absenceLabel(r);
                    if (!label) return "—";
                    return (
                      <>
                        <span className={`font-semibold ${r.absence?.status === "PENDING" ? "text-warn-800" : "text-danger-700"}`}>{label}</span>
                        {r.absence ? <span className="block text-xs text-slate-600">{ABSENCE_REASON_LABELS[r.absence.reason]}</span> : null}
                      </>
                    );
                  },
                },
              ]}
            />
          ) : null}
        </Card>

        <Card title="Liste d'attente">
          {waitlist.length === 0 ? (
            <p className="text-sm">Personne n&apos;attend une place ce jour-là.</p>
          ) : (
            <DataTable
              label="Liste d'attente"
              caption={`Liste d'attente — ${list.serviceName} ${list.productName}, ${fullDayLabel(day)}`}
              rows={waitlist}
              rowKey={(r) => r.id}
              columns={[
                { header: "Rang", cell: (r) => (r.together ? `${r.rank} (fratrie)` : r.rank) },
                { header: "Enfant", rowHeader: true, className: "font-normal", cell: (r) => r.childName },
                { header: "Famille", cell: (r) => r.householdName },
                {
                  header: "Statut",
                  cell: (r) => (r.offerExpiresAt ? `${r.statusLabel} jusqu'au ${formatDateTime(r.offerExpiresAt)}` : r.statusLabel),
                },
                { header: "Origine", cell: (r) => (r.fromCampaign ? "Campagne" : "Jour complet") },
              ]}
            />
          )}
        </Card>

        <DataTable
          label={`Effectifs de ${monthLabel(month)}`}
          caption={`Effectifs de ${monthLabel(month)} — ${product.label}`}
          rows={counts}
          rowKey={(c) => c.slotId}
          columns={[
            {
              header: "Jour",
              rowHeader: true,
              className: "font-normal",
              cell: (c) => (
                <a className="text-brand-700 underline" href={`/admin/listes?produit=${product.id}&jour=${c.day}`}>
                  {fullDayLabel(c.day)}
                </a>
              ),
            },
            { header: "Inscrits", cell: (c) => c.booked },
            { header: "Capacité", cell: (c) => (c.closed ? "Fermé" : c.capacity) },
          ]}
        />
      </div>
    </>
  );
}
