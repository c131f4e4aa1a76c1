import { Alert } from "@/components/ui/alert";
import type { FormState } from "@/lib/forms";

/** The outcome of a server action, announced where the form is. */
export function FormMessage({ state, successTitle }: { state: FormState; successTitle?: string }) {
  if (state.status === "idle" || !state.message) return null;
  if (state.status === "error") return <Alert tone="error">{state.message}</Alert>;
  return (
    <Alert tone="success" title={successTitle}>
      {state.message}
    </Alert>
  );
}
