"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field, Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { type FormState, idle } from "@/lib/forms";

/**
 * The seed's "Formulaire de paiement facture": what is about to be paid, a
 * reminder that a paid booking is final, then PayFiP. Anonymous payers give
 * the email PayFiP sends its receipt to.
 */
export function PaymentForm({
  action,
  invoiceId,
  paymentIdentifier,
  summary,
  askEmail,
  backHref,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  invoiceId: string;
  paymentIdentifier: string;
  summary: string;
  askEmail: boolean;
  backHref: string;
}) {
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6" noValidate>
      <h2 className="text-lg font-semibold">Formulaire de paiement facture</h2>
      <Alert tone="warning" title="Attention">
        Une fois le paiement effectué, la réservation est effective et ne peut prétendre à aucun remboursement.
      </Alert>
      <ErrorSummary state={state} />
      <p>{summary}</p>
      <input type="hidden" name="invoiceId" value={invoiceId} />
      <input type="hidden" name="identifiant" value={paymentIdentifier} />
      {askEmail ? (
        <Field label="Votre adresse email" hint="PayFiP y envoie la confirmation du paiement." error={state.fieldErrors?.email}>
          {(p) => <Input {...p} name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} />}
        </Field>
      ) : null}
      <p className="text-sm text-slate-700">
        Vous allez être redirigé vers le système de paiement de la DGFIP (PayFiP) : il vous suffit de suivre les
        instructions. À la fin de la procédure, vous recevrez une confirmation par email.
      </p>
      <div className="flex flex-col-reverse gap-3 sm:flex-row">
        <ButtonLink href={backHref} variant="secondary">
          Retour
        </ButtonLink>
        <SubmitButton pendingLabel="Redirection vers PayFiP…">Payer facture</SubmitButton>
      </div>
    </form>
  );
}
