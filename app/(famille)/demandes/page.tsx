import type { Metadata } from "next";
import { EmptyState, PageTitle } from "@/components/ui/card";
import { requireParent } from "@/lib/auth/dal";

export const metadata: Metadata = { title: "Demandes" };

export default async function RequestsPage() {
  await requireParent();
  return (
    <>
      <PageTitle description="Pour gérer vos demandes d'inscriptions et administratives.">Demandes</PageTitle>
      <EmptyState title="Les réservations et les démarches administratives ne sont pas encore ouvertes en ligne.">
        En attendant, adressez-vous au service : ses coordonnées figurent en bas de page.
      </EmptyState>
    </>
  );
}
