import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/dal";
import { getFamilyFileUpdate } from "@/lib/file-update";
import { formatDate, formatDay, QUALITY_LABELS } from "@/lib/format";
import { ConfirmFileUpdateForm } from "./confirm-form";

export const metadata: Metadata = { title: "Mise à jour du dossier" };

const link = "inline-flex min-h-11 items-center font-semibold text-brand-700 underline";

export default async function FileUpdatePage() {
  const user = await requireRole("parent");
  const update = await getFamilyFileUpdate({ householdId: user.householdId });
  return (
    <>
      <PageTitle>Mise à jour du dossier</PageTitle>
      <nav aria-label="Fil d'Ariane" className="mb-4 text-sm">
        <Link href="/mon-espace" className="text-brand-700 underline">
          Mon Espace
        </Link>{" "}
        › Mise à jour du dossier
      </nav>
      {update ? <FileUpdate update={update} /> : <p>Aucune mise à jour du dossier n&apos;est demandée pour le moment.</p>}
    </>
  );
}

function FileUpdate({ update }: { update: NonNullable<Awaited<ReturnType<typeof getFamilyFileUpdate>>> }) {
  const { campaign, household, children, expiredDocuments } = update;
  // The error summary's lines lead to the section where each is fixed.
  const targets: Record<string, string> = {};
  for (const child of children) child.gaps.forEach((_, i) => (targets[`child-${child.personId}-${i}`] = `child-${child.personId}`));
  for (const d of expiredDocuments) targets[`document-${d.id}`] = `document-${d.id}`;
  return (
    <div className="space-y-6">
      <Card title={campaign.label}>
        <p>
          À confirmer avant le <strong>{formatDay(campaign.deadline)}</strong>.
        </p>
        {campaign.message ? <p className="mt-2 whitespace-pre-line break-words">{campaign.message}</p> : null}
        {update.requiringServices.length && !update.confirmedAt ? (
          <p className="mt-2">
            Tant que votre dossier n&apos;est pas confirmé, vous ne pouvez pas réserver à partir du{" "}
            {formatDay(campaign.schoolYearStart)} pour : {update.requiringServices.join(", ")}.
          </p>
        ) : null}
        <p className="mt-2 text-sm text-slate-700">
          Vérifiez les informations ci-dessous, complétez le dossier de chaque enfant et renvoyez les documents expirés, puis
          confirmez votre dossier.
        </p>
      </Card>

      {update.confirmedAt ? (
        <Alert tone="success" title={`Dossier confirmé le ${formatDate(update.confirmedAt)}`}>
          Merci. Si votre situation change, signalez-le par une démarche.
        </Alert>
      ) : null}

      <Card title="Votre famille">
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
          <dt className="font-semibold">Adresse</dt>
          <dd className="break-words">
            {household.address}, {household.postalCode} {household.city}
          </dd>
          <dt className="font-semibold">Quotient familial</dt>
          <dd>
            {household.qf == null
              ? "Non renseigné"
              : `${household.qf}${household.qfValidUntil ? ` (valable jusqu'au ${formatDay(household.qfValidUntil)})` : ""}`}
          </dd>
        </dl>
        <ul className="mt-2 flex flex-col">
          <li>
            <Link href="/demandes/demarches/nouvelle/CHANGEMENT_ADRESSE" className={link}>
              Signaler un changement d&apos;adresse
            </Link>
          </li>
          <li>
            <Link href="/demandes/demarches/nouvelle/QUOTIENT_FAMILIAL" className={link}>
              Mettre à jour le quotient familial
            </Link>
          </li>
        </ul>
        <h3 className="mt-4 font-semibold">Membres de la famille</h3>
        <ul className="divide-y divide-slate-200">
          {household.members.map((m) => (
            <li key={m.id} className="py-1">
              <Link href={`/mon-espace/membres/${m.id}`} className={link}>
                {m.firstName} {m.lastName}
              </Link>{" "}
              <span className="text-sm text-slate-600">({QUALITY_LABELS[m.quality]})</span>
            </li>
          ))}
        </ul>
      </Card>

      <Card title="Dossiers des enfants">
        {children.length === 0 ? (
          <p>Aucun enfant n&apos;est inscrit dans votre famille.</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {children.map((child) => (
              <li key={child.personId} className="py-3">
                <h3 id={`child-${child.personId}`} tabIndex={-1} className="font-semibold outline-none focus-visible:ring-2 focus-visible:ring-brand-700">
                  {child.firstName} {child.lastName}
                </h3>
                {child.gaps.length === 0 ? (
                  <p className="text-ok-700">Dossier complet.</p>
                ) : (
                  <ul className="list-disc pl-5 text-danger-700">
                    {child.gaps.map((gap) => (
                      <li key={gap}>{gap}</li>
                    ))}
                  </ul>
                )}
                <Link href={`/mon-espace/enfants/${child.personId}`} className={link}>
                  {child.gaps.length ? "Compléter" : "Vérifier"} le dossier de {child.firstName}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title="Documents à renvoyer">
        {expiredDocuments.length === 0 ? (
          <p>Aucun document à renvoyer.</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {expiredDocuments.map((d) => (
              <li key={d.id} className="py-3">
                <p id={`document-${d.id}`} tabIndex={-1} className="font-semibold outline-none focus-visible:ring-2 focus-visible:ring-brand-700">
                  {d.typeLabel}
                  {d.personName ? ` — ${d.personName}` : ""}
                </p>
                <p className="text-sm text-slate-700">Expiré depuis le {formatDay(d.expiredOn)}.</p>
                <Link href={d.personId ? `/mon-espace/membres/${d.personId}` : "/mon-espace"} className={link}>
                  Envoyer une nouvelle version<span className="sr-only"> : {d.typeLabel}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>

      {update.confirmedAt ? null : (
        <Card title="Confirmer mon dossier">
          <p className="mb-4 text-sm text-slate-700">
            En confirmant, vous attestez que les informations de votre famille et de vos enfants sont à jour.
          </p>
          <ConfirmFileUpdateForm campaignId={campaign.id} targets={targets} />
        </Card>
      )}
    </div>
  );
}
