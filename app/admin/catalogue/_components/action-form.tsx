"use client";

import { useActionState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { ErrorSummary } from "@/components/ui/error-summary";
import { RequiredNote } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ButtonVariant } from "@/components/ui/button";
import { idle, type FormState } from "@/lib/forms";

/**
 * A staff form bound to a server action, announcing its outcome above the
 * fields. Used by the catalogue, calendar and list pages for their many
 * small forms. The server checks every field and a refusal is the error
 * summary, which takes the focus: the browser's own bubbles (one field at a
 * time, gone on the next key) are turned off with `noValidate`. A form with
 * a required field says what its * means.
 */
export function ActionForm({
  action,
  submitLabel,
  variant = "primary",
  children,
  className = "space-y-4",
  inline = false,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  submitLabel: string;
  variant?: ButtonVariant;
  children?: ReactNode;
  className?: string;
  inline?: boolean;
}) {
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} noValidate className={inline ? "flex flex-wrap items-end gap-2" : className}>
      {state.status === "error" ? (
        <div className={inline ? "w-full" : ""}>
          <ErrorSummary state={state} />
        </div>
      ) : null}
      {state.status === "success" && state.message ? (
        <div className={inline ? "w-full" : ""}>
          <Alert tone="success" title={state.message} />
        </div>
      ) : null}
      <RequiredNote auto />
      {children}
      <SubmitButton variant={variant} pendingLabel="Enregistrement…">
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
