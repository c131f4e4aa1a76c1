import type { Metadata } from "next";
import { SignOutButton } from "@/components/sign-out-button";
import { AccessibilityMention } from "@/components/site-footer";
import { getAccountCounts } from "@/lib/accounts/review";
import { requireRole } from "@/lib/auth/dal";
import { paymentDashboard } from "@/lib/billing/staff";
import { countAbsenceReportsToDecide } from "@/lib/absences";
import { countDocumentsToReview } from "@/lib/documents";
import { countUndeliveredEmails } from "@/lib/mail/staff";
import { countRequestsToHandle } from "@/lib/requests";
import { countClosuresToConfirm } from "@/lib/privacy/closure";
import { getSettings } from "@/lib/settings";
import { AdminNav, type AdminNavItem } from "./_components/admin-nav";
import { pluralize, ROLE_LABELS } from "@/lib/format";
import { roleGrants } from "@/lib/auth/roles";

/**
 * The role is checked before anything of the back office is produced, its
 * title included: anyone else gets the plain public 404 (requireRole("staff")), and
 * the signed-out the sign-in page.
 */
export async function generateMetadata(): Promise<Metadata> {
  await requireRole("staff");
  return {
    title: { default: "Back-office", template: "%s — Back-office" },
    robots: { index: false, follow: false },
  };
}

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  // First, before any back-office query or markup.
  const user = await requireRole("staff");
  const [settings, counts, payments, documentsToReview, requestsToHandle, undeliveredEmails, absencesToDecide, closuresToConfirm] = await Promise.all([
    getSettings(),
    getAccountCounts(),
    paymentDashboard(),
    countDocumentsToReview(),
    countRequestsToHandle(),
    countUndeliveredEmails(),
    countAbsenceReportsToDecide(),
    countClosuresToConfirm(),
  ]);
  const items: AdminNavItem[] = [
    { href: "/admin", label: "Tableau de bord" },
    { href: "/admin/comptes", label: "Comptes à vérifier", count: counts.toReview, countLabel: "en attente" },
    { href: "/admin/documents", label: "Documents", count: documentsToReview, countLabel: "à valider" },
    { href: "/admin/demandes", label: "Demandes", count: requestsToHandle, countLabel: "à traiter" },
    { href: "/admin/familles", label: "Familles" },
    { href: "/admin/mises-a-jour", label: "Mises à jour du dossier" },
    { href: "/admin/fermetures", label: "Fermetures de compte", count: closuresToConfirm, countLabel: "à confirmer" },
    { href: "/admin/catalogue", label: "Catalogue" },
    { href: "/admin/calendrier", label: "Calendrier" },
    { href: "/admin/campagnes", label: "Campagnes" },
    { href: "/admin/listes", label: "Listes" },
    { href: "/admin/absences", label: "Absences", count: absencesToDecide, countLabel: "à valider" },
    { href: "/admin/factures", label: "Factures" },
    { href: "/admin/attestations", label: "Attestations fiscales" },
    { href: "/admin/paiements", label: "Paiements", count: payments.flagged + payments.late, countLabel: "à traiter" },
    { href: "/admin/emails", label: "E-mails", count: undeliveredEmails, countLabel: pluralize(undeliveredEmails, "non distribué") },
    { href: "/admin/referentiels", label: "Référentiels" },
    ...(roleGrants(user.role, "admin")
      ? [
          { href: "/admin/personnel", label: "Personnel" },
          { href: "/admin/parametres", label: "Paramètres" },
        ]
      : []),
    { href: "/admin/journal", label: "Journal" },
    { href: "/admin/registre", label: "Registre des traitements" },
  ];
  return (
    <div className="flex min-h-screen flex-col">
      <header className="bg-brand-700 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <p className="text-lg font-bold leading-tight">
            {settings.name}
            <span className="block text-sm font-normal">Back-office du {settings.portalName}</span>
          </p>
          <div className="flex flex-wrap items-center gap-x-3 text-sm">
            <p>
              {user.firstName} {user.lastName}
              <span className="sr-only">, </span>
              <span className="ml-2 rounded bg-white/15 px-2 py-0.5 text-xs">{ROLE_LABELS[user.role]}</span>
            </p>
            <SignOutButton className="text-white" />
          </div>
        </div>
        <AdminNav items={items} />
      </header>
      <main id="contenu" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        {children}
      </main>
      {/* Staff pages owe the accessibility mention too; the families' contact footer would be noise here. */}
      <footer className="border-t border-slate-200 bg-white text-sm text-slate-700">
        <div className="mx-auto flex max-w-6xl flex-wrap gap-x-6 gap-y-2 px-4 py-4">
          <AccessibilityMention className="inline-flex min-h-11 items-center underline" />
        </div>
      </footer>
    </div>
  );
}
