"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field, Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type FormState } from "@/lib/forms";
import { requestEmailChangeAction, updateContactAction } from "./actions";

/** A refusal is the error summary, which takes the focus; a success is said politely. */
function Message({ state }: { state: FormState }) {
  if (state.status === "error") return <ErrorSummary state={state} />;
  if (state.status === "idle" || !state.message) return null;
  return <Alert tone="success">{state.message}</Alert>;
}

export function ContactForm({ phone, mobile }: { phone: string; mobile: string }) {
  const [state, action] = useActionState(updateContactAction, idle);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-3" noValidate>
      <Message state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Téléphone" error={errors.phone}>
          {(p) => <Input {...p} name="phone" type="tel" autoComplete="tel" defaultValue={phone} />}
        </Field>
        <Field label="Tel.Portable" error={errors.mobile}>
          {(p) => <Input {...p} name="mobile" type="tel" autoComplete="tel" defaultValue={mobile} />}
        </Field>
      </div>
      <SubmitButton variant="secondary" pendingLabel="Enregistrement…">
        Enregistrer mes téléphones
      </SubmitButton>
    </form>
  );
}

export function EmailChangeForm() {
  const [state, action] = useActionState(requestEmailChangeAction, idle);
  return (
    <form action={action} className="space-y-3" noValidate>
      <Message state={state} />
      <Field label="Nouvelle adresse email" hint="Elle ne sera utilisée qu'après confirmation par le lien envoyé à cette adresse." error={state.fieldErrors?.email}>
        {(p) => <Input {...p} name="email" type="email" autoComplete="email" />}
      </Field>
      <SubmitButton variant="secondary" pendingLabel="Envoi…">
        Changer mon adresse email
      </SubmitButton>
    </form>
  );
}
