"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/forms";
import { cancelPendingAction } from "./actions";

export function CancelPendingForm({ invoiceId }: { invoiceId: string }) {
  const [state, action] = useActionState(cancelPendingAction, idle);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="invoiceId" value={invoiceId} />
      {state.status === "error" ? <Alert tone="error" title={state.message} /> : null}
      <SubmitButton variant="danger" pendingLabel="Annulation…">
        Annuler ces réservations et supprimer ces factures
      </SubmitButton>
    </form>
  );
}
