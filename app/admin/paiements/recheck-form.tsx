"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/forms";
import { FormMessage } from "../_components/form-message";
import { recheckPaymentAction } from "./actions";

export function RecheckForm({ paymentId, label }: { paymentId: string; label: string }) {
  const [state, action] = useActionState(recheckPaymentAction, idle);
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="paymentId" value={paymentId} />
      <SubmitButton variant="secondary" pendingLabel="Vérification…">
        Vérifier auprès de PayFiP<span className="sr-only"> : {label}</span>
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
