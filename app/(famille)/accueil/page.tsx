import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, PageTitle } from "@/components/ui/card";
import { FileLink } from "@/components/ui/new-window";
import { requireRole } from "@/lib/auth/dal";
import { listHouseholdFiles } from "@/lib/documents";
import { STATUS_BADGE } from "@/lib/documents/format";
import {
  formatCents,
  formatDate,
  formatDateTime,
  REQUEST_STATE_LABELS,
  requestValidationLabel,
  REVIEW_STATUS_LABELS,
} from "@/lib/format";
import { listHouseholdRequests } from "@/lib/requests";
import { type InvoiceRowDto, listHouseholdInvoices } from "@/lib/billing/invoices";
import { listHouseholdCampaigns } from "@/lib/campaigns/family";
import { InvoiceFilters, noInvoiceTitle } from "../factures/invoice-filters";
import { InvoiceTable } from "../factures/invoice-table";
import { DeleteFileForm } from "./delete-file-form";
import { cleanSearch } from "@/lib/validation/ids";

export const metadata: Metadata = { title: "Accueil" };

const TABS = [
  { key: "demandes", label: "Demandes" },
  { key: "factures", label: "Factures" },
  { key: "fichiers", label: "Fichiers" },
] as const;
type TabKey = (typeof TABS)[number]["key"];

// "relative" on the scroll regions: the visually hidden labels inside (position: absolute) would otherwise escape the clipping and widen the page on a phone.
const th = "whitespace-nowrap px-3 py-2 text-left text-sm font-semibold text-slate-800";
const td = "px-3 py-2 align-top text-sm text-slate-800";

/**
 * The seed's home page: tabs Demandes, Factures and Fichiers. Tabs are
 * links (with aria-current) and "Recherche" is a GET form, so both work
 * without JavaScript and a filtered view can be bookmarked.
 */
export default async function HomePage({ searchParams }: { searchParams: Promise<{ onglet?: string; q?: string; annee?: string }> }) {
  const user = await requireRole("parent");
  const params = await searchParams;
  const tab: TabKey = TABS.some((t) => t.key === params.onglet) ? (params.onglet as TabKey) : "demandes";
  const query = cleanSearch(params.q);
  const year = tab === "factures" && params.annee && /^\d{4}$/.test(params.annee) ? Number(params.annee) : undefined;
  // Read once, before the page is sent: the balance is in the first paint, so
  // nothing moves when it arrives. The Factures tab's filters ride on the same
  // read (the balance and the years are the household's whatever they select).
  const [invoices, campaigns] = await Promise.all([
    listHouseholdInvoices({
      householdId: user.householdId,
      ...(tab === "factures" ? { year, query } : {}),
    }),
    listHouseholdCampaigns({ householdId: user.householdId }),
  ]);
  const open = campaigns.filter((c) => c.phase === "OPEN");
  return (
    <>
      <PageTitle description="Le résumé de vos demandes, de vos factures et des fichiers envoyés au service.">
        Bonjour {user.firstName}
      </PageTitle>
      {open.length ? (
        <ul aria-label="Inscriptions aux vacances" className="mb-4 space-y-2">
          {open.map((c) => (
            <li key={c.id} className="rounded-lg border-l-4 border-brand-600 bg-brand-50 px-4 py-1">
              <Link href={`/demandes/campagnes/${c.id}`} prefetch={false} className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline">
                Inscriptions {c.label} : demandes ouvertes jusqu&apos;au {formatDateTime(c.closesAt)}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <AccountBalance dueCents={invoices.dueCents} creditCents={invoices.creditCents} />
      <nav aria-label="Onglets de l'accueil" className="mb-4 border-b border-slate-300">
        <ul className="flex flex-wrap gap-1">
          {TABS.map((t) => (
            <li key={t.key}>
              <Link
                // The default tab is /accueil itself, as the main menu names it: one URL for one view.
                href={t.key === "demandes" ? "/accueil" : `/accueil?onglet=${t.key}`}
                prefetch={false}
                aria-current={t.key === tab ? "page" : undefined}
                className={`relative -mb-px inline-flex min-h-11 items-center border-b-4 px-4 font-semibold ${
                  t.key === tab ? "border-brand-700 text-brand-800" : "border-transparent text-slate-700 hover:text-brand-700"
                }`}
              >
                {/* Named apart from the main menu's "Demandes" and "Factures", which lead elsewhere. */}
                <span className="sr-only">Onglet </span>
                {t.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {tab === "factures" ? (
        <LatestInvoices invoices={invoices.invoices} years={invoices.years} year={year ?? null} query={query} />
      ) : (
        <>
          <form method="get" action="/accueil" role="search" className="mb-4 flex flex-wrap items-end gap-2">
            <input type="hidden" name="onglet" value={tab} />
            <div>
              <label htmlFor="recherche" className="block text-sm font-semibold text-slate-800">
                Recherche
              </label>
              <input
                id="recherche"
                name="q"
                type="search"
                defaultValue={query}
                className="block min-h-11 w-64 max-w-full rounded-md border border-slate-500 px-3 py-2"
              />
            </div>
            <button type="submit" className={buttonClass("secondary")}>
              Rechercher
            </button>
          </form>
          {tab === "demandes" ? (
            <RequestsTab householdId={user.householdId} query={query} />
          ) : (
            <FilesTab householdId={user.householdId} query={query} />
          )}
        </>
      )}
    </>
  );
}

async function RequestsTab({ householdId, query }: { householdId: string; query: string }) {
  const requests = await listHouseholdRequests({ householdId, query });
  if (requests.length === 0) {
    return (
      <EmptyState title={query ? "Aucune demande ne correspond à votre recherche." : "Aucune demande pour le moment."}>
        <Link href="/demandes/demarches" className="text-brand-700 underline">
          Faire une démarche administrative
        </Link>
      </EmptyState>
    );
  }
  return (
    <div role="region" aria-label="Demandes" tabIndex={0} className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200">
        <caption className="px-3 py-2 text-left text-base font-semibold">Vos demandes</caption>
        <thead className="bg-slate-50">
          <tr>
            {["Nom", "Intitulé de la Demande", "Service", "Type", "Date", "Etat", "Validation"].map((h) => (
              <th key={h} scope="col" className={th}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {requests.map((r) => (
            <tr key={r.id}>
              <td className={td}>{r.personName ?? "Famille"}</td>
              <th scope="row" className={`${td} font-normal`}>
                <Link href={`/demandes/demarches/${r.id}`} prefetch={false} className="text-brand-700 underline">
                  {r.label}
                </Link>
              </th>
              <td className={td}>{r.service}</td>
              <td className={td}>{r.typeName}</td>
              <td className={`${td} whitespace-nowrap`}>{formatDate(r.createdAt)}</td>
              <td className={td}>{REQUEST_STATE_LABELS[r.status]}</td>
              <td className={td}>{requestValidationLabel(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

async function FilesTab({ householdId, query }: { householdId: string; query: string }) {
  const files = await listHouseholdFiles({ householdId, query });
  if (files.length === 0) {
    return <EmptyState title={query ? "Aucun fichier ne correspond à votre recherche." : "Aucun fichier envoyé pour le moment."} />;
  }
  return (
    <div role="region" aria-label="Fichiers" tabIndex={0} className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200">
        <caption className="px-3 py-2 text-left text-base font-semibold">Vos fichiers</caption>
        <thead className="bg-slate-50">
          <tr>
            {["Fichier", "Nom", "Date de Création", "Status"].map((h) => (
              <th key={h} scope="col" className={th}>
                {h}
              </th>
            ))}
            <th scope="col" className={th}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {files.map((f) => (
            <tr key={f.id}>
              <th scope="row" className={`${td} font-normal`}>
                <FileLink fileId={f.fileId} fileName={f.fileName} mimeType={f.mimeType} size={f.size} />
                <span className="block text-xs text-slate-600">{f.typeLabel}</span>
              </th>
              <td className={td}>{f.ownerName ?? "Famille"}</td>
              <td className={`${td} whitespace-nowrap`}>{formatDate(f.createdAt)}</td>
              <td className={td}>
                <span className={`rounded-full border px-2 py-0.5 text-xs font-semibold ${STATUS_BADGE[f.status]}`}>
                  {REVIEW_STATUS_LABELS[f.status]}
                </span>
                {f.status === "REFUSED" && f.refusalReason ? (
                  <span className="mt-1 block text-xs text-slate-700">Motif : {f.refusalReason}</span>
                ) : null}
              </td>
              <td className={td}>{f.status === "PENDING" ? <DeleteFileForm documentId={f.id} fileName={f.fileName} /> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The family's balance, above the tabs on every tab: what is waiting for payment and, if any, the credit. */
function AccountBalance({ dueCents, creditCents }: { dueCents: number; creditCents: number }) {
  return (
    <div className="mb-4 flex flex-wrap items-center justify-between gap-x-6 gap-y-1 rounded-lg border border-slate-200 bg-white px-4 py-2">
      <div className="flex flex-wrap gap-x-6 gap-y-1">
        <p>
          Montant en attente de paiement : <strong>{formatCents(dueCents)}</strong>
        </p>
        {creditCents > 0 ? (
          <p>
            Avoir disponible : <strong>{formatCents(creditCents)}</strong>
          </p>
        ) : null}
      </div>
      <Link href="/factures" className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline">
        Voir mes factures
      </Link>
    </div>
  );
}

/** The Factures tab: the latest invoices, filtered as on Factures by "Date" and "Recherche"; the full list (and the credit's use) is on Factures. */
function LatestInvoices({ invoices, years, year, query }: { invoices: InvoiceRowDto[]; years: number[]; year: number | null; query: string }) {
  const filters = new URLSearchParams({ ...(year ? { annee: String(year) } : {}), ...(query ? { q: query } : {}) }).toString();
  return (
    <div className="space-y-4">
      <InvoiceFilters action="/accueil" hidden={{ onglet: "factures" }} years={years} year={year} query={query} />
      {invoices.length === 0 ? (
        <EmptyState title={noInvoiceTitle(year, query)} />
      ) : (
        <>
          <InvoiceTable invoices={invoices.slice(0, 5)} caption="Vos dernières factures" />
          <Link href={filters ? `/factures?${filters}` : "/factures"} className="font-semibold text-brand-700 underline">
            Toutes mes factures
          </Link>
        </>
      )}
    </div>
  );
}
