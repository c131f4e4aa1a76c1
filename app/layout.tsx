import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import { DemoBanner } from "@/components/demo-banner";
import { FocusReset } from "@/components/focus-reset";
import "./globals.css";

// Every page reads the database (settings, session): render at request time,
// never at build time (which would open the embedded database).
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Portail Famille", template: "%s — Portail Famille" },
  description: "Inscriptions, réservations, factures et démarches des familles auprès du service Enfance-Jeunesse.",
};

// Inter's Latin faces, served from /_next/static/media and preloaded on every
// page (all three weights: the first screen of every page has body text,
// semibold labels and a bold title). "optional" rather than "swap": a face
// that is not there by first render is not swapped in later, so text never
// reflows under the reader (on Accueil the search row wrapped under the
// fallback, then jumped once Inter arrived). Preloaded, the faces are there
// in time but on a very slow first visit, which then shows the fallback,
// metric-matched to Inter (adjustFontFallback) so the page looks alike. The
// rarer letters (Ł, Ş, ő, Vietnamese) come from app/globals.css ("Inter
// Extended"): next/font cannot give a face a unicode-range, which is what
// keeps those files from being fetched on pages that do not use them.
// The files are @fontsource/inter 5.3.0's, under the OFL (fonts/LICENSE.txt).
const inter = localFont({
  src: [
    { path: "./fonts/inter-latin-400-normal.woff2", weight: "400", style: "normal" },
    { path: "./fonts/inter-latin-600-normal.woff2", weight: "600", style: "normal" },
    { path: "./fonts/inter-latin-700-normal.woff2", weight: "700", style: "normal" },
  ],
  display: "optional",
  preload: true,
  adjustFontFallback: "Arial",
  variable: "--font-inter",
});

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#173c93" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="fr" className={inter.variable}>
      <body className="min-h-screen">
        <FocusReset />
        <a
          href="#contenu"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-brand-700 focus:outline-offset-0"
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
