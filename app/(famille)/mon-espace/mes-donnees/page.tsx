import type { Metadata } from "next";
import Form from "next/form";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/dal";
import { formatDate, formatDateTime } from "@/lib/format";
import { getClosureStatus } from "@/lib/privacy/closure";
import { listOwnHistory } from "@/lib/privacy/history";
import { retentionRules, yearsLabel } from "@/lib/privacy/retention";
import { getSettings } from "@/lib/settings";
import { CancelClosureForm, ClosureConfirm } from "./closure-forms";

export const metadata: Metadata = { title: "Mes données" };

const downloads = [
  { href: "/mon-espace/mes-donnees/json", label: "Télécharger mes données (JSON)", hint: "Tout ce que le portail conserve sur votre famille, dans un fichier réutilisable." },
  { href: "/mon-espace/mes-donnees/html", label: "Version lisible (HTML)", hint: "Les mêmes données, à lire ou imprimer dans votre navigateur." },
  { href: "/mon-espace/mes-donnees/documents", label: "Documents (ZIP)", hint: "Les fichiers que vous avez envoyés, dans une archive." },
];

export default async function MyDataPage({ searchParams }: { searchParams: Promise<{ fermer?: string; fermeture?: string }> }) {
  const user = await requireRole("parent");
  const [settings, closure, params] = await Promise.all([getSettings(), getClosureStatus(user.householdId), searchParams]);
  const history = await listOwnHistory({ householdId: user.householdId, authorityName: settings.name });
  const rules = retentionRules(settings);
  const confirming = params.fermer === "confirmer" && !closure.requestedAt;
  return (
    <>
      <PageTitle description="Ce que le portail conserve sur votre famille, ce qui s'y est passé, combien de temps, et comment fermer votre compte.">
        Mes données
      </PageTitle>
      <div className="space-y-6">
        <Card title="Télécharger mes données">
          <ul className="space-y-4">
            {downloads.map((d) => (
              <li key={d.href}>
                {/* A plain link: the browser downloads the file, no script needed. */}
                <a href={d.href} className={buttonClass("secondary", "w-full sm:w-auto")}>
                  {d.label}
                </a>
                <p className="mt-1 text-sm text-slate-700">{d.hint}</p>
              </li>
            ))}
          </ul>
        </Card>

        <Card title="Historique de mon dossier">
          {history.length ? (
            <ol className="divide-y divide-slate-200" aria-label="Historique de mon dossier, du plus récent au plus ancien">
              {history.map((event) => (
                <li key={event.id} className="py-3">
                  <p className="text-sm text-slate-700">
                    <time dateTime={event.createdAt.toISOString()}>{formatDateTime(event.createdAt)}</time> · {event.who}
                  </p>
                  <p className="break-words text-slate-900">
                    {event.actionLabel}
                    {event.label ? <span className="text-slate-700"> — {event.label}</span> : null}
                  </p>
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-slate-700">Rien n&apos;a encore été enregistré sur votre dossier.</p>
          )}
        </Card>

        <Card title="Durées de conservation">
          <ul className="list-disc space-y-2 pl-5 text-slate-800">
            {rules.map((rule) => (
              <li key={rule.key}>
                <strong>{rule.what}</strong> : {rule.duration}.
              </li>
            ))}
          </ul>
        </Card>

        <section id="fermer-mon-compte" className="scroll-mt-4">
          <Card title="Fermer mon compte">
            <div className="space-y-4">
              {params.fermeture === "annulee" && !closure.requestedAt ? (
                <Alert tone="success">Votre demande de fermeture est annulée : votre compte reste ouvert.</Alert>
              ) : null}
              {closure.requestedAt ? (
                <>
                  <p className="font-semibold text-slate-900">Demande de fermeture envoyée le {formatDate(closure.requestedAt)}</p>
                  <p className="text-slate-700">Le service va la confirmer. D&apos;ici là, vous pouvez l&apos;annuler.</p>
                  <CancelClosureForm />
                </>
              ) : (
                <>
                  <p className="text-slate-700">
                    Vous pouvez demander la fermeture de votre compte. Les factures et paiements sont conservés{" "}
                    {yearsLabel(settings.retentionAccountingYears)}, comme la loi l&apos;impose ; le reste est effacé.
                  </p>
                  {confirming ? (
                    <ClosureConfirm accountingYears={yearsLabel(settings.retentionAccountingYears)} />
                  ) : (
                    <Form action="/mon-espace/mes-donnees" scroll={false}>
                      <input type="hidden" name="fermer" value="confirmer" />
                      <button type="submit" className={buttonClass("secondary", "w-full sm:w-auto")}>
                        Demander la fermeture de mon compte
                      </button>
                    </Form>
                  )}
                </>
              )}
            </div>
          </Card>
        </section>
      </div>
    </>
  );
}
