"use client";

import { useActionState, useId } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/forms";
import { updateRemindersAction } from "./actions";
import { ErrorSummary } from "@/components/ui/error-summary";

/** The parent's own choice (each parent of a household decides for their address). */
export function RemindersForm({ optIn }: { optIn: boolean }) {
  const [state, action] = useActionState(updateRemindersAction, idle);
  const id = useId();
  return (
    <form action={action} className="space-y-3">
      <ErrorSummary state={state} />
      {state.status === "success" ? <Alert tone="success">{state.message}</Alert> : null}
      <div>
        {/* The whole row is the label, so the target is as tall as a finger needs. */}
        <label htmlFor={`${id}-optin`} className="flex min-h-11 cursor-pointer items-center gap-3 font-semibold text-slate-900">
          <input
            id={`${id}-optin`}
            type="checkbox"
            name="remindersOptIn"
            defaultChecked={optIn}
            aria-describedby={`${id}-hint`}
            className="h-6 w-6 shrink-0 accent-brand-700"
          />
          Recevoir des rappels par e-mail
        </label>
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          Un e-mail quand la date limite de réservation d&apos;une semaine approche (48 heures avant) et que vos enfants
          n&apos;ont encore rien de réservé cette semaine-là, et un autre quand une réservation en attente de paiement va
          être libérée (5 minutes avant). Chaque rappel contient un lien pour ne plus les recevoir.
        </p>
      </div>
      <SubmitButton variant="secondary" pendingLabel="Enregistrement…">
        Enregistrer mon choix<span className="sr-only"> pour les rappels</span>
      </SubmitButton>
    </form>
  );
}
