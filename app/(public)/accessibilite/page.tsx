import type { Metadata } from "next";
import { TextPage } from "@/components/text-page";
import { getSettings } from "@/lib/settings";

export const metadata: Metadata = { title: "Accessibilité" };

export default async function AccessibilityPage() {
  const settings = await getSettings();
  return <TextPage title="Accessibilité" text={settings.accessibility} />;
}
