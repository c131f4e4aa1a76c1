import type { Metadata } from "next";
import { PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/dal";
import { listUndeliveredEmails, UNDELIVERED_PAGE_SIZE } from "@/lib/mail/staff";
import { DataTable } from "../_components/data-table";
import { formatDateTime } from "@/lib/format";
import { RetryForm } from "./retry-form";

export const metadata: Metadata = { title: "E-mails non distribués" };

export default async function UndeliveredEmailsPage() {
  await requireRole("staff");
  const emails = await listUndeliveredEmails();
  return (
    <>
      <PageTitle description="Les messages que le fournisseur d'envoi a refusés ou n'a pas pu recevoir. Ceux « En file » sont réessayés automatiquement ; les « Abandonnés » ne partent plus que si vous les renvoyez.">
        E-mails non distribués
      </PageTitle>
      <DataTable
        label="E-mails non distribués"
        caption={`${emails.length} ${emails.length > 1 ? "messages" : "message"}${emails.length === UNDELIVERED_PAGE_SIZE ? ` (les ${UNDELIVERED_PAGE_SIZE} plus récents)` : ""}`}
        minWidth="56rem"
        rows={emails}
        rowKey={(email) => email.id}
        emptyState={{ title: "Tous les e-mails sont partis." }}
        columns={[
          { header: "Date", cell: (email) => formatDateTime(email.createdAt) },
          { header: "Destinataire", className: "break-all", cell: (email) => email.to },
          { header: "Objet", rowHeader: true, className: "font-normal", cell: (email) => email.subject },
          {
            header: "Tentatives",
            cell: (email) => (
              <>
                {email.attempts}
                <span className="block">
                  {email.status === "FAILED" ? (
                    <span className="font-semibold text-danger-700">Abandonné</span>
                  ) : (
                    <>En file, prochain essai le {formatDateTime(email.nextAttemptAt)}</>
                  )}
                </span>
              </>
            ),
          },
          { header: "Dernière erreur", className: "break-all font-mono text-xs", cell: (email) => email.error ?? "—" },
          { header: "Action", cell: (email) => <RetryForm emailId={email.id} label={`${email.subject} à ${email.to}`} /> },
        ]}
      />
    </>
  );
}
