import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { PageTitle } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { requireRole } from "@/lib/auth/dal";
import { searchHouseholds } from "@/lib/households";
import { DataTable } from "../_components/data-table";
import { personName, QUALITY_LABELS } from "@/lib/format";
import { cleanSearch } from "@/lib/validation/ids";

export const metadata: Metadata = { title: "Familles" };

const LIMIT = 50;

export default async function HouseholdsPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  await requireRole("staff");
  const raw = (await searchParams).q;
  const q = cleanSearch(raw);
  const households = await searchHouseholds({ query: q, limit: LIMIT });
  const caption = q
    ? `${households.length} ${households.length > 1 ? "familles correspondent" : "famille correspond"} à « ${q} »`
    : `Les ${households.length} familles enregistrées le plus récemment`;
  return (
    <>
      <PageTitle description="Recherchez une famille par son nom, le nom ou le prénom d'un de ses membres, ou son numéro.">
        Familles
      </PageTitle>
      <Form action="/admin/familles" className="mb-6 flex flex-wrap items-end gap-2" role="search">
        <div className="min-w-0 flex-1 basis-64">
          <Field label="Rechercher une famille">{(p) => <Input {...p} type="search" name="q" defaultValue={q} />}</Field>
        </div>
        <SubmitButton pendingLabel="Recherche…">Rechercher</SubmitButton>
      </Form>
      <DataTable
        label="Liste des familles"
        caption={`${caption}${households.length === LIMIT ? " (affinez la recherche pour voir les autres)" : ""}`}
        minWidth="40rem"
        rows={households}
        rowKey={(h) => h.id}
        emptyState={{
          title: q ? `Aucune famille ne correspond à « ${q} »` : "Aucune famille enregistrée",
          children: "Les familles sont créées lors de la vérification des comptes parents.",
        }}
        columns={[
          { header: "N°", cell: (h) => h.reference },
          {
            header: "Famille",
            rowHeader: true,
            cell: (h) => (
              <Link href={`/admin/familles/${h.id}`} className="font-semibold text-brand-700 underline">
                {h.name}
              </Link>
            ),
          },
          {
            header: "Commune",
            cell: (h) => (
              <>
                {h.postalCode} {h.city}
              </>
            ),
          },
          {
            header: "Membres",
            cell: (h) => (
              <ul>
                {h.members.map((m) => (
                  <li key={m.id}>
                    {personName(m)} <span className="text-slate-600">({QUALITY_LABELS[m.quality]})</span>
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
    </>
  );
}
