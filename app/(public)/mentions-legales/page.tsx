import type { Metadata } from "next";
import { TextPage } from "@/components/text-page";
import { getSettings } from "@/lib/settings";

export const metadata: Metadata = { title: "Mentions légales" };

export default async function LegalNoticePage() {
  const settings = await getSettings();
  return <TextPage title="Mentions légales" text={settings.legalNotice} />;
}
