import type { Metadata } from "next";
import Link from "next/link";
import { PageTitle } from "@/components/ui/card";
import { getAccountCounts } from "@/lib/accounts/review";
import { requireRole } from "@/lib/auth/dal";
import { paymentDashboard } from "@/lib/billing/staff";
import { countHouseholds } from "@/lib/households";
import { countUndeliveredEmails } from "@/lib/mail/staff";
import { roleGrants } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Tableau de bord" };

export default async function AdminDashboardPage() {
  const user = await requireRole("staff");
  const [accounts, households, payments, undeliveredEmails] = await Promise.all([
    getAccountCounts(),
    countHouseholds(),
    paymentDashboard(),
    countUndeliveredEmails(),
  ]);
  const tiles = [
    {
      href: "/admin/comptes",
      value: accounts.toReview,
      label: accounts.toReview > 1 ? "comptes à vérifier" : "compte à vérifier",
      action: "Voir la file d'attente",
      highlight: accounts.toReview > 0,
    },
    {
      href: "/admin/familles",
      value: households,
      label: households > 1 ? "familles" : "famille",
      action: "Rechercher une famille",
      highlight: false,
    },
    {
      href: "/admin/familles",
      value: accounts.activeParents,
      label: accounts.activeParents > 1 ? "comptes parents actifs" : "compte parent actif",
      action: "Voir les familles",
      highlight: false,
    },
    {
      href: "/admin/paiements?etat=PENDING",
      value: payments.pending,
      label: payments.pending > 1 ? "paiements en cours" : "paiement en cours",
      action: "Voir les paiements",
      highlight: payments.late > 0,
    },
    {
      href: "/admin/paiements",
      value: payments.failed,
      label: payments.failed > 1 ? "paiements échoués (24 h)" : "paiement échoué (24 h)",
      action: "Voir les paiements",
      highlight: false,
    },
    {
      href: "/admin/paiements/a-traiter",
      value: payments.flagged,
      label: "paiements à traiter (en retard, avoir, incohérence)",
      action: "Traiter",
      highlight: payments.flagged > 0,
    },
  ];
  return (
    <>
      <PageTitle description={`Bonjour ${user.firstName}.`}>Tableau de bord</PageTitle>
      <ul className="grid gap-4 sm:grid-cols-3">
        {tiles.map((tile) => (
          <li
            key={tile.label}
            className={`rounded-lg border bg-white p-5 shadow-sm ${tile.highlight ? "border-brand-600" : "border-slate-200"}`}
          >
            <p>
              <span className="block text-3xl font-bold text-slate-900">{tile.value}</span>
              <span className="text-slate-700">{tile.label}</span>
            </p>
            <Link href={tile.href} className="mt-3 inline-flex min-h-11 items-center font-semibold text-brand-700 underline">
              {tile.action}
            </Link>
          </li>
        ))}
      </ul>
      <section
        aria-labelledby="emails-non-distribues"
        className={`mt-8 rounded-lg border bg-white p-5 shadow-sm ${undeliveredEmails > 0 ? "border-brand-600" : "border-slate-200"}`}
      >
        <h2 id="emails-non-distribues" className="text-lg font-semibold text-slate-900">
          E-mails non distribués : {undeliveredEmails}
        </h2>
        <p className="mt-1 text-slate-700">
          {undeliveredEmails > 0
            ? "Des messages aux familles n'ont pas pu partir : ils sont réessayés automatiquement, ou renvoyés depuis la liste."
            : "Tous les messages aux familles sont partis."}
        </p>
        <Link href="/admin/emails" className="mt-3 inline-flex min-h-11 items-center font-semibold text-brand-700 underline">
          Voir les e-mails non distribués
        </Link>
      </section>
      <section aria-labelledby="raccourcis" className="mt-8">
        <h2 id="raccourcis" className="text-lg font-semibold text-slate-900">
          Raccourcis
        </h2>
        <ul className="mt-2 list-inside list-disc space-y-1 text-brand-700">
          <li>
            <Link className="underline" href="/admin/journal">
              Journal des décisions
            </Link>
          </li>
          {roleGrants(user.role, "admin") ? (
            <>
              <li>
                <Link className="underline" href="/admin/personnel">
                  Comptes du personnel
                </Link>
              </li>
              <li>
                <Link className="underline" href="/admin/parametres">
                  Paramètres de la collectivité
                </Link>
              </li>
            </>
          ) : null}
        </ul>
      </section>
    </>
  );
}
