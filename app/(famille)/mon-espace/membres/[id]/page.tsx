import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageTitle } from "@/components/ui/card";
import { FileLink } from "@/components/ui/new-window";
import { requireRole } from "@/lib/auth/dal";
import { listMemberDocuments } from "@/lib/documents";
import { STATUS_BADGE } from "@/lib/documents/format";
import { CIVILITY_LABELS, formatCivilDate, formatDate, REVIEW_STATUS_LABELS, QUALITY_LABELS } from "@/lib/format";
import { getFamilyMember } from "@/lib/households";
import { uploadClientConfig } from "@/lib/files";
import { ContactForm, EmailChangeForm } from "../../contact-forms";
import { DocumentUploadForm } from "./document-upload-form";
import { requireIdParam } from "@/lib/validation/params";

type Props = { params: Promise<{ id: string }> };

// The member's name is in the title only once the member is known to be the household's.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await requireRole("parent");
  const member = await getFamilyMember({ householdId: user.householdId, personId: requireIdParam((await params).id) });
  return { title: member ? `${member.firstName} ${member.lastName}` : "Page introuvable" };
}

export default async function MemberPage({ params }: Props) {
  const user = await requireRole("parent");
  const member = await getFamilyMember({ householdId: user.householdId, personId: requireIdParam((await params).id) });
  if (!member) notFound();
  const groups = await listMemberDocuments({ householdId: user.householdId, personId: member.id });
  const upload = uploadClientConfig();
  const isSelf = member.id === user.personId;
  const info: [string, string | null | undefined][] = [
    ["Qualité", QUALITY_LABELS[member.quality]],
    ["Civ", member.civility ? CIVILITY_LABELS[member.civility] : null],
    ["Nom de famille", member.lastName],
    ["Prénom", member.firstName],
    ["Date de Naissance", member.birthDate && formatCivilDate(member.birthDate)],
    ["Téléphone", member.phone],
    ["Tel.Portable", member.mobile],
    ["Adresse", [member.address.address1, member.address.address2].filter(Boolean).join(", ")],
    ["Code Postal", member.address.postalCode],
    ["Ville", member.address.city],
    ["Adresse Email", member.email],
    ["Identifiant", member.account?.identifiant],
  ];
  return (
    <>
      <PageTitle description={member.account?.synced ? "Compte Synchronisé" : undefined}>
        {member.firstName} {member.lastName}
      </PageTitle>
      <nav aria-label="Fil d'Ariane" className="mb-4 text-sm">
        <Link href="/mon-espace" className="text-brand-700 underline">
          Mon Espace
        </Link>{" "}
        › {member.firstName} {member.lastName}
      </nav>
      {member.quality === "ENFANT" ? (
        <p className="mb-6">
          <Link
            href={`/mon-espace/enfants/${member.id}`}
            className="inline-flex min-h-11 items-center rounded-md border border-brand-700 px-4 font-semibold text-brand-700"
          >
            Dossier de l&apos;enfant
          </Link>
        </p>
      ) : null}
      <div className="space-y-6">
        <Card title="Informations du Compte Citoyen">
          <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
            {info
              .filter(([, value]) => value)
              .map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="font-semibold">{label}</dt>
                  <dd className="break-words">{value}</dd>
                </div>
              ))}
          </dl>
          {isSelf ? (
            <div className="mt-6 space-y-6 border-t border-slate-200 pt-4">
              <ContactForm phone={member.phone ?? ""} mobile={member.mobile ?? ""} />
              <EmailChangeForm />
            </div>
          ) : null}
        </Card>
        <Card title="Documents liés au compte">
          <ul className="divide-y divide-slate-200">
            {groups.map((group) => (
              <li key={group.typeId} className="space-y-2 py-4">
                <h2 className="text-base font-semibold">{group.typeLabel}</h2>
                {group.description ? <p className="text-sm text-slate-600">{group.description}</p> : null}
                {group.documents.length === 0 ? (
                  <p className="text-sm text-slate-700">Aucun fichier.</p>
                ) : (
                  <ul className="space-y-3">
                    {group.documents.map((d) => (
                      <li key={d.id} className="space-y-1">
                        <div className="flex flex-wrap items-center gap-2">
                          <FileLink fileId={d.fileId} fileName={d.fileName} mimeType={d.mimeType} size={d.size} />
                          <span className="text-sm text-slate-600">{formatDate(d.createdAt)}</span>
                          <span className={`rounded-full border px-2 py-0.5 text-xs font-semibold ${STATUS_BADGE[d.status]}`}>
                            {REVIEW_STATUS_LABELS[d.status]}
                          </span>
                        </div>
                        {d.status === "REFUSED" && d.refusalReason ? (
                          <p className="text-sm text-danger-700">Motif : {d.refusalReason}</p>
                        ) : null}
                        <DocumentUploadForm
                          personId={member.id}
                          typeId={group.typeId}
                          typeLabel={`${group.typeLabel}, ${d.fileName}`}
                          replacesId={d.id}
                          triggerLabel="Remplacer le fichier"
                          uploadDriver={upload.driver}
                          maxBytes={upload.maxBytes}
                        />
                      </li>
                    ))}
                  </ul>
                )}
                <DocumentUploadForm
                  personId={member.id}
                  typeId={group.typeId}
                  typeLabel={group.typeLabel}
                  triggerLabel={group.documents.length ? "+ Ajouter un autre fichier" : "+ Ajouter un fichier"}
                  uploadDriver={upload.driver}
                  maxBytes={upload.maxBytes}
                />
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
