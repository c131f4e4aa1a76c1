"use client";

import { useActionState } from "react";
import { Field, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/forms";
import { FormMessage } from "../../_components/form-message";
import type { AdminFormState } from "../../_lib/form-values";
import { saveStaffNotesAction } from "./child-file-actions";

export function StaffNotesForm({ personId, childName, notes }: { personId: string; childName: string; notes: string }) {
  const [state, action] = useActionState<AdminFormState, FormData>(saveStaffNotesAction, idle);
  return (
    <form action={action} noValidate className="space-y-3">
      <input type="hidden" name="personId" value={personId} />
      <FormMessage state={state} />
      <Field label="Notes du service" hint="Non affichées dans le portail de la famille, mais comprises dans la copie de ses données qu'elle peut télécharger (droit d'accès, RGPD) : écrivez-les en conséquence." error={state.fieldErrors?.staffNotes}>
        {(p) => <Textarea {...p} name="staffNotes" rows={3} defaultValue={state.values?.staffNotes ?? notes} />}
      </Field>
      <SubmitButton variant="secondary" pendingLabel="Enregistrement…">
        Enregistrer les notes<span className="sr-only"> de {childName}</span>
      </SubmitButton>
    </form>
  );
}
