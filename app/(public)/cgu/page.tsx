import type { Metadata } from "next";
import { TextPage } from "@/components/text-page";
import { getSettings } from "@/lib/settings";

export const metadata: Metadata = { title: "Conditions générales d'utilisation" };

export default async function CguPage() {
  const settings = await getSettings();
  return <TextPage title="Conditions générales d'utilisation" text={settings.cgu} />;
}
