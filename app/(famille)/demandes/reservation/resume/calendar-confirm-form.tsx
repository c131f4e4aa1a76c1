"use client";

import { useActionState } from "react";
import { ButtonLink } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { idle } from "@/lib/forms";
import { confirmCalendarAction } from "../actions";

/**
 * The Résumé's choice. The submission key was drawn when the Résumé
 * rendered: a double click or a resubmitted form holds the places once.
 */
export function CalendarConfirmForm({
  submissionKey,
  month,
  ticked,
  cancel,
  backHref,
}: {
  submissionKey: string;
  month: string;
  ticked: string[];
  cancel: string[];
  backHref: string;
}) {
  const [state, action] = useActionState(confirmCalendarAction, idle);
  const label = ticked.length ? "Valider et passer au paiement" : "Confirmer l'annulation";
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="submissionKey" value={submissionKey} />
      <input type="hidden" name="month" value={month} />
      {ticked.map((t) => (
        <input key={t} type="hidden" name="j" value={t} />
      ))}
      {cancel.map((x) => (
        <input key={x} type="hidden" name="x" value={x} />
      ))}
      <ErrorSummary state={state} />
      <div className="flex flex-col-reverse gap-3 sm:flex-row">
        <ButtonLink href={backHref} prefetch={false} variant="secondary">
          Modifier
        </ButtonLink>
        <SubmitButton pendingLabel="Validation en cours…" className="text-base">
          {label}
        </SubmitButton>
      </div>
    </form>
  );
}
