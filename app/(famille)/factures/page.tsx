import type { Metadata } from "next";
import { EmptyState, PageTitle } from "@/components/ui/card";
import { requireParent } from "@/lib/auth/dal";

export const metadata: Metadata = { title: "Factures" };

export default async function InvoicesPage() {
  await requireParent();
  return (
    <>
      <PageTitle description="Résumé de vos factures dues et acquittées.">Factures</PageTitle>
      <EmptyState title="Aucune facture pour le moment.">Montant en attente de paiement : 0,00 €</EmptyState>
    </>
  );
}
