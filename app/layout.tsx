import type { Metadata, Viewport } from "next";
import { DemoBanner } from "@/components/demo-banner";
import "./globals.css";

// Every page reads the database (settings, session): render at request time,
// never at build time (which would open the embedded database).
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Portail Famille", template: "%s — Portail Famille" },
  description: "Inscriptions, réservations, factures et démarches des familles auprès du service Enfance-Jeunesse.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#173c93" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="fr">
      <body className="min-h-screen">
        <a
          href="#contenu"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-brand-700"
        >
          Aller au contenu
        </a>
        {/* Production running a stand-in (DEMO_* switch) says so on every page, public, parent and staff. */}
        <DemoBanner />
        {children}
      </body>
    </html>
  );
}
