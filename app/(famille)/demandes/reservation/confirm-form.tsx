"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/forms";
import { holdBookingsAction } from "./actions";

/**
 * The summary's two choices. The submission key was drawn when the summary
 * rendered: a double click or a resubmitted form holds the places once.
 */
export function ConfirmForm({ productId, submissionKey, ticked, backHref }: { productId: string; submissionKey: string; ticked: string[]; backHref: string }) {
  const [state, action] = useActionState(holdBookingsAction, idle);
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="submissionKey" value={submissionKey} />
      {ticked.map((t) => (
        <input key={t} type="hidden" name="j" value={t} />
      ))}
      {state.status === "error" ? <Alert tone="error" title={state.message} /> : null}
      <div className="flex flex-wrap gap-3">
        <ButtonLink href={backHref} prefetch={false} variant="secondary">
          Annuler
        </ButtonLink>
        <SubmitButton pendingLabel="Réservation en cours…">Valider et passer au paiement</SubmitButton>
      </div>
    </form>
  );
}
