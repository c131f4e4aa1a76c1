import { SiteFooter } from "@/components/site-footer";
import { SignOutButton } from "@/components/sign-out-button";
import { requireRole } from "@/lib/auth/dal";
import { getSettings } from "@/lib/settings";
import { FamilyNav } from "./family-nav";

export default async function FamilyLayout({ children }: { children: React.ReactNode }) {
  const user = await requireRole("parent");
  const settings = await getSettings();
  return (
    <div className="flex min-h-screen flex-col">
      <header className="bg-brand-700 text-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <p className="text-lg font-bold leading-tight">
            {settings.portalName}
            <span className="block text-sm font-normal">{settings.name}</span>
          </p>
          <div className="flex items-center gap-2 text-sm">
            <span className="hidden sm:inline">
              {user.firstName} {user.lastName}
            </span>
            <SignOutButton className="text-white" />
          </div>
        </div>
        <FamilyNav />
      </header>
      <main id="contenu" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
        {children}
      </main>
      <SiteFooter settings={settings} />
    </div>
  );
}
