"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type FormState } from "@/lib/forms";
import { acceptOfferAction, declineOfferAction, leaveWaitlistAction } from "./actions";

/**
 * The answers to an offer, or leaving the list. Each button's accessible
 * name says which child and day it is for (a family may wait on several
 * days); what happened is said next to them, announced politely.
 */
export function OfferForms({ entryId, forWhom }: { entryId: string; forWhom: string }) {
  const [accepted, accept] = useActionState(acceptOfferAction, idle);
  const [declined, decline] = useActionState(declineOfferAction, idle);
  return (
    <div className="space-y-2">
      <Outcome state={accepted} />
      <Outcome state={declined} />
      <div className="flex flex-col gap-2 sm:flex-row">
        <form action={accept}>
          <input type="hidden" name="entryId" value={entryId} />
          <SubmitButton pendingLabel="Acceptation…" className="w-full sm:w-auto">
            Accepter la place<span className="sr-only"> {forWhom}</span>
          </SubmitButton>
        </form>
        <form action={decline}>
          <input type="hidden" name="entryId" value={entryId} />
          <SubmitButton variant="secondary" pendingLabel="Refus…" className="w-full sm:w-auto">
            Refuser la place<span className="sr-only"> {forWhom}</span>
          </SubmitButton>
        </form>
      </div>
    </div>
  );
}

export function LeaveForm({ entryId, forWhom }: { entryId: string; forWhom: string }) {
  const [state, action] = useActionState(leaveWaitlistAction, idle);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="entryId" value={entryId} />
      <Outcome state={state} />
      <SubmitButton variant="secondary" pendingLabel="Retrait…" className="w-full sm:w-auto">
        Me retirer de la liste<span className="sr-only"> {forWhom}</span>
      </SubmitButton>
    </form>
  );
}

/** A refusal in words (success redirects to the page, which says what happened); nothing while idle. */
function Outcome({ state }: { state: FormState }) {
  return state.status === "error" ? <Alert tone="error" title={state.message} /> : null;
}
