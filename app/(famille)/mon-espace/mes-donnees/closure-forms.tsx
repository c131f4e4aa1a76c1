"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/forms";
import { cancelClosureAction, requestClosureAction } from "./actions";

/**
 * Second step of "Demander la fermeture de mon compte": what closing does
 * and keeps, then the one control that sends the request. The step takes
 * the focus so a screen reader reads it first.
 */
export function ClosureConfirm({ accountingYears }: { accountingYears: string }) {
  const [state, action] = useActionState(requestClosureAction, idle);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-labelledby="fermeture-confirmer"
      className="space-y-3 rounded-lg border-2 border-danger-700 p-4 outline-none focus-visible:ring-2 focus-visible:ring-brand-700"
    >
      <h3 id="fermeture-confirmer" className="font-semibold text-danger-700">
        Fermer votre compte ?
      </h3>
      <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800">
        <li>Le service confirmera la fermeture ; vous pouvez annuler la demande jusque-là.</li>
        <li>
          À la fermeture, vos comptes de connexion sont désactivés, et le dossier famille (coordonnées, fiches santé,
          personnes autorisées, autorisations, documents) est effacé. Les réservations à venir non facturées sont annulées.
        </li>
        <li>
          Vos factures et paiements sont conservés {accountingYears}, comme la loi l&apos;impose, avec le nom et l&apos;adresse
          qu&apos;ils portent ; ensuite, ils sont anonymisés.
        </li>
        <li>Pensez à télécharger vos données et vos documents avant.</li>
      </ul>
      <ErrorSummary state={state} />
      <div className="flex flex-col gap-2 sm:flex-row">
        <form action={action}>
          <SubmitButton variant="danger" pendingLabel="Envoi…" className="w-full sm:w-auto">
            Confirmer la demande de fermeture
          </SubmitButton>
        </form>
        <Link href="/mon-espace/mes-donnees#fermer-mon-compte" replace scroll={false} className={buttonClass("secondary", "w-full sm:w-auto")}>
          Garder mon compte
        </Link>
      </div>
    </section>
  );
}

export function CancelClosureForm() {
  const [state, action] = useActionState(cancelClosureAction, idle);
  return (
    <form action={action} className="space-y-3">
      <ErrorSummary state={state} />
      <SubmitButton variant="secondary" pendingLabel="Annulation…">
        Annuler la demande
      </SubmitButton>
    </form>
  );
}
