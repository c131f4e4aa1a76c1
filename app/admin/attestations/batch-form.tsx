"use client";

import { useActionState } from "react";
import { Field, Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/forms";
import { FormMessage } from "../_components/form-message";
import { issueOneCertificateAction, startCertificateBatchAction } from "./actions";

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

/** One family's certificate, by its number, at once. */
export function OneCertificateForm({ defaultYear }: { defaultYear: number }) {
  const [state, action] = useActionState(issueOneCertificateAction, idle);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <div className="grid max-w-md gap-4 sm:grid-cols-2">
        <Field label="N° de famille" id="one-reference" error={state.fieldErrors?.reference} required>
          {(props) => <Input {...props} name="reference" inputMode="numeric" defaultValue={state.values?.reference ?? ""} />}
        </Field>
        <Field label="Année" id="one-year" error={state.fieldErrors?.year} required>
          {(props) => <Input {...props} name="year" inputMode="numeric" defaultValue={state.values?.year ?? String(defaultYear)} />}
        </Field>
      </div>
      <SubmitButton variant="secondary" pendingLabel="Génération…">
        Générer l&apos;attestation
      </SubmitButton>
    </form>
  );
}
