import type { Metadata } from "next";
import { EmptyState, PageTitle } from "@/components/ui/card";
import { requireStaff } from "@/lib/auth/dal";
import { listUndeliveredEmails, UNDELIVERED_PAGE_SIZE } from "@/lib/mail/staff";
import { ScrollTable, captionClass, tdClass, thClass } from "../_components/scroll-table";
import { formatDateTime } from "../_lib/format";
import { RetryForm } from "./retry-form";

export const metadata: Metadata = { title: "E-mails non distribués" };

export default async function UndeliveredEmailsPage() {
  await requireStaff();
  const emails = await listUndeliveredEmails();
  return (
    <>
      <PageTitle description="Les messages que le fournisseur d'envoi a refusés ou n'a pas pu recevoir. Ceux « En file » sont réessayés automatiquement ; les « Abandonnés » ne partent plus que si vous les renvoyez.">
        E-mails non distribués
      </PageTitle>
      {emails.length === 0 ? (
        <EmptyState title="Tous les e-mails sont partis." />
      ) : (
        <ScrollTable label="E-mails non distribués">
          <table className="w-full min-w-[56rem] border-collapse">
            <caption className={captionClass}>
              {emails.length} {emails.length > 1 ? "messages" : "message"}
              {emails.length === UNDELIVERED_PAGE_SIZE ? ` (les ${UNDELIVERED_PAGE_SIZE} plus récents)` : ""}
            </caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className={thClass}>Date</th>
                <th scope="col" className={thClass}>Destinataire</th>
                <th scope="col" className={thClass}>Objet</th>
                <th scope="col" className={thClass}>Tentatives</th>
                <th scope="col" className={thClass}>Dernière erreur</th>
                <th scope="col" className={thClass}>Action</th>
              </tr>
            </thead>
            <tbody>
              {emails.map((email) => (
                <tr key={email.id} className="border-t border-slate-200">
                  <td className={tdClass}>{formatDateTime(email.createdAt)}</td>
                  <td className={`${tdClass} break-all`}>{email.to}</td>
                  <th scope="row" className={`${tdClass} text-left font-normal`}>
                    {email.subject}
                  </th>
                  <td className={tdClass}>
                    {email.attempts}
                    <span className="block">
                      {email.status === "FAILED" ? (
                        <span className="font-semibold text-danger-700">Abandonné</span>
                      ) : (
                        <>En file, prochain essai le {formatDateTime(email.nextAttemptAt)}</>
                      )}
                    </span>
                  </td>
                  <td className={`${tdClass} break-all font-mono text-xs`}>{email.error ?? "—"}</td>
                  <td className={tdClass}>
                    <RetryForm emailId={email.id} label={`${email.subject} à ${email.to}`} />
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
