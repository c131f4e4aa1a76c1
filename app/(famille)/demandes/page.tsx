import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/dal";
import { listServicesForHousehold } from "@/lib/bookings/queries";
import { listHouseholdCampaigns } from "@/lib/campaigns/family";
import { CampaignsSection } from "./campagnes/campaigns-section";
import { DemarchesSection } from "./demarches-section";
import { ChildPicker } from "./reservation/child-picker";

export const metadata: Metadata = { title: "Demandes" };

export default async function RequestsPage({ searchParams }: { searchParams: Promise<{ annulation?: string }> }) {
  const user = await requireRole("parent");
  const { annulation } = await searchParams;
  const [services, campaigns] = await Promise.all([
    listServicesForHousehold({ householdId: user.householdId }),
    listHouseholdCampaigns({ householdId: user.householdId }),
  ]);
  return (
    <>
      <PageTitle description="Pour gérer vos demandes d'inscriptions et administratives.">Demandes</PageTitle>
      <div className="space-y-6">
        {annulation === "ok" ? (
          <Alert tone="success" title="Réservations annulées.">
            Les places sont libérées et la facture en attente est annulée.
          </Alert>
        ) : null}
        <CampaignsSection campaigns={campaigns} />
        <section aria-labelledby="services-title" className="space-y-4">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="services-title" className="text-xl font-semibold">
              Réserver une prestation
            </h2>
            <div className="flex flex-wrap gap-x-4">
              <Link href="/reservations" className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline">
                Mes réservations
              </Link>
              <Link href="/demandes/liste-attente" className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline">
                Liste d&apos;attente
              </Link>
            </div>
          </div>
          {services.length > 0 ? (
            <div className="space-y-3 rounded-lg border-2 border-brand-600 bg-brand-50 p-4">
              <p className="font-semibold text-brand-800">Tous vos enfants, toutes les prestations, sur un seul calendrier du mois.</p>
              <div className="flex flex-col gap-2 sm:flex-row">
                <ButtonLink href="/demandes/reservation/calendrier" prefetch={false} className="text-base">
                  Calendrier de la famille
                </ButtonLink>
                <ButtonLink href="/reservations/absence" prefetch={false} variant="secondary">
                  Signaler une absence
                </ButtonLink>
              </div>
            </div>
          ) : null}
          {services.length === 0 ? (
            <EmptyState title="Aucun service n'est ouvert à la réservation pour le moment." />
          ) : (
            <div className="grid gap-4 md:grid-cols-2">
              {services.map((service) => (
                <Card key={service.id} title={service.name}>
                  {service.description ? <p className="mb-3 text-sm text-slate-700">{service.description}</p> : null}
                  <ul className="space-y-4">
                    {service.products.map((product) => (
                      <li key={product.id} className="space-y-2 border-t border-slate-200 pt-3">
                        <h3 className="font-semibold">{product.name}</h3>
                        {product.description ? <p className="text-sm text-slate-700">{product.description}</p> : null}
                        <ChildPicker
                          productId={product.id}
                          productName={product.name}
                          serviceName={service.name}
                          eligible={product.eligibleChildren}
                        />
                      </li>
                    ))}
                  </ul>
                </Card>
              ))}
            </div>
          )}
        </section>
        <DemarchesSection />
      </div>
    </>
  );
}
