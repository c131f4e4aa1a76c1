import type { Metadata } from "next";
import { PageTitle } from "@/components/ui/card";
import { requireAdmin } from "@/lib/auth/dal";
import { getSettings } from "@/lib/settings";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Paramètres" };

export default async function SettingsPage() {
  await requireAdmin();
  const settings = await getSettings();
  return (
    <>
      <PageTitle description="Les informations de la collectivité affichées sur le portail, dans les emails et sur les factures.">
        Paramètres
      </PageTitle>
      <SettingsForm settings={settings} />
    </>
  );
}
