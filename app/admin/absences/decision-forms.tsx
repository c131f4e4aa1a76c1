"use client";

import { useActionState, useId } from "react";
import { Field, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/forms";
import type { AdminFormState } from "../_lib/form-values";
import { ErrorSummary } from "@/components/ui/error-summary";
import { decideAbsenceAction } from "./actions";

/**
 * "Accepter" / "Refuser" for one report. Two forms, so a refusal's missing
 * reason is reported under its own button and accepting never sends a
 * half-typed reason. `what` names the report for screen-reader users, who
 * meet several "Accepter" buttons on the page.
 */
export function AbsenceDecisionForms({ reportId, what }: { reportId: string; what: string }) {
  const [accepted, accept] = useActionState<AdminFormState, FormData>(decideAbsenceAction, idle);
  const [refused, refuse] = useActionState<AdminFormState, FormData>(decideAbsenceAction, idle);
  const id = useId();
  const reasonId = `${id}-reason`;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <form action={accept} className="space-y-3" noValidate>
        <ErrorSummary state={accepted} />
        <input type="hidden" name="reportId" value={reportId} />
        <input type="hidden" name="decision" value="approve" />
        <p className="text-sm text-slate-700">
          Les jours sont remboursés en avoir à la famille, hors jours de carence de la prestation, et les places libérées.
        </p>
        <SubmitButton pendingLabel="Enregistrement…">
          Accepter<span className="sr-only"> l&apos;absence {what}</span>
        </SubmitButton>
      </form>
      <form action={refuse} className="space-y-3" noValidate>
        <ErrorSummary state={refused} fieldIds={{ refusalReason: reasonId }} />
        <input type="hidden" name="reportId" value={reportId} />
        <input type="hidden" name="decision" value="refuse" />
        <Field id={reasonId} label="Motif du refus" required hint="Par exemple : certificat illisible ou d'une autre date." error={refused.fieldErrors?.refusalReason}>
          {(p) => <Textarea {...p} name="refusalReason" rows={2} maxLength={300} defaultValue={refused.values?.refusalReason ?? ""} />}
        </Field>
        <SubmitButton variant="danger" pendingLabel="Enregistrement…">
          Refuser<span className="sr-only"> l&apos;absence {what}</span>
        </SubmitButton>
      </form>
    </div>
  );
}
