import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/dal";
import { formatCents, formatDate } from "@/lib/format";
import { closedHouseholdName, listClosuresToConfirm, type ClosureToConfirmDto } from "@/lib/privacy/closure";
import { yearsLabel } from "@/lib/privacy/retention";
import { getSettings } from "@/lib/settings";
import { isId } from "@/lib/validation/ids";
import { ConfirmClosureForm } from "./confirm-form";

export const metadata: Metadata = { title: "Fermetures de compte" };

function balanceLabel(c: ClosureToConfirmDto): string {
  if (c.dueCents > 0) return `${formatCents(c.dueCents)} restant dû${c.creditCents > 0 ? `, avoir de ${formatCents(c.creditCents)}` : ""}`;
  if (c.creditCents > 0) return `Avoir de ${formatCents(c.creditCents)} à rembourser`;
  return "Soldé";
}

export default async function ClosuresPage({ searchParams }: { searchParams: Promise<{ confirmer?: string; fermee?: string }> }) {
  await requireRole("staff");
  const query = await searchParams;
  const [closures, settings, closed] = await Promise.all([listClosuresToConfirm(), getSettings(), isId(query.fermee) ? closedHouseholdName(query.fermee) : null]);
  return (
    <>
      <PageTitle description="Les familles qui ont demandé la fermeture de leur compte (Mes données). La fermeture efface leurs données personnelles et garde leurs factures et paiements.">
        Fermetures de compte
      </PageTitle>
      <div className="space-y-6">
        {closed ? (
          <Alert tone="success" title="Compte fermé">
            Le compte de la famille {closed} est fermé : données personnelles effacées, factures et paiements conservés.
          </Alert>
        ) : null}
        {closures.length === 0 ? (
          <EmptyState title="Aucune fermeture de compte à confirmer." />
        ) : (
          closures.map((c) => (
            <Card key={c.householdId} title={c.name}>
              <dl className="mb-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
                <dt className="font-semibold">Famille</dt>
                <dd>
                  <Link href={`/admin/familles/${encodeURIComponent(c.householdId)}`} className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline">
                    N° {c.reference}<span className="sr-only"> — {c.name}</span>
                  </Link>
                </dd>
                <dt className="font-semibold">Demandée le</dt>
                <dd>{formatDate(c.requestedAt)}</dd>
                <dt className="font-semibold">Solde</dt>
                <dd>{balanceLabel(c)}</dd>
              </dl>
              {c.dueCents > 0 || c.creditCents > 0 ? (
                <p className="mb-4 text-sm text-warn-800">
                  Le compte n&apos;est pas soldé : réglez le reste dû ou remboursez l&apos;avoir avant de fermer, si possible.
                </p>
              ) : null}
              {query.confirmer === c.householdId ? (
                <ConfirmClosureForm householdId={c.householdId} name={c.name} accountingYears={yearsLabel(settings.retentionAccountingYears)} />
              ) : (
                <Link href={`/admin/fermetures?confirmer=${encodeURIComponent(c.householdId)}`} scroll={false} className={buttonClass("danger")}>
                  Confirmer la fermeture<span className="sr-only"> du compte de la famille {c.name}</span>
                </Link>
              )}
            </Card>
          ))
        )}
      </div>
    </>
  );
}
