"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/forms";
import { confirmFileUpdateAction } from "./actions";

/**
 * "Je confirme mon dossier". A refusal lists what is missing; each line
 * leads to the child's section or the document on this page (`targets`
 * maps the server's keys to those ids), where the link to fix it is.
 */
export function ConfirmFileUpdateForm({ campaignId, targets }: { campaignId: string; targets: Record<string, string> }) {
  const [state, formAction] = useActionState(confirmFileUpdateAction, idle);
  const fieldIds = Object.fromEntries(Object.keys(state.fieldErrors ?? {}).map((key) => [key, targets[key] ?? key]));
  return (
    <form action={formAction} className="space-y-4">
      <ErrorSummary state={state} fieldIds={fieldIds} />
      <input type="hidden" name="campaignId" value={campaignId} />
      <SubmitButton className="w-full sm:w-auto">Je confirme mon dossier</SubmitButton>
    </form>
  );
}
