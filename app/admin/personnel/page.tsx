import type { Metadata } from "next";
import { Card, PageTitle } from "@/components/ui/card";
import { listStaff } from "@/lib/accounts/staff";
import { requireAdmin } from "@/lib/auth/dal";
import { ScrollTable, captionClass, tdClass, thClass } from "../_components/scroll-table";
import { CIVILITY_LABELS, ROLE_LABELS, STATUS_LABELS, formatDate, personName } from "../_lib/format";
import { CreateStaffForm, StaffRowActions } from "./staff-forms";

export const metadata: Metadata = { title: "Personnel" };

export default async function StaffPage() {
  const admin = await requireAdmin();
  const staff = await listStaff();
  return (
    <>
      <PageTitle description="Les comptes des agents et administrateurs du service. Un compte désactivé ne peut plus se connecter et ses sessions ouvertes sont fermées.">
        Personnel
      </PageTitle>
      <ScrollTable label="Comptes du personnel">
        <table className="w-full min-w-[56rem] border-collapse">
          <caption className={captionClass}>
            {staff.length} {staff.length > 1 ? "comptes" : "compte"} du personnel
          </caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className={thClass}>
                Nom
              </th>
              <th scope="col" className={thClass}>
                Email et identifiant
              </th>
              <th scope="col" className={thClass}>
                Rôle
              </th>
              <th scope="col" className={thClass}>
                Statut
              </th>
              <th scope="col" className={thClass}>
                Actions
              </th>
            </tr>
          </thead>
          <tbody>
            {staff.map((m) => (
              <tr key={m.id} className="border-t border-slate-200">
                <th scope="row" className={`${tdClass} text-left font-semibold`}>
                  {m.civility ? `${CIVILITY_LABELS[m.civility]} ` : ""}
                  {personName(m)}
                  <span className="block text-xs font-normal text-slate-600">Créé le {formatDate(m.createdAt)}</span>
                </th>
                <td className={tdClass}>
                  <span className="block break-all">{m.email}</span>
                  <span className="block text-slate-600">{m.identifiant}</span>
                </td>
                <td className={tdClass}>{ROLE_LABELS[m.role]}</td>
                <td className={tdClass}>
                  {STATUS_LABELS[m.status]}
                  {m.status === "ACTIVE" && !m.hasPassword ? (
                    <span className="block text-xs text-warn-800">Mot de passe pas encore choisi</span>
                  ) : null}
                </td>
                <td className={tdClass}>
                  <StaffRowActions
                    isSelf={m.id === admin.id}
                    member={{ id: m.id, name: personName(m), role: m.role, status: m.status, hasPassword: m.hasPassword }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <div className="mt-8">
        <Card title="Ajouter un membre du personnel">
          <CreateStaffForm />
        </Card>
      </div>
    </>
  );
}
