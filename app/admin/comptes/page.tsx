import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, PageTitle } from "@/components/ui/card";
import { listAccountsToReview } from "@/lib/accounts/review";
import { requireStaff } from "@/lib/auth/dal";
import { ScrollTable, captionClass, tdClass, thClass } from "../_components/scroll-table";
import { CIVILITY_LABELS, formatCivilDate, formatDateTime, personName } from "../_lib/format";

export const metadata: Metadata = { title: "Comptes à vérifier" };

export default async function AccountsToReviewPage() {
  await requireStaff();
  const accounts = await listAccountsToReview();
  return (
    <>
      <PageTitle description="Les parents ci-dessous ont confirmé leur adresse email et attendent le contrôle de leur pièce d'identité. Les plus anciennes demandes sont en tête.">
        Comptes à vérifier
      </PageTitle>
      {accounts.length === 0 ? (
        <EmptyState title="Aucun compte à vérifier">Toutes les inscriptions ont été traitées.</EmptyState>
      ) : (
        <ScrollTable label="Comptes à vérifier">
          <table className="w-full min-w-[48rem] border-collapse">
            <caption className={captionClass}>
              {accounts.length} {accounts.length > 1 ? "comptes en attente" : "compte en attente"} de vérification
            </caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className={thClass}>
                  Nom
                </th>
                <th scope="col" className={thClass}>
                  Date de naissance
                </th>
                <th scope="col" className={thClass}>
                  Email
                </th>
                <th scope="col" className={thClass}>
                  Téléphones
                </th>
                <th scope="col" className={thClass}>
                  Inscription
                </th>
                <th scope="col" className={thClass}>
                  <span className="sr-only">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <tr key={a.id} className="border-t border-slate-200">
                  <th scope="row" className={`${tdClass} text-left font-semibold`}>
                    {a.civility ? `${CIVILITY_LABELS[a.civility]} ` : ""}
                    {personName(a)}
                  </th>
                  <td className={tdClass}>{formatCivilDate(a.birthDate)}</td>
                  <td className={`${tdClass} break-all`}>{a.email}</td>
                  <td className={tdClass}>
                    {[a.phone, a.mobile].filter(Boolean).map((p) => (
                      <span key={p} className="block whitespace-nowrap">
                        {p}
                      </span>
                    ))}
                  </td>
                  <td className={`${tdClass} whitespace-nowrap`}>
                    <time dateTime={a.createdAt.toISOString()}>{formatDateTime(a.createdAt)}</time>
                  </td>
                  <td className={tdClass}>
                    <Link
                      href={`/admin/comptes/${a.id}`}
                      className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline"
                    >
                      Vérifier<span className="sr-only"> le compte de {personName(a)}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </>
  );
}
