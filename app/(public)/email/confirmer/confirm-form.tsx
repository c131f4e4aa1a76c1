"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/forms";
import { confirmEmailChangeAction } from "./actions";

export function ConfirmEmailChangeForm({ token }: { token: string }) {
  const [state, action] = useActionState(confirmEmailChangeAction, idle);
  if (state.status === "success") return <Alert tone="success" title="Adresse mail confirmée.">{state.message}</Alert>;
  return (
    <form action={action} className="space-y-4">
      <ErrorSummary state={state} />
      <input type="hidden" name="jeton" value={token} />
      <SubmitButton pendingLabel="Confirmation…">Confirmer ma nouvelle adresse</SubmitButton>
    </form>
  );
}
