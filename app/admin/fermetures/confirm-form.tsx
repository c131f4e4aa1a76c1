"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/forms";
import { confirmClosureAction } from "./actions";

/** The confirmation step: what closing erases and keeps, then the one control that does it. */
export function ConfirmClosureForm({ householdId, name, accountingYears }: { householdId: string; name: string; accountingYears: string }) {
  const [state, action] = useActionState(confirmClosureAction, idle);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className="space-y-3 rounded-lg border-2 border-danger-700 p-4 outline-none focus-visible:ring-2 focus-visible:ring-brand-700"
    >
      <p className="font-semibold text-danger-700">Fermer le compte de la famille {name} ?</p>
      <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800">
        <li>Les comptes de connexion sont désactivés et anonymisés, leurs sessions fermées, la pièce d&apos;identité effacée.</li>
        <li>
          Dates de naissance, coordonnées, fiches santé, personnes autorisées, autorisations, semaines types, liens d&apos;agenda,
          listes d&apos;attente, demandes de campagne non attribuées, démarches et documents sont effacés (fichiers compris).
        </li>
        <li>Les réservations à venir non facturées sont annulées.</li>
        <li>
          Factures, paiements, avoirs et compte de la famille sont conservés {accountingYears} après la dernière opération,
          avec les noms et l&apos;adresse qu&apos;ils portent, puis anonymisés.
        </li>
      </ul>
      <p className="text-sm font-semibold text-slate-900">Cette action est définitive.</p>
      <ErrorSummary state={state} />
      <div className="flex flex-col gap-2 sm:flex-row">
        <form action={action}>
          <input type="hidden" name="householdId" value={householdId} />
          <SubmitButton variant="danger" pendingLabel="Fermeture…" className="w-full sm:w-auto">
            Fermer le compte et effacer les données
          </SubmitButton>
        </form>
        <Link href="/admin/fermetures" replace scroll={false} className={buttonClass("secondary", "w-full sm:w-auto")}>
          Ne pas fermer
        </Link>
      </div>
    </div>
  );
}
