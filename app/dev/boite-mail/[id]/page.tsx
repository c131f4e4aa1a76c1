import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageTitle } from "@/components/ui/card";
import { env } from "@/lib/env";
import { outboxDir } from "@/lib/mail";
import { readOutboxMessage } from "@/lib/mail/outbox";
import { formatSentAt } from "../format";

export const metadata: Metadata = { title: "Message — Boîte mail de développement", robots: { index: false } };

/**
 * The message's links, clickable here: inside the sandboxed preview they
 * cannot be followed, and following "Confirmer inscription" is the point of
 * opening a message during development.
 */
function linksOf(html: string): string[] {
  const hrefs = [...html.matchAll(/<a\b[^>]*\shref="([^"]+)"/g)].map((m) => m[1].replaceAll("&amp;", "&"));
  return [...new Set(hrefs.filter((href) => /^https?:\/\//.test(href)))];
}

export default async function DevMailPage({ params }: { params: Promise<{ id: string }> }) {
  if (env().nodeEnv !== "development") notFound();
  const { id } = await params;
  const message = await readOutboxMessage(id, outboxDir());
  if (!message) notFound();
  const links = linksOf(message.html);
  return (
    <main id="contenu" className="mx-auto max-w-5xl space-y-6 px-4 py-6 sm:px-6">
      <p>
        <Link href="/dev/boite-mail" className="text-sm font-semibold text-brand-700 underline">
          ← Retour à la boîte mail
        </Link>
      </p>
      <PageTitle>{message.subject}</PageTitle>
      <Card>
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold text-slate-800">Date</dt>
          <dd className="text-slate-700">
            <time dateTime={message.createdAt}>{formatSentAt(message.createdAt)}</time>
          </dd>
          <dt className="font-semibold text-slate-800">De</dt>
          <dd className="break-all text-slate-700">{message.from}</dd>
          <dt className="font-semibold text-slate-800">Destinataire</dt>
          <dd className="break-all text-slate-700">{message.to}</dd>
          <dt className="font-semibold text-slate-800">Modèle</dt>
          <dd className="text-slate-700">{message.template}</dd>
        </dl>
      </Card>
      {links.length > 0 ? (
        <Card title="Liens du message">
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {links.map((href) => (
              <li key={href} className="break-all">
                <a href={href} className="text-brand-700 underline">
                  {href}
                </a>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card title="Version HTML">
        {/* sandbox="": the message's HTML runs no script and cannot navigate the page. */}
        <iframe
          sandbox=""
          srcDoc={message.html}
          title={`Aperçu HTML du message « ${message.subject} »`}
          className="h-[70vh] min-h-96 w-full rounded border border-slate-200 bg-white"
        />
      </Card>
      <Card title="Version texte">
        <pre className="overflow-x-auto whitespace-pre-wrap break-words font-mono text-sm text-slate-800">{message.text}</pre>
      </Card>
    </main>
  );
}
