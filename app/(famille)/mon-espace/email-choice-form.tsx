"use client";

import { useActionState, useId } from "react";
import { Alert } from "@/components/ui/alert";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/forms";
import { updateRemindersAction, updateServiceEmailsAction } from "./actions";

/**
 * The two kinds of email a parent may turn off, each the same choice its
 * emails' Désinscription link turns off; each parent of a household decides
 * for their own address.
 */
const CHOICES = {
  service: {
    action: updateServiceEmailsAction,
    name: "serviceEmails",
    label: "Recevoir les e-mails du service",
    hint: "Un e-mail quand le service a traité un document ou une démarche que vous avez envoyé, et quand vous commencez un paiement en ligne. Le résultat de vos paiements et les e-mails liés à votre compte (mot de passe, adresse mail) vous sont toujours envoyés.",
    saveFor: "pour les e-mails du service",
  },
  reminders: {
    action: updateRemindersAction,
    name: "remindersOptIn",
    label: "Recevoir des rappels par e-mail",
    hint: "Un e-mail quand la date limite de réservation d'une semaine approche (48 heures avant) et que vos enfants n'ont encore rien de réservé cette semaine-là, et un autre quand une réservation en attente de paiement va être libérée (5 minutes avant). Chaque rappel contient un lien pour ne plus les recevoir.",
    saveFor: "pour les rappels",
  },
} as const;

export function EmailChoiceForm({ kind, checked }: { kind: keyof typeof CHOICES; checked: boolean }) {
  const choice = CHOICES[kind];
  const [state, action] = useActionState(choice.action, idle);
  const id = useId();
  return (
    <form action={action} className="space-y-3">
      <ErrorSummary state={state} />
      {state.status === "success" ? <Alert tone="success">{state.message}</Alert> : null}
      <div>
        {/* The whole row is the label, so the target is as tall as a finger needs. */}
        <label htmlFor={`${id}-choice`} className="flex min-h-11 cursor-pointer items-center gap-3 font-semibold text-slate-900">
          <input
            id={`${id}-choice`}
            type="checkbox"
            name={choice.name}
            defaultChecked={checked}
            aria-describedby={`${id}-hint`}
            className="h-6 w-6 shrink-0 accent-brand-700"
          />
          {choice.label}
        </label>
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {choice.hint}
        </p>
      </div>
      <SubmitButton variant="secondary" pendingLabel="Enregistrement…">
        Enregistrer mon choix<span className="sr-only"> {choice.saveFor}</span>
      </SubmitButton>
    </form>
  );
}
