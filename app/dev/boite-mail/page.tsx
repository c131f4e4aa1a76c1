import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EmptyState, PageTitle } from "@/components/ui/card";
import { env } from "@/lib/env";
import { outboxDir } from "@/lib/mail";
import { listOutbox } from "@/lib/mail/outbox";
import { formatDate, formatTime } from "./format";

export const metadata: Metadata = { title: "Boîte mail de développement", robots: { index: false } };

/** Development only: the emails the outbox driver wrote instead of sending them. */
export default async function DevMailboxPage() {
  if (env().nodeEnv !== "development") notFound();
  const messages = await listOutbox(outboxDir());
  return (
    <main id="contenu" className="mx-auto max-w-5xl px-4 py-6 sm:px-6">
      <PageTitle description="Sans clé Resend, les emails ne partent pas : ils sont écrits ici, du plus récent au plus ancien.">
        Boîte mail de développement
      </PageTitle>
      {messages.length === 0 ? (
        <EmptyState title="Aucun message pour l'instant.">
          Les emails envoyés par l&apos;application (inscription, mot de passe oublié…) apparaîtront ici.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm max-sm:text-xs">
            <caption className="sr-only">
              {messages.length === 1 ? "1 message" : `${messages.length} messages`}, du plus récent au plus ancien
            </caption>
            <thead className="bg-slate-100 text-slate-800">
              <tr>
                <th scope="col" className="px-2 py-2 font-semibold sm:px-3">
                  Date
                </th>
                <th scope="col" className="px-2 py-2 font-semibold sm:px-3">
                  Destinataire
                </th>
                <th scope="col" className="px-2 py-2 font-semibold sm:px-3">
                  Objet
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {messages.map((message) => (
                <tr key={message.id} className="align-top">
                  <td className="whitespace-nowrap px-2 py-2 text-slate-700 sm:px-3">
                    <time dateTime={message.createdAt}>
                      {formatDate(message.createdAt)}
                      <br />
                      {formatTime(message.createdAt)}
                    </time>
                  </td>
                  <td className="break-all px-2 py-2 text-slate-900 sm:px-3">{message.to}</td>
                  <th scope="row" className="px-2 py-2 font-normal sm:px-3">
                    <Link href={`/dev/boite-mail/${message.id}`} className="font-semibold text-brand-700 underline">
                      {message.subject}
                    </Link>
                  </th>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
