"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field, Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/forms";
import { requestResetAction } from "../actions";

export function ResetRequestForm() {
  const [state, action] = useActionState(requestResetAction, idle);
  if (state.status === "success") return <Alert tone="success">{state.message}</Alert>;
  return (
    <form action={action} className="space-y-4" noValidate>
      <ErrorSummary state={state} />
      <Field label="Identifiant ou Email" error={state.fieldErrors?.login}>
        {(p) => <Input {...p} name="login" autoComplete="username" required />}
      </Field>
      <SubmitButton pendingLabel="Envoi…">Recevoir un lien</SubmitButton>
    </form>
  );
}
