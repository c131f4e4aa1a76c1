"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field, Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/forms";
import { loginAction } from "./actions";

export function LoginForm({ notice }: { notice?: string }) {
  const [state, action] = useActionState(loginAction, idle);
  return (
    <form action={action} className="space-y-4" noValidate>
      {notice && state.status === "idle" ? <Alert tone="success">{notice}</Alert> : null}
      <ErrorSummary state={state} />
      <Field label="Identifiant ou Email" error={state.fieldErrors?.login}>
        {(p) => <Input {...p} name="login" defaultValue={state.values?.login} autoComplete="username" placeholder="Identifiant" required />}
      </Field>
      <Field label="Mot de passe" error={state.fieldErrors?.password}>
        {(p) => <Input {...p} name="password" type="password" autoComplete="current-password" placeholder="Mot de passe" required />}
      </Field>
      <SubmitButton className="w-full uppercase" pendingLabel="Connexion…">
        Connexion
      </SubmitButton>
    </form>
  );
}
