import type { Metadata } from "next";
import { TextPage } from "@/components/text-page";
import { getSettings } from "@/lib/settings";

export const metadata: Metadata = { title: "Notice d'utilisation du portail" };

export default async function UserGuidePage() {
  const settings = await getSettings();
  return <TextPage title="Notice d'utilisation du portail" text={settings.userGuide} />;
}
