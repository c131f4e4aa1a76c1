import type { Metadata } from "next";
import { Card, PageTitle } from "@/components/ui/card";
import { listStaff } from "@/lib/accounts/staff";
import { requireRole } from "@/lib/auth/dal";
import { DataTable } from "../_components/data-table";
import { formatDate, personName, CIVILITY_LABELS, ROLE_LABELS, USER_STATUS_LABELS } from "@/lib/format";
import { CreateStaffForm, StaffRowActions } from "./staff-forms";

export const metadata: Metadata = { title: "Personnel" };

export default async function StaffPage() {
  const admin = await requireRole("admin");
  const staff = await listStaff();
  return (
    <>
      <PageTitle description="Les comptes des agents et administrateurs du service. Un compte désactivé ne peut plus se connecter et ses sessions ouvertes sont fermées.">
        Personnel
      </PageTitle>
      <DataTable
        label="Comptes du personnel"
        caption={`${staff.length} ${staff.length > 1 ? "comptes" : "compte"} du personnel`}
        minWidth="56rem"
        rows={staff}
        rowKey={(m) => m.id}
        columns={[
          {
            header: "Nom",
            rowHeader: true,
            className: "font-semibold",
            cell: (m) => (
              <>
                {m.civility ? `${CIVILITY_LABELS[m.civility]} ` : ""}
                {personName(m)}
                <span className="block text-xs font-normal text-slate-600">Créé le {formatDate(m.createdAt)}</span>
              </>
            ),
          },
          {
            header: "Email et identifiant",
            cell: (m) => (
              <>
                <span className="block break-all">{m.email}</span>
                <span className="block text-slate-600">{m.identifiant}</span>
              </>
            ),
          },
          { header: "Rôle", cell: (m) => ROLE_LABELS[m.role] },
          {
            header: "Statut",
            cell: (m) => (
              <>
                {USER_STATUS_LABELS[m.status]}
                {m.status === "ACTIVE" && !m.hasPassword ? (
                  <span className="block text-xs text-warn-800">Mot de passe pas encore choisi</span>
                ) : null}
              </>
            ),
          },
          {
            header: "Actions",
            cell: (m) => (
              <StaffRowActions
                isSelf={m.id === admin.id}
                member={{ id: m.id, name: personName(m), role: m.role, status: m.status, hasPassword: m.hasPassword }}
              />
            ),
          },
        ]}
      />
      <div className="mt-8">
        <Card title="Ajouter un membre du personnel">
          <CreateStaffForm />
        </Card>
      </div>
    </>
  );
}
