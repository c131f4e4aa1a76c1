import { Alert } from "@/components/ui/alert";
import { ErrorSummary } from "@/components/ui/error-summary";
import { RequiredNote } from "@/components/ui/field";
import type { FormState } from "@/lib/forms";

/**
 * The outcome of a server action, announced where the form is. A refusal is
 * the error summary: it takes the focus and links each message to its field,
 * found by name in the form (`fieldIds` for a field without one). Below
 * it, in a form with required fields, what their * means.
 */
export function FormMessage({ state, successTitle, fieldIds }: { state: FormState; successTitle?: string; fieldIds?: Record<string, string> }) {
  return (
    <>
      <Outcome state={state} successTitle={successTitle} fieldIds={fieldIds} />
      <RequiredNote auto />
    </>
  );
}

function Outcome({ state, successTitle, fieldIds }: { state: FormState; successTitle?: string; fieldIds?: Record<string, string> }) {
  if (state.status === "error") return <ErrorSummary state={state} fieldIds={fieldIds} />;
  if (state.status === "idle" || !state.message) return null;
  return (
    <Alert tone="success" title={successTitle}>
      {state.message}
    </Alert>
  );
}
