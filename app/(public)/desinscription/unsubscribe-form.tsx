"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/forms";
import { unsubscribeAction } from "./actions";

export function UnsubscribeForm({ userId, signature, kind }: { userId: string; signature: string; kind: "service" | "rappels" }) {
  const [state, action] = useActionState(unsubscribeAction, idle);
  if (state.status === "success") return <Alert tone="success" title="Désinscription enregistrée.">{state.message}</Alert>;
  return (
    <form action={action} className="space-y-4">
      <ErrorSummary state={state} />
      <input type="hidden" name="u" value={userId} />
      <input type="hidden" name="s" value={signature} />
      <input type="hidden" name="k" value={kind} />
      <SubmitButton pendingLabel="Enregistrement…">
        {kind === "rappels" ? "Ne plus recevoir les rappels" : "Confirmer la désinscription"}
      </SubmitButton>
    </form>
  );
}
