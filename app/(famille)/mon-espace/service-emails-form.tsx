"use client";

import { useActionState, useId } from "react";
import { Alert } from "@/components/ui/alert";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/forms";
import { updateServiceEmailsAction } from "./actions";

/** The parent's own choice, the same one the emails' Désinscription link turns off. */
export function ServiceEmailsForm({ receive }: { receive: boolean }) {
  const [state, action] = useActionState(updateServiceEmailsAction, idle);
  const id = useId();
  return (
    <form action={action} className="space-y-3">
      <ErrorSummary state={state} />
      {state.status === "success" ? <Alert tone="success">{state.message}</Alert> : null}
      <div>
        {/* The whole row is the label, so the target is as tall as a finger needs. */}
        <label htmlFor={`${id}-service`} className="flex min-h-11 cursor-pointer items-center gap-3 font-semibold text-slate-900">
          <input
            id={`${id}-service`}
            type="checkbox"
            name="serviceEmails"
            defaultChecked={receive}
            aria-describedby={`${id}-hint`}
            className="h-6 w-6 shrink-0 accent-brand-700"
          />
          Recevoir les e-mails du service
        </label>
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          Un e-mail quand le service a traité un document ou une démarche que vous avez envoyé, et quand vous commencez un
          paiement en ligne. Le résultat de vos paiements et les e-mails liés à votre compte (mot de passe, adresse mail)
          vous sont toujours envoyés.
        </p>
      </div>
      <SubmitButton variant="secondary" pendingLabel="Enregistrement…">
        Enregistrer mon choix<span className="sr-only"> pour les e-mails du service</span>
      </SubmitButton>
    </form>
  );
}
