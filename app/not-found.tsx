import type { Metadata } from "next";
import Link from "next/link";
import { NotFoundMessage } from "@/components/not-found-message";
import { SiteFooter } from "@/components/site-footer";
import { getSettings } from "@/lib/settings";

export const metadata: Metadata = { title: "Page introuvable" };

/**
 * Unknown addresses, and notFound() thrown by a layout (the back office's
 * role check among them): no group layout is around it, so it brings the
 * public header and footer itself, and nothing of the back office.
 */
export default async function NotFound() {
  const settings = await getSettings();
  return (
    <div className="flex min-h-screen flex-col">
      <header className="bg-brand-700 text-white">
        <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-4">
          <Link href="/" className="text-lg font-bold leading-tight">
            {settings.portalName}
            <span className="block text-sm font-normal">{settings.name}</span>
          </Link>
        </div>
      </header>
      <main id="contenu" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
        <NotFoundMessage />
      </main>
      <SiteFooter settings={settings} />
    </div>
  );
}
