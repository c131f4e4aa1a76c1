"use client";

import { useActionState } from "react";
import { Field, Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/forms";
import { FormMessage } from "../_components/form-message";
import { startCertificateBatchAction } from "./actions";

/** The year field (the year that ended, by default) and the button that starts a batch. */
export function CertificateBatchForm({ defaultYear }: { defaultYear: number }) {
  const [state, action] = useActionState(startCertificateBatchAction, idle);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <div className="max-w-xs">
        <Field label="Année" id="certificate-year" error={state.fieldErrors?.year} required hint="L'année des paiements, terminée.">
          {(props) => <Input {...props} name="year" inputMode="numeric" defaultValue={state.values?.year ?? String(defaultYear)} />}
        </Field>
      </div>
      <SubmitButton pendingLabel="Lancement…">
        Générer les attestations fiscales
      </SubmitButton>
    </form>
  );
}
