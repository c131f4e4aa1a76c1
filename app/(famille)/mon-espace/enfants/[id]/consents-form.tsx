"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/forms";
import { saveConsentsAction } from "./actions";
import { YesNo } from "./yes-no";

export type ConsentRow = { kind: string; label: string; answer: "oui" | "non" | null; status: string };

/** "Autorisations": each kind's Oui / Non with the answer in force; only a changed answer is written. */
export function ConsentsForm({ personId, consents }: { personId: string; consents: ConsentRow[] }) {
  const [state, action] = useActionState(saveConsentsAction, idle);
  const errors = state.fieldErrors ?? {};
  return (
    // A new answer in force remounts the radios on it.
    <form key={consents.map((c) => `${c.kind}:${c.answer}`).join()} action={action} noValidate className="space-y-5">
      <input type="hidden" name="personId" value={personId} />
      {state.status === "error" ? <ErrorSummary state={state} /> : null}
      {state.status === "success" && state.message ? <Alert tone="success">{state.message}</Alert> : null}
      {consents.map((c) => (
        <YesNo key={c.kind} idPrefix={`consent-${c.kind}`} name={c.kind} legend={c.label} hint={c.status} defaultValue={c.answer} error={errors[c.kind]} />
      ))}
      <SubmitButton pendingLabel="Enregistrement…" className="w-full sm:w-auto">
        Enregistrer les autorisations
      </SubmitButton>
    </form>
  );
}
