import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { env } from "@/lib/env";
import { formatCents } from "@/lib/format";
import { getSimulatedOperation, isPayable } from "@/lib/payments/payfip/simulator";
import { payAction } from "./actions";
import { simulatorErrorMessage } from "./messages";

export const metadata: Metadata = { title: "Paiement PayFiP (simulateur)" };

const CHOICES = [
  { code: "P", label: "Payer par carte bancaire", tone: "bg-brand-700 text-white" },
  { code: "V", label: "Payer par prélèvement SEPA", tone: "bg-brand-700 text-white" },
  { code: "R", label: "Simuler un refus de la carte", tone: "bg-white text-danger-700 border border-danger-700" },
  { code: "Z", label: "Simuler un refus du prélèvement", tone: "bg-white text-danger-700 border border-danger-700" },
  { code: "A", label: "Annuler", tone: "bg-white text-slate-800 border border-slate-400" },
] as const;

/** The simulated PayFiP payment page, at the same path shape as the real one (?idop=…). */
export default async function SimulatedPaymentPage({
  searchParams,
}: {
  searchParams: Promise<{ idop?: string; erreur?: string }>;
}) {
  if (!env().payfip.simulator) notFound();
  const { idop, erreur } = await searchParams;
  const op = idop ? getSimulatedOperation(idop) : undefined;
  const expired = op ? !isPayable(op) : false;
  return (
    <main id="contenu" className="mx-auto max-w-xl space-y-6 px-4 py-8">
      <p className="rounded-md bg-amber-100 px-4 py-2 text-sm font-semibold text-warn-800">
        Simulateur PayFiP — environnement de démonstration, aucun paiement réel n&apos;est effectué.
      </p>
      <h1 className="text-2xl font-bold text-slate-900">Paiement en ligne des services publics locaux</h1>
      {erreur ? <Alert tone="error">{simulatorErrorMessage(erreur)}</Alert> : null}
      {!op ? (
        <Alert tone="error">Cette opération de paiement est inconnue.</Alert>
      ) : expired ? (
        <Alert tone="error">Cette opération de paiement a expiré. Retournez sur le portail pour recommencer.</Alert>
      ) : (
        <>
          <section aria-labelledby="dette" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="dette" className="mb-2 font-semibold">
              Informations sur la dette
            </h2>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt>Référence de la dette :</dt>
              <dd className="font-mono">{op.input.refdet}</dd>
              <dt>Montant :</dt>
              <dd>{formatCents(Number(op.input.montant))}</dd>
              <dt>Adresse électronique :</dt>
              <dd className="break-all">{op.input.mel}</dd>
            </dl>
          </section>
          <section aria-labelledby="mode" className="space-y-3">
            <h2 id="mode" className="font-semibold">
              Choix du mode de paiement
            </h2>
            {CHOICES.map((choice) => (
              <form key={choice.code} action={payAction}>
                <input type="hidden" name="idop" value={op.idOp} />
                <input type="hidden" name="resultrans" value={choice.code} />
                <button type="submit" className={`min-h-11 w-full rounded-md px-4 py-2 font-semibold ${choice.tone}`}>
                  {choice.label}
                </button>
              </form>
            ))}
          </section>
        </>
      )}
    </main>
  );
}
