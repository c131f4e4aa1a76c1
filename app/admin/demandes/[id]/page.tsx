import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/dal";
import { getDocumentForStaff } from "@/lib/documents";
import type { RequestAction } from "@/lib/generated/prisma/client";
import { getRequestForStaff } from "@/lib/requests";
import { formatDateTime, REVIEW_STATUS_LABELS } from "@/lib/format";
import { DecisionForms } from "../../documents/decision-forms";
import { FileViewer } from "../../documents/file-viewer";
import { acceptRequestAction, refuseRequestAction } from "../actions";
import { requireIdParam } from "@/lib/validation/params";

export const metadata: Metadata = { title: "Demande" };

const ACCEPT_EFFECT: Record<RequestAction, string> = {
  CHANGE_ADDRESS: "Accepter : la nouvelle adresse remplace celle de la famille.",
  UPDATE_QF: "Accepter : le quotient familial, le régime et leur validité sont mis à jour.",
  ADD_MEMBER: "Accepter : la personne est ajoutée à la famille.",
  FAMILY_SITUATION: "Accepter la demande",
  MEDICAL: "Accepter la demande",
  HEALTH_UPDATE: "Accepter : les allergies et le PAI de l'enfant sont mis à jour sur sa fiche santé.",
  OTHER: "Accepter la demande",
};

export default async function RequestPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ decision?: string }>;
}) {
  await requireRole("staff");
  const request = await getRequestForStaff(requireIdParam((await params).id));
  if (!request) notFound();
  const { decision } = await searchParams;
  const documents = await Promise.all(request.documents.map((d) => getDocumentForStaff(d.id)));
  return (
    <>
      <p className="mb-4">
        <Link href="/admin/demandes" className="inline-flex min-h-11 items-center text-brand-700 underline">
          ← Demandes à traiter
        </Link>
      </p>
      <PageTitle description={`Reçue le ${formatDateTime(request.createdAt)} de la famille ${request.householdName}`}>
        {request.label}
      </PageTitle>
      {decision ? (
        <div className="mb-4">
          <Alert tone="success" title={decision === "acceptee" ? "Demande acceptée." : "Demande refusée."}>
            La famille en est informée par mail, sauf si elle s&apos;est désinscrite des mails du service.
          </Alert>
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[1fr_2fr]">
        <Card title="Demande">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="font-semibold">Famille</dt>
            <dd>
              <Link href={`/admin/familles/${request.householdId}`} className="text-brand-700 underline">
                {request.householdName} (n° {request.householdReference})
              </Link>
            </dd>
            {request.personName ? (
              <>
                <dt className="font-semibold">Membre</dt>
                <dd>{request.personName}</dd>
              </>
            ) : null}
            <dt className="font-semibold">Etat</dt>
            <dd>
              {REVIEW_STATUS_LABELS[request.status]}
              {request.refusalReason ? ` : ${request.refusalReason}` : ""}
              {request.handlerName ? ` (${request.handlerName}, ${formatDateTime(request.handledAt)})` : ""}
            </dd>
            {request.fields.map((f) => (
              <div key={f.label} className="contents">
                <dt className="font-semibold">{f.label}</dt>
                <dd className="whitespace-pre-line break-words">{f.value}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card title="Pièces jointes">
          {documents.length === 0 ? (
            <p className="text-sm">Aucune pièce jointe.</p>
          ) : (
            <div className="space-y-6">
              {documents.map((d) =>
                d ? (
                  <FileViewer
                    key={d.id}
                    fileId={d.fileId}
                    fileName={d.fileName}
                    mimeType={d.mimeType}
                    size={d.size}
                    description={`${d.typeLabel} joint à la demande ${request.label}`}
                  />
                ) : null,
              )}
            </div>
          )}
        </Card>
      </div>
      {request.status === "PENDING" ? (
        <div className="mt-6">
          <Card title="Décision">
            <DecisionForms
              idName="requestId"
              id={request.id}
              acceptLabel={ACCEPT_EFFECT[request.action]}
              acceptAction={acceptRequestAction}
              refuseAction={refuseRequestAction}
            />
          </Card>
        </div>
      ) : null}
    </>
  );
}
