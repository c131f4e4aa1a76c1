"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/forms";
import { FormMessage } from "../_components/form-message";
import { retryEmailAction } from "./actions";

export function RetryForm({ emailId, label }: { emailId: string; label: string }) {
  const [state, action] = useActionState(retryEmailAction, idle);
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="emailId" value={emailId} />
      <SubmitButton variant="secondary" pendingLabel="Envoi…">
        Renvoyer<span className="sr-only"> : {label}</span>
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
