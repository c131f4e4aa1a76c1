import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/dal";
import { listCalendarFeeds } from "@/lib/calendar-feed";
import { listFamilyMembers } from "@/lib/households";
import { formatDateTime, QUALITY_LABELS } from "@/lib/format";
import { getServiceEmails } from "@/lib/mail/unsubscribe";
import { getRemindersOptIn } from "@/lib/reminders";
import { familyFileGaps } from "@/lib/family-file/gaps";
import { CreateFeedForm, RevokeFeedForm } from "./calendar-feeds";
import { EmailChoiceForm } from "./email-choice-form";
import { SignOutEverywhere } from "./sign-out-everywhere";

export const metadata: Metadata = { title: "Mon Espace" };

export default async function MySpacePage() {
  const user = await requireRole("parent");
  const [members, feeds, remindersOptIn, serviceEmails, files] = await Promise.all([
    listFamilyMembers(user.householdId),
    listCalendarFeeds({ householdId: user.householdId }),
    getRemindersOptIn({ userId: user.id }),
    getServiceEmails({ userId: user.id }),
    familyFileGaps(user.householdId),
  ]);
  return (
    <>
      <PageTitle description="Résumé de votre famille et des documents envoyés.">Mon Espace</PageTitle>
      <Card title="Famille">
        <ul className="divide-y divide-slate-200">
          {members.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
              <span>
                <Link href={`/mon-espace/membres/${m.id}`} className="font-semibold text-brand-700 underline">
                  {m.firstName} {m.lastName}
                </Link>{" "}
                <span className="text-sm text-slate-600">({QUALITY_LABELS[m.quality]})</span>
              </span>
              {m.synced ? (
                <span className="rounded-full bg-green-50 px-3 py-1 text-sm font-semibold text-ok-700">Compte Synchronisé</span>
              ) : null}
            </li>
          ))}
        </ul>
        <p className="mt-4">
          <Link href="/demandes/demarches/nouvelle/AJOUT_PERSONNE" className={buttonClass("secondary")}>
            Ajouter une personne de la famille
          </Link>
        </p>
        <p className="mt-4 text-sm text-slate-700">
          Votre identifiant de connexion : <strong className="font-mono">{user.identifiant}</strong>
        </p>
      </Card>
      <div className="mt-6">
        <Card title="Dossier famille">
          {files.length ? (
            <ul className="divide-y divide-slate-200" aria-label="Dossiers des enfants">
              {files.map((child) => (
                <li key={child.personId} className="flex flex-wrap items-center justify-between gap-2 py-3">
                  <Link href={`/mon-espace/enfants/${child.personId}`} className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline">
                    Dossier de {child.firstName}
                  </Link>
                  {child.gaps.length ? (
                    <span className="rounded-full bg-amber-50 px-3 py-1 text-sm font-semibold text-warn-800">À compléter</span>
                  ) : (
                    <span className="rounded-full bg-green-50 px-3 py-1 text-sm font-semibold text-ok-700">Complet</span>
                  )}
                </li>
              ))}
            </ul>
          ) : null}
          <p className="mt-2 text-slate-700">
            Santé, personnes autorisées à récupérer vos enfants et autorisations : renseignés une fois, confirmés chaque année.
          </p>
          <ul className="mt-4 flex flex-wrap gap-3">
            <li>
              <Link href="/mon-espace/mise-a-jour" className={buttonClass("secondary")}>
                Mise à jour du dossier
              </Link>
            </li>
            <li>
              <Link href="/mon-espace/mes-donnees" className={buttonClass("secondary")}>
                Mes données
              </Link>
            </li>
          </ul>
        </Card>
      </div>
      <div className="mt-6">
        <Card title="Calendrier">
          <div className="space-y-4">
            <p className="text-slate-700">
              Retrouvez les jours réservés de vos enfants et les dates limites de réservation dans l&apos;agenda de votre
              téléphone. Chaque lien est secret : créez-en un par appareil ou par parent, et révoquez celui d&apos;un
              appareil perdu. Les jours annulés ou signalés absents disparaissent de l&apos;agenda à sa prochaine mise à
              jour.
            </p>
            <details className="rounded-md border border-slate-200 p-3">
              <summary className="flex min-h-11 cursor-pointer items-center font-semibold text-brand-700">
                Comment s&apos;abonner dans son agenda
              </summary>
              <ul className="mt-2 list-disc space-y-2 pl-5 text-sm text-slate-700">
                <li>
                  <strong>Apple Calendrier (iPhone, iPad, Mac)</strong> : touchez « S&apos;abonner depuis cet appareil »
                  après avoir créé le lien, ou Réglages &gt; Calendrier &gt; Comptes &gt; Ajouter un compte &gt; Autre &gt;
                  « Ajouter un calendrier avec abonnement », puis collez l&apos;adresse.
                </li>
                <li>
                  <strong>Google Agenda</strong> : sur ordinateur, « Autres agendas » &gt; « + » &gt; « À partir de
                  l&apos;URL », collez l&apos;adresse ; l&apos;agenda apparaît ensuite sur le téléphone.
                </li>
                <li>
                  <strong>Outlook</strong> : « Ajouter un calendrier » &gt; « S&apos;abonner par URL » (ou « S&apos;abonner à
                  partir du web »), collez l&apos;adresse.
                </li>
              </ul>
              <p className="mt-2 text-sm text-slate-700">
                Les agendas se mettent à jour d&apos;eux-mêmes, souvent quelques fois par jour : un changement peut mettre
                quelques heures à apparaître.
              </p>
            </details>
            {feeds.length ? (
              <ul className="divide-y divide-slate-200" aria-label="Liens d'agenda en service">
                {feeds.map((feed) => (
                  <li key={feed.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                    <div className="min-w-0">
                      <p className="font-semibold break-words text-slate-900">{feed.label}</p>
                      <p className="text-sm text-slate-700">
                        Créé le {formatDateTime(feed.createdAt)} ·{" "}
                        {feed.lastUsedAt ? `dernière utilisation le ${formatDateTime(feed.lastUsedAt)}` : "jamais utilisé"}
                      </p>
                    </div>
                    <RevokeFeedForm feedId={feed.id} label={feed.label} />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-700">Aucun lien d&apos;agenda pour le moment.</p>
            )}
            <CreateFeedForm />
          </div>
        </Card>
      </div>
      <div className="mt-6" id="e-mails-du-service">
        <Card title="E-mails du service">
          <EmailChoiceForm kind="service" checked={serviceEmails} />
        </Card>
      </div>
      <div className="mt-6">
        <Card title="Rappels par e-mail">
          <EmailChoiceForm kind="reminders" checked={remindersOptIn} />
        </Card>
      </div>
      <div className="mt-6">
        <SignOutEverywhere />
      </div>
    </>
  );
}
