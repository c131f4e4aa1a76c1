import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/dal";
import { getChildFile } from "@/lib/family-file";
import { uploadClientConfig } from "@/lib/files";
import { CONSENT_KIND_LABELS, formatDate, formatDay, labelOptions, PICKUP_KIND_LABELS } from "@/lib/format";
import { requireIdParam } from "@/lib/validation/params";
import { ConsentsForm } from "./consents-form";
import { FileDocuments } from "./file-documents";
import { HealthForm } from "./health-form";
import { AddPickupPersonForm, RemovePickupPersonButton } from "./people-forms";

type Props = { params: Promise<{ id: string }> };

// The child's name is in the title only once the child is known to be the household's.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await requireRole("parent");
  const file = await getChildFile({ householdId: user.householdId, personId: requireIdParam((await params).id) });
  return { title: file ? `Dossier de ${file.child.firstName} ${file.child.lastName}` : "Page introuvable" };
}

export default async function ChildFilePage({ params }: Props) {
  const user = await requireRole("parent");
  const file = await getChildFile({ householdId: user.householdId, personId: requireIdParam((await params).id) });
  if (!file) notFound();
  const { child, health } = file;
  const name = `${child.firstName} ${child.lastName}`;
  const upload = uploadClientConfig();
  const pending = file.pendingHealthRequest;
  return (
    <>
      <PageTitle description="Santé, personnes autour de l'enfant et autorisations : à tenir à jour pour l'accueil.">Dossier de {name}</PageTitle>
      <nav aria-label="Fil d'Ariane" className="mb-4 text-sm">
        <Link href="/mon-espace" className="text-brand-700 underline">
          Mon Espace
        </Link>{" "}
        ›{" "}
        <Link href={`/mon-espace/membres/${child.id}`} className="text-brand-700 underline">
          {name}
        </Link>{" "}
        › Dossier de l&apos;enfant
      </nav>
      <div className="space-y-6">
        <Card title="Fiche santé">
          <HealthForm
            personId={child.id}
            submissionKey={randomUUID()}
            initial={{
              doctorName: health.doctorName ?? "",
              doctorPhone: health.doctorPhone ?? "",
              dietIds: health.diets.map((d) => d.id),
              vaccinationsUpToDate: health.vaccinationsUpToDate === null ? null : health.vaccinationsUpToDate ? "oui" : "non",
              remarks: health.remarks ?? "",
              // Pending values are what the family last sent: saving again without touching them is no new change.
              allergies: pending ? pending.allergies : (health.allergies ?? ""),
              pai: pending ? pending.pai : health.pai ? "oui" : "non",
              paiValidUntil: pending ? pending.paiValidUntil : (health.paiValidUntil ?? ""),
            }}
            dietOptions={file.dietOptions}
            awaitingReview={
              pending ? (
                <Alert tone="warning" title="En attente de validation par le service">
                  Envoyé le {formatDate(pending.createdAt)}. En vigueur d&apos;ici là : allergies {health.allergies ? `« ${health.allergies} »` : "aucune"}, PAI{" "}
                  {health.pai ? `oui${health.paiValidUntil ? `, valable jusqu'au ${formatDay(health.paiValidUntil)}` : ""}` : "non"}.
                </Alert>
              ) : file.refusedHealthRequest ? (
                <Alert tone="error" title="Votre dernière modification des allergies ou du PAI a été refusée">
                  {file.refusedHealthRequest.reason ? `Motif : ${file.refusedHealthRequest.reason}` : null}
                </Alert>
              ) : health.pai && !health.paiValid ? (
                <Alert tone="warning" title="Le PAI est expiré : envoyez le nouveau PAI." />
              ) : null
            }
            vaccinationDocuments={<FileDocuments title="Carnet de vaccination déjà envoyé" documents={file.documents.vaccinations} />}
            paiDocuments={<FileDocuments title="PAI déjà envoyé" documents={file.documents.pai} />}
            uploadDriver={upload.driver}
            maxBytes={upload.maxBytes}
          />
        </Card>

        <Card title="Personnes autorisées et à prévenir">
          {file.pickupPersons.length === 0 ? (
            <p className="mb-4 text-sm">Aucune personne n&apos;est indiquée.</p>
          ) : (
            <ul className="mb-6 divide-y divide-slate-200 border-y border-slate-200">
              {file.pickupPersons.map((p) => (
                <li key={p.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                  <div className="min-w-0 text-sm">
                    <p className="font-semibold break-words">{p.name}</p>
                    <p className="break-words">{p.relationship}</p>
                    {p.phone ? (
                      <p>
                        <a href={`tel:${p.phone.replace(/\s/g, "")}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
                          {p.phone}
                        </a>
                      </p>
                    ) : null}
                    <p className={p.kind === "FORBIDDEN" ? "font-semibold text-danger-700" : "text-slate-700"}>{PICKUP_KIND_LABELS[p.kind]}</p>
                  </div>
                  <RemovePickupPersonButton personId={child.id} pickupPersonId={p.id} name={p.name} />
                </li>
              ))}
            </ul>
          )}
          <h3 className="mb-3 text-base font-semibold">Ajouter une personne</h3>
          <AddPickupPersonForm personId={child.id} kinds={labelOptions(PICKUP_KIND_LABELS)} />
        </Card>

        <Card title="Autorisations">
          <ConsentsForm
            personId={child.id}
            consents={file.consents.map((c) => ({
              kind: c.kind,
              label: CONSENT_KIND_LABELS[c.kind],
              answer: c.given === null ? null : c.given ? "oui" : "non",
              status:
                c.given === null
                  ? "Pas encore de réponse."
                  : `${c.given ? "Donnée" : "Refusée"} le ${formatDate(c.at)} par ${c.byName}`,
            }))}
          />
        </Card>
      </div>
    </>
  );
}
