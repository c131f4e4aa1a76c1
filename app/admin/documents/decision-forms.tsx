"use client";

import { useActionState } from "react";
import { Field, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/forms";
import type { AdminFormState } from "../_lib/form-values";
import { FormMessage } from "../_components/form-message";

type Action = (state: AdminFormState, formData: FormData) => Promise<AdminFormState>;

/**
 * Validate / refuse, shared by the document and request pages. The refusal
 * needs a reason, which goes to the family by email.
 */
export function DecisionForms({
  idName,
  id,
  acceptLabel,
  acceptAction,
  refuseAction,
}: {
  idName: "documentId" | "requestId";
  id: string;
  acceptLabel: string;
  acceptAction: Action;
  refuseAction: Action;
}) {
  const [accepted, accept] = useActionState<AdminFormState, FormData>(acceptAction, idle);
  const [refused, refuse] = useActionState<AdminFormState, FormData>(refuseAction, idle);
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <form action={accept} className="space-y-3">
        <input type="hidden" name={idName} value={id} />
        <FormMessage state={accepted} />
        <SubmitButton pendingLabel="Enregistrement…">{acceptLabel}</SubmitButton>
      </form>
      <form action={refuse} className="space-y-3" noValidate>
        <input type="hidden" name={idName} value={id} />
        <FormMessage state={refused} />
        <Field label="Motif du refus" required hint="Envoyé à la famille par mail." error={refused.fieldErrors?.reason}>
          {(p) => <Textarea {...p} name="reason" rows={3} required defaultValue={refused.values?.reason ?? ""} />}
        </Field>
        <SubmitButton variant="danger" pendingLabel="Enregistrement…">
          Refuser
        </SubmitButton>
      </form>
    </div>
  );
}
