import type { Metadata } from "next";
import Form from "next/form";
import Image from "next/image";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { visibleFileName } from "@/lib/files/name";
import {
  getAccountToReview,
  findLinkCandidates,
  type AccountToReviewDto,
  type IdentityDocumentDto,
} from "@/lib/accounts/review";
import { requireRole } from "@/lib/auth/dal";
import {
  CIVILITY_LABELS,
  formatCivilDate,
  formatDateTime,
  formatFileSize,
  personName,
  QUALITY_LABELS,
  USER_STATUS_LABELS,
} from "@/lib/format";
import { CreateHouseholdForm, LinkPersonForm, RejectAccountForm } from "./review-forms";
import { cleanSearch, isId } from "@/lib/validation/ids";

export const metadata: Metadata = { title: "Vérification d'un compte" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ q?: string | string[]; decision?: string; email?: string }>;
};

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function AccountReviewPage({ params, searchParams }: Props) {
  await requireRole("staff");
  const { id } = await params;
  if (!isId(id)) notFound();
  const query = await searchParams;
  const account = await getAccountToReview(id);
  if (!account) notFound();
  const pending = account.status === "PENDING_REVIEW";
  // Without a query yet, the account's own last name is the likeliest search.
  const q = cleanSearch(first(query.q) ?? account.lastName);
  const candidates = pending && q ? await findLinkCandidates({ query: q }) : [];

  return (
    <>
      <p className="mb-4">
        <Link href="/admin/comptes" className="inline-flex min-h-11 items-center text-brand-700 underline">
          ← Comptes à vérifier
        </Link>
      </p>
      <PageTitle description={<StatusLine account={account} />}>
        Compte de {account.civility ? `${CIVILITY_LABELS[account.civility]} ` : ""}
        {personName(account)}
      </PageTitle>

      <DecisionNotice account={account} decision={query.decision} emailFailed={query.email === "echec"} />

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Informations saisies par le parent">
          <dl className="grid grid-cols-[minmax(8rem,auto)_1fr] gap-x-4 gap-y-2 text-sm">
            <Row label="Civilité">{account.civility ? CIVILITY_LABELS[account.civility] : "—"}</Row>
            <Row label="Nom de famille">{account.lastName}</Row>
            <Row label="Prénom">{account.firstName}</Row>
            <Row label="Date de naissance">{formatCivilDate(account.birthDate)}</Row>
            <Row label="Email">
              <span className="break-all">{account.email}</span>
            </Row>
            <Row label="Téléphone">{account.phone ?? "—"}</Row>
            <Row label="Tél. portable">{account.mobile ?? "—"}</Row>
            <Row label="Identifiant">{account.identifiant}</Row>
            <Row label="Inscription">{formatDateTime(account.createdAt)}</Row>
            <Row label="Email confirmé">{formatDateTime(account.emailConfirmedAt)}</Row>
          </dl>
        </Card>
        <Card title="Pièce d'identité">
          {account.identityDocument ? (
            <IdentityDocument document={account.identityDocument} owner={personName(account)} />
          ) : (
            <Alert tone="warning">Aucune pièce d&apos;identité n&apos;est rattachée à ce compte.</Alert>
          )}
        </Card>
      </div>

      {pending ? (
        <div className="mt-8 space-y-6">
          <h2 className="text-xl font-bold text-slate-900">Décision</h2>
          <p className="text-slate-700">
            Après vérification de la pièce d&apos;identité, choisissez l&apos;une des trois issues. Le parent est
            prévenu par email.
          </p>

          <Card title="1. Lier à un membre existant">
            <Form action={`/admin/comptes/${account.id}`} scroll={false} className="flex flex-wrap items-end gap-2">
              <div className="min-w-0 flex-1 basis-64">
                <Field label="Rechercher une famille" hint="Nom de la famille, nom ou prénom d'un membre, ou n° de famille.">
                  {(p) => <Input {...p} type="search" name="q" defaultValue={q} />}
                </Field>
              </div>
              <SubmitButton variant="secondary" pendingLabel="Recherche…">
                Rechercher
              </SubmitButton>
            </Form>
            <LinkCandidates account={account} query={q} candidates={candidates} />
          </Card>

          <Card title="2. Créer une nouvelle famille">
            <CreateHouseholdForm userId={account.id} familyName={account.lastName} />
          </Card>

          <Card title="3. Refuser l'inscription">
            <RejectAccountForm userId={account.id} />
          </Card>
        </div>
      ) : null}
    </>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="font-semibold text-slate-800">{label}</dt>
      <dd className="min-w-0 text-slate-900">{children}</dd>
    </>
  );
}

function StatusLine({ account }: { account: AccountToReviewDto }) {
  return (
    <>
      Statut : <strong>{USER_STATUS_LABELS[account.status]}</strong>
      {account.reviewedAt ? <> — décision du {formatDateTime(account.reviewedAt)}</> : null}
    </>
  );
}

function DecisionNotice({
  account,
  decision,
  emailFailed,
}: {
  account: AccountToReviewDto;
  decision?: string;
  emailFailed: boolean;
}) {
  const household = account.person?.household;
  const emailNote = emailFailed ? null : <> Un email en a informé {account.email}.</>;
  return (
    <div className="mb-6 space-y-3">
      {decision && account.status === "ACTIVE" && household ? (
        <Alert tone="success" title={decision === "cree" ? "Famille créée, compte activé" : "Compte lié et activé"}>
          Le compte est rattaché à la famille{" "}
          <Link className="underline" href={`/admin/familles/${household.id}`}>
            {household.name} (n° {household.reference})
          </Link>
          .{emailNote}
        </Alert>
      ) : null}
      {decision && account.status === "REJECTED" ? (
        <Alert tone="success" title="Inscription refusée">
          Le motif a été enregistré.{emailNote}
        </Alert>
      ) : null}
      {decision && emailFailed ? (
        <Alert tone="warning" title="L'email n'a pas pu être envoyé">
          La décision est bien enregistrée, mais le parent n&apos;a pas été prévenu : contactez-le par téléphone.
        </Alert>
      ) : null}
      {!decision && account.status === "ACTIVE" && household ? (
        <Alert tone="info">
          Ce compte est rattaché à{" "}
          {account.person ? <>{personName(account.person)}, </> : null}
          famille{" "}
          <Link className="underline" href={`/admin/familles/${household.id}`}>
            {household.name} (n° {household.reference})
          </Link>
          .
        </Alert>
      ) : null}
      {!decision && account.status === "REJECTED" ? (
        <Alert tone="info" title="Inscription refusée">
          Motif : {account.rejectionReason ?? "non renseigné"}
        </Alert>
      ) : null}
      {account.status === "PENDING_EMAIL" ? (
        <Alert tone="info">Le parent n&apos;a pas encore confirmé son adresse email : rien à vérifier pour le moment.</Alert>
      ) : null}
      {account.status === "DISABLED" ? <Alert tone="info">Ce compte est désactivé.</Alert> : null}
    </div>
  );
}

function IdentityDocument({ document, owner }: { document: IdentityDocumentDto; owner: string }) {
  const description = `${visibleFileName(document.originalName)} (${formatFileSize(document.size)})`;
  return (
    <div className="space-y-3">
      {document.mimeType.startsWith("image/") ? (
        // The file route checks the staff session: the image optimiser, which fetches without it, must be skipped.
        <Image
          src={document.url}
          alt={`Pièce d'identité transmise par ${owner}`}
          width={1200}
          height={900}
          unoptimized
          className="h-auto max-h-[70vh] w-full rounded border border-slate-200 object-contain"
        />
      ) : document.mimeType === "application/pdf" ? (
        <object
          data={document.url}
          type="application/pdf"
          aria-label={`Pièce d'identité transmise par ${owner} (PDF)`}
          className="h-[70vh] w-full rounded border border-slate-200"
        >
          <p className="p-4 text-sm">
            Votre navigateur ne peut pas afficher ce PDF dans la page : ouvrez-le avec le lien ci-dessous.
          </p>
        </object>
      ) : (
        <p className="text-sm text-slate-700">Ce format ne peut pas être affiché dans la page.</p>
      )}
      <p className="text-sm">
        <a
          href={document.url}
          target="_blank"
          rel="noopener noreferrer"
          className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline"
        >
          Ouvrir le document dans un nouvel onglet
          <span className="sr-only"> (nouvelle fenêtre)</span>
        </a>
        <span className="block text-slate-600">{description}</span>
      </p>
    </div>
  );
}

function LinkCandidates({
  account,
  query,
  candidates,
}: {
  account: AccountToReviewDto;
  query: string;
  candidates: Awaited<ReturnType<typeof findLinkCandidates>>;
}) {
  if (!query) {
    return <p className="mt-4 text-sm text-slate-700">Saisissez un nom pour chercher la famille du parent.</p>;
  }
  const sameDay = (d: Date | null) =>
    !!d && !!account.birthDate && d.toISOString().slice(0, 10) === account.birthDate.toISOString().slice(0, 10);
  return (
    <div className="mt-4" aria-live="polite">
      {candidates.length === 0 ? (
        <p className="text-sm text-slate-700">
          Aucune famille ne correspond à « {query} ». Si la famille n&apos;est pas encore connue du service, créez-la
          ci-dessous.
        </p>
      ) : (
        <>
          <p className="text-sm text-slate-700">
            {candidates.length} {candidates.length > 1 ? "familles correspondent" : "famille correspond"} à « {query} ».
          </p>
          <ul className="mt-3 space-y-3">
            {candidates.map((h) => (
              <li key={h.id} className="rounded-md border border-slate-200 p-3">
                <h3 className="font-semibold text-slate-900">
                  Famille {h.name} <span className="font-normal text-slate-700">(n° {h.reference})</span>
                </h3>
                <p className="text-sm text-slate-700">
                  {h.postalCode} {h.city}
                  {h.childrenCount ? ` — ${h.childrenCount} ${h.childrenCount > 1 ? "enfants" : "enfant"}` : ""}
                  {" — "}
                  <Link className="underline" href={`/admin/familles/${h.id}`}>
                    fiche de la famille
                  </Link>
                </p>
                {h.adults.length === 0 ? (
                  <p className="mt-2 text-sm text-slate-700">Aucun adulte enregistré dans cette famille.</p>
                ) : (
                  <ul className="mt-2 divide-y divide-slate-100">
                    {h.adults.map((m) => (
                      <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                        <p className="text-sm">
                          <span className="font-semibold">
                            {m.civility ? `${CIVILITY_LABELS[m.civility]} ` : ""}
                            {personName(m)}
                          </span>
                          <span className="block text-slate-700">
                            {QUALITY_LABELS[m.quality]} — date de naissance : {formatCivilDate(m.birthDate)}
                            {sameDay(m.birthDate) ? (
                              <strong className="ml-1 text-ok-700">(même date de naissance que le compte)</strong>
                            ) : null}
                          </span>
                        </p>
                        {m.linked ? (
                          <span className="text-sm text-slate-700">Déjà lié à un compte</span>
                        ) : (
                          <LinkPersonForm userId={account.id} personId={m.id} personLabel={personName(m)} />
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
