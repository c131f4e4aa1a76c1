import type { Metadata } from "next";
import Link from "next/link";
import { PageTitle } from "@/components/ui/card";
import { listAccountsToReview } from "@/lib/accounts/review";
import { requireRole } from "@/lib/auth/dal";
import { DataTable } from "../_components/data-table";
import { formatCivilDate, formatDateTime, personName, CIVILITY_LABELS } from "@/lib/format";

export const metadata: Metadata = { title: "Comptes à vérifier" };

export default async function AccountsToReviewPage() {
  await requireRole("staff");
  const accounts = await listAccountsToReview();
  return (
    <>
      <PageTitle description="Les parents ci-dessous ont confirmé leur adresse email et attendent le contrôle de leur pièce d'identité. Les plus anciennes demandes sont en tête.">
        Comptes à vérifier
      </PageTitle>
      <DataTable
        label="Comptes à vérifier"
        caption={`${accounts.length} ${accounts.length > 1 ? "comptes en attente" : "compte en attente"} de vérification`}
        minWidth="48rem"
        rows={accounts}
        rowKey={(a) => a.id}
        emptyState={{ title: "Aucun compte à vérifier", children: "Toutes les inscriptions ont été traitées." }}
        columns={[
          {
            header: "Nom",
            rowHeader: true,
            className: "font-semibold",
            cell: (a) => (
              <>
                {a.civility ? `${CIVILITY_LABELS[a.civility]} ` : ""}
                {personName(a)}
              </>
            ),
          },
          { header: "Date de naissance", cell: (a) => formatCivilDate(a.birthDate) },
          { header: "Email", className: "break-all", cell: (a) => a.email },
          {
            header: "Téléphones",
            cell: (a) =>
              [a.phone, a.mobile].filter(Boolean).map((p) => (
                <span key={p} className="block whitespace-nowrap">
                  {p}
                </span>
              )),
          },
          {
            header: "Inscription",
            className: "whitespace-nowrap",
            cell: (a) => <time dateTime={a.createdAt.toISOString()}>{formatDateTime(a.createdAt)}</time>,
          },
          {
            header: <span className="sr-only">Action</span>,
            cell: (a) => (
              <Link href={`/admin/comptes/${a.id}`} className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline">
                Vérifier<span className="sr-only"> le compte de {personName(a)}</span>
              </Link>
            ),
          },
        ]}
      />
    </>
  );
}
