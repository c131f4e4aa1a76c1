import Link from "next/link";
import { SiteFooter } from "@/components/site-footer";
import { getSettings } from "@/lib/settings";

/** The public pages' frame: the authority's header, the main content and the footer. Also the root 404's, which no group layout wraps. */
export async function PublicShell({ children }: { children: React.ReactNode }) {
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
        {children}
      </main>
      <SiteFooter settings={settings} />
    </div>
  );
}
