"use client";

import Link from "next/link";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field, Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/forms";
import { newPasswordAction } from "../actions";

export function NewPasswordForm({ token }: { token: string }) {
  const [state, action] = useActionState(newPasswordAction, idle);
  return (
    <form action={action} className="space-y-4" noValidate>
      <ErrorSummary state={state}>
        {state.fieldErrors ? null : (
          <Link className="underline" href="/mot-de-passe/oublie">
            Demander un nouveau lien
          </Link>
        )}
      </ErrorSummary>
      <input type="hidden" name="token" value={token} />
      <Field
        label="Nouveau mot de passe"
        hint="Au moins 10 caractères, dont une lettre et un chiffre."
        error={state.fieldErrors?.password}
      >
        {(p) => <Input {...p} name="password" type="password" autoComplete="new-password" required />}
      </Field>
      <Field label="Confirmation du mot de passe" error={state.fieldErrors?.passwordConfirmation}>
        {(p) => <Input {...p} name="passwordConfirmation" type="password" autoComplete="new-password" required />}
      </Field>
      <SubmitButton pendingLabel="Enregistrement…">Enregistrer le mot de passe</SubmitButton>
    </form>
  );
}
