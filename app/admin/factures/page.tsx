import type { Metadata } from "next";
import Link from "next/link";
import { PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/dal";
import { listInvoicesForStaff } from "@/lib/billing/staff";
import type { InvoiceStatus } from "@/lib/generated/prisma/client";
import { formatCents, formatDate, INVOICE_STATUS_LABELS } from "@/lib/format";
import { DataTable } from "../_components/data-table";
import { cleanSearch } from "@/lib/validation/ids";

export const metadata: Metadata = { title: "Factures" };

const STATUSES = Object.keys(INVOICE_STATUS_LABELS) as InvoiceStatus[];

export default async function StaffInvoicesPage({
  searchParams,
}: {
  searchParams: Promise<{ etat?: string; annee?: string; famille?: string; page?: string }>;
}) {
  await requireRole("staff");
  const sp = await searchParams;
  const status = STATUSES.includes(sp.etat as InvoiceStatus) ? (sp.etat as InvoiceStatus) : undefined;
  const year = sp.annee && /^\d{4}$/.test(sp.annee) ? Number(sp.annee) : undefined;
  const page = Math.max(1, Number.parseInt(sp.page ?? "1", 10) || 1);
  const { rows, total, pageSize } = await listInvoicesForStaff({ status, year, household: cleanSearch(sp.famille) || undefined, page });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const query = (p: number) => {
    const q = new URLSearchParams();
    if (status) q.set("etat", status);
    if (year) q.set("annee", String(year));
    if (sp.famille) q.set("famille", sp.famille);
    q.set("page", String(p));
    return `/admin/factures?${q}`;
  };
  return (
    <>
      <PageTitle description="Toutes les factures, filtrées par état, année ou famille.">Factures</PageTitle>
      <form method="get" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4 sm:items-end">
        <div>
          <label htmlFor="etat" className="block text-sm font-semibold">
            État
          </label>
          <select id="etat" name="etat" defaultValue={status ?? ""} className="min-h-11 w-full rounded-md border border-slate-500 bg-white px-2">
            <option value="">Tous</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {INVOICE_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="annee" className="block text-sm font-semibold">
            Année
          </label>
          <input id="annee" name="annee" inputMode="numeric" defaultValue={year ?? ""} className="min-h-11 w-full rounded-md border border-slate-500 px-2" />
        </div>
        <div>
          <label htmlFor="famille" className="block text-sm font-semibold">
            Famille (nom ou n°)
          </label>
          <input id="famille" name="famille" defaultValue={sp.famille ?? ""} className="min-h-11 w-full rounded-md border border-slate-500 px-2" />
        </div>
        <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 font-semibold text-white">
          Filtrer
        </button>
      </form>
      <DataTable
        label="Factures"
        caption={`${total} ${total > 1 ? "factures" : "facture"}${pages > 1 ? ` — page ${page} sur ${pages}` : ""}`}
        minWidth="40rem"
        rows={rows}
        rowKey={(r) => r.id}
        emptyState={{ title: "Aucune facture ne correspond à ces critères." }}
        columns={[
          {
            header: "N°",
            rowHeader: true,
            cell: (r) => (
              <Link className="font-semibold text-brand-700 underline" href={`/admin/factures/${r.id}`}>
                {r.number}
              </Link>
            ),
          },
          { header: "Date", cell: (r) => formatDate(r.issuedAt) },
          { header: "Famille", cell: (r) => r.householdName },
          { header: "Montant", align: "right", cell: (r) => formatCents(r.totalCents) },
          { header: "État", cell: (r) => INVOICE_STATUS_LABELS[r.status] },
        ]}
      />
      {pages > 1 ? (
        <nav aria-label="Pages" className="mt-4 flex gap-4">
          {page > 1 ? <Link className="underline" href={query(page - 1)}>Page précédente</Link> : null}
          {page < pages ? <Link className="underline" href={query(page + 1)}>Page suivante</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
