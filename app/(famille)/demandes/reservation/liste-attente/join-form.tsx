"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/forms";
import { joinWaitlistAction } from "../actions";

/** The one control that puts a child on a day's waiting list; refusals (a place freed meanwhile, the deadline passed) come back here in words. */
export function JoinWaitlistForm({ slotId, personId, firstName }: { slotId: string; personId: string; firstName: string }) {
  const [state, action] = useActionState(joinWaitlistAction, idle);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="slotId" value={slotId} />
      <input type="hidden" name="personId" value={personId} />
      <ErrorSummary state={state} />
      <SubmitButton pendingLabel="Inscription…" className="w-full sm:w-auto">
        Inscrire {firstName} sur la liste d&apos;attente
      </SubmitButton>
    </form>
  );
}
