import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { FileLink } from "@/components/ui/new-window";
import { requireRole } from "@/lib/auth/dal";
import { STATUS_BADGE } from "@/lib/documents/format";
import { formatDate, REVIEW_STATUS_LABELS, REQUEST_STATE_LABELS, requestValidationLabel } from "@/lib/format";
import { getHouseholdRequest } from "@/lib/requests";
import { requireIdParam } from "@/lib/validation/params";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ envoyee?: string }> };

// The title names the request only once it is known to be the household's own.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await requireRole("parent");
  const request = await getHouseholdRequest({ householdId: user.householdId, requestId: requireIdParam((await params).id) });
  return { title: request ? request.label : "Page introuvable" };
}

export default async function RequestPage({ params, searchParams }: Props) {
  const user = await requireRole("parent");
  const request = await getHouseholdRequest({ householdId: user.householdId, requestId: requireIdParam((await params).id) });
  if (!request) notFound();
  const { envoyee } = await searchParams;
  return (
    <>
      <PageTitle description={`Service : ${request.service}`}>{request.label}</PageTitle>
      <nav aria-label="Fil d'Ariane" className="mb-4 text-sm">
        <Link href="/demandes" className="text-brand-700 underline">
          Demandes
        </Link>{" "}
        › {request.label}
      </nav>
      {envoyee ? (
        <div className="mb-4">
          <Alert tone="success" title="Votre demande a été envoyée.">
            Le service la traitera prochainement : vous serez prévenu par mail.
          </Alert>
        </div>
      ) : null}
      <Card title="Votre demande">
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
          <dt className="font-semibold">Date</dt>
          <dd>{formatDate(request.createdAt)}</dd>
          {request.personName ? (
            <>
              <dt className="font-semibold">Nom</dt>
              <dd>{request.personName}</dd>
            </>
          ) : null}
          <dt className="font-semibold">Etat</dt>
          <dd>{REQUEST_STATE_LABELS[request.status]}</dd>
          <dt className="font-semibold">Validation</dt>
          <dd>{requestValidationLabel(request)}</dd>
          {request.fields.map((f) => (
            <div key={f.label} className="contents">
              <dt className="font-semibold">{f.label}</dt>
              <dd className="whitespace-pre-line break-words">{f.value}</dd>
            </div>
          ))}
        </dl>
        <h2 className="mt-6 text-base font-semibold">Fichiers joints</h2>
        {request.documents.length === 0 ? (
          <p className="text-sm text-slate-700">Aucun fichier joint.</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {request.documents.map((d) => (
              <li key={d.id} className="flex flex-wrap items-center gap-2">
                <FileLink fileId={d.fileId} fileName={d.fileName} mimeType={d.mimeType} size={d.size} />
                <span className={`rounded-full border px-2 py-0.5 text-xs font-semibold ${STATUS_BADGE[d.status]}`}>
                  {REVIEW_STATUS_LABELS[d.status]}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
