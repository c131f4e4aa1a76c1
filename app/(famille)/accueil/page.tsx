import type { Metadata } from "next";
import { EmptyState, PageTitle } from "@/components/ui/card";
import { requireParent } from "@/lib/auth/dal";

export const metadata: Metadata = { title: "Accueil" };

export default async function HomePage() {
  const user = await requireParent();
  return (
    <>
      <PageTitle description="Le résumé de vos demandes, de vos factures et des fichiers envoyés au service.">
        Bonjour {user.firstName}
      </PageTitle>
      <div className="grid gap-4 md:grid-cols-3">
        <section aria-labelledby="home-requests" className="space-y-2">
          <h2 id="home-requests" className="text-lg font-semibold">
            Demandes
          </h2>
          <EmptyState title="Aucune demande pour le moment.">
            Vos démarches administratives et leur état de traitement s&apos;afficheront ici.
          </EmptyState>
        </section>
        <section aria-labelledby="home-invoices" className="space-y-2">
          <h2 id="home-invoices" className="text-lg font-semibold">
            Factures
          </h2>
          <EmptyState title="Aucune facture pour le moment.">Montant en attente de paiement : 0,00 €</EmptyState>
        </section>
        <section aria-labelledby="home-files" className="space-y-2">
          <h2 id="home-files" className="text-lg font-semibold">
            Fichiers
          </h2>
          <EmptyState title="Aucun fichier en cours de traitement." />
        </section>
      </div>
    </>
  );
}
