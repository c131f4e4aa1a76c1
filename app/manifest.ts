import type { MetadataRoute } from "next";
import { getSettings } from "@/lib/settings";

// The name comes from the authority's settings, read at request time (the
// build must not open the database, as for every page).
export const dynamic = "force-dynamic";

export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const settings = await getSettings();
  return {
    name: `${settings.portalName} — ${settings.name}`,
    short_name: settings.portalName,
    description: "Inscriptions, réservations, factures et démarches des familles auprès du service Enfance-Jeunesse.",
    lang: "fr",
    start_url: "/accueil",
    display: "standalone",
    // brand-700 (app/globals.css), as the viewport's theme colour.
    theme_color: "#173c93",
    background_color: "#ffffff",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
      // The house sits in the middle 60%, inside a maskable icon's safe zone.
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
