import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/dal";
import { listHouseholdBookings } from "@/lib/bookings/queries";
import { addMonths } from "@/lib/dates";
import { monthLabel } from "@/lib/format";

export const metadata: Metadata = { title: "Mes réservations" };

export default async function MyBookingsPage({ searchParams }: { searchParams: Promise<{ mois?: string }> }) {
  const user = await requireRole("parent");
  const { mois } = await searchParams;
  const data = await listHouseholdBookings({ householdId: user.householdId, month: mois });
  return (
    <>
      <PageTitle description="Les jours réservés pour vos enfants, mois par mois.">Mes réservations</PageTitle>
      <nav aria-label="Mois" className="mb-4 flex flex-wrap items-center gap-4">
        <Link className="font-semibold text-brand-700 underline" href={`/reservations?mois=${addMonths(data.month, -1)}`} prefetch={false}>
          Mois précédent<span className="sr-only"> ({monthLabel(addMonths(data.month, -1))})</span>
        </Link>
        <strong className="capitalize">{monthLabel(data.month)}</strong>
        <Link className="font-semibold text-brand-700 underline" href={`/reservations?mois=${addMonths(data.month, 1)}`} prefetch={false}>
          Mois suivant<span className="sr-only"> ({monthLabel(addMonths(data.month, 1))})</span>
        </Link>
      </nav>
      <div className="space-y-4">
        {data.children.map((child) => (
          <Card key={child.id} title={`${child.firstName} ${child.lastName}`}>
            {child.bookings.length === 0 ? (
              <p className="text-sm text-slate-700">Aucune réservation en {monthLabel(data.month)}.</p>
            ) : (
              <ul className="divide-y divide-slate-200 text-sm">
                {child.bookings.map((b) => (
                  <li key={b.id} className="flex flex-wrap justify-between gap-2 py-2">
                    <span>
                      {b.label} — {b.serviceName} {b.productName}
                    </span>
                    {b.status === "CONFIRMED" ? (
                      <span className="font-semibold text-ok-700">Confirmée</span>
                    ) : b.status === "ABSENT" ? (
                      <span className="font-semibold text-slate-700">Absent</span>
                    ) : (
                      <Link className="font-semibold text-warn-800 underline" href={`/demandes/reservation/attente/${b.invoiceId}`} prefetch={false}>
                        En attente de paiement
                      </Link>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        ))}
      </div>
      <ul className="mt-6 space-y-1">
        <li>
          <Link className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline" href={`/demandes/reservation/calendrier?mois=${data.month}`} prefetch={false}>
            Réserver ou annuler des jours
          </Link>
        </li>
        <li>
          <Link className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline" href="/reservations/absence" prefetch={false}>
            Signaler une absence
          </Link>
        </li>
      </ul>
    </>
  );
}
