import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { FileLink } from "@/components/ui/new-window";
import { requireRole } from "@/lib/auth/dal";
import { getDocumentForStaff } from "@/lib/documents";
import { DecisionForms } from "../decision-forms";
import { formatDateTime, REVIEW_STATUS_LABELS } from "@/lib/format";
import { refuseDocumentAction, validateDocumentAction } from "../actions";
import { FileViewer } from "../file-viewer";
import { requireIdParam } from "@/lib/validation/params";

export const metadata: Metadata = { title: "Document" };

export default async function DocumentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ decision?: string }>;
}) {
  await requireRole("staff");
  const document = await getDocumentForStaff(requireIdParam((await params).id));
  if (!document) notFound();
  const { decision } = await searchParams;
  const owner = document.ownerName ?? `la famille ${document.householdName}`;
  return (
    <>
      <p className="mb-4">
        <Link href="/admin/documents" className="inline-flex min-h-11 items-center text-brand-700 underline">
          ← Documents à valider
        </Link>
      </p>
      <PageTitle description={`Envoyé le ${formatDateTime(document.createdAt)} pour ${owner}`}>{document.typeLabel}</PageTitle>
      {decision ? (
        <div className="mb-4">
          <Alert tone="success" title={decision === "valide" ? "Document validé." : "Document refusé."}>
            La famille en est informée par mail, sauf si elle s&apos;est désinscrite des mails du service.
          </Alert>
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card title="Document">
          <FileViewer
            fileId={document.fileId}
            fileName={document.fileName}
            mimeType={document.mimeType}
            size={document.size}
            description={`${document.typeLabel} de ${owner}`}
          />
        </Card>
        <Card title="Informations">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="font-semibold">Famille</dt>
            <dd>
              <Link href={`/admin/familles/${document.householdId}`} className="text-brand-700 underline">
                {document.householdName} (n° {document.householdReference})
              </Link>
            </dd>
            <dt className="font-semibold">Status</dt>
            <dd>
              {document.deletedAt ? "Supprimé par la famille" : REVIEW_STATUS_LABELS[document.status]}
              {document.refusalReason ? ` : ${document.refusalReason}` : ""}
            </dd>
            {document.reviewerName ? (
              <>
                <dt className="font-semibold">Traité par</dt>
                <dd>
                  {document.reviewerName}, le {formatDateTime(document.reviewedAt)}
                </dd>
              </>
            ) : null}
            {document.requestId ? (
              <>
                <dt className="font-semibold">Demande</dt>
                <dd>
                  <Link href={`/admin/demandes/${document.requestId}`} className="text-brand-700 underline">
                    Voir la demande
                  </Link>
                </dd>
              </>
            ) : null}
          </dl>
          {document.history.length > 0 ? (
            <>
              <h2 className="mt-4 text-base font-semibold">Versions précédentes</h2>
              <ul className="mt-2 space-y-1 text-sm">
                {document.history.map((v) => (
                  <li key={v.id}>
                    <FileLink fileId={v.fileId} fileName={v.fileName} mimeType={v.mimeType} size={v.size} />{" "}
                    — {formatDateTime(v.createdAt)} ({REVIEW_STATUS_LABELS[v.status]})
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Card>
      </div>
      {document.status === "PENDING" && !document.deletedAt && !document.replacedAt ? (
        <div className="mt-6">
          <Card title="Décision">
            <DecisionForms
              idName="documentId"
              id={document.id}
              acceptLabel="Valider le document"
              acceptAction={validateDocumentAction}
              refuseAction={refuseDocumentAction}
            />
          </Card>
        </div>
      ) : null}
    </>
  );
}
