import type { Metadata } from "next";
import Link from "next/link";
import { PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/dal";
import { describeTariffDefaults } from "@/lib/catalogue/rules";
import { getSettings, tariffDefaultsOf } from "@/lib/settings";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Paramètres" };

export default async function SettingsPage() {
  await requireRole("admin");
  const settings = await getSettings();
  return (
    <>
      <PageTitle description="Les informations de la collectivité affichées sur le portail, dans les emails et sur les factures, le tarif des familles sans quotient familial ou sans régime, et les durées de conservation des données personnelles.">
        Paramètres
      </PageTitle>
      <p className="mb-6">
        <Link href="/admin/parametres/accessibilite" className="underline">
          Déclaration d&apos;accessibilité
        </Link>{" "}
        : l&apos;état de conformité, les résultats de l&apos;audit, les contenus non accessibles et le contact.
      </p>
      <SettingsForm settings={settings} tariffRule={describeTariffDefaults(tariffDefaultsOf(settings))} />
    </>
  );
}
