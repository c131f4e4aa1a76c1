import type { Metadata } from "next";
import Link from "next/link";
import { PageTitle } from "@/components/ui/card";
import { declarationContact, getDeclaration } from "@/lib/accessibility";
import { requireRole } from "@/lib/auth/dal";
import { getSettings } from "@/lib/settings";
import { DeclarationForm } from "./declaration-form";

export const metadata: Metadata = { title: "Déclaration d'accessibilité" };

export default async function AccessibilityDeclarationPage() {
  await requireRole("admin");
  const [declaration, settings] = await Promise.all([getDeclaration(), getSettings()]);
  // Empty contact fields start from the service's own email and address.
  const contact = declarationContact(declaration, settings);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/parametres" className="underline">
          Paramètres
        </Link>
      </p>
      <PageTitle
        description={
          <>
            La déclaration publiée sur la page{" "}
            <Link href="/accessibilite" className="underline">
              Accessibilité
            </Link>{" "}
            (RGAA 4.1, article 47 de la loi n° 2005-102). L&apos;état de conformité et le taux découlent des résultats de
            l&apos;audit ; la mention en pied de chaque page les suit.
          </>
        }
      >
        Déclaration d&apos;accessibilité
      </PageTitle>
      <DeclarationForm declaration={{ ...declaration, contactEmail: contact.email, contactAddress: contact.address }} />
    </>
  );
}
