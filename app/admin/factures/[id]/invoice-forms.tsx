"use client";

import { useActionState } from "react";
import { Field, Select, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/forms";
import { FormMessage } from "../../_components/form-message";
import { cancelInvoiceAction, counterPaymentAction } from "./actions";

export function CounterPaymentForm({ invoiceId, methods }: { invoiceId: string; methods: { value: string; label: string }[] }) {
  const [state, action] = useActionState(counterPaymentAction, idle);
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="invoiceId" value={invoiceId} />
      <Field label="Moyen de paiement" error={state.fieldErrors?.method}>
        {(p) => (
          <Select {...p} name="method" defaultValue="">
            <option value="" disabled>
              Choisir…
            </option>
            {methods.map((m) => (
              <option key={m.value} value={m.value}>
                {m.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <SubmitButton pendingLabel="Enregistrement…">Enregistrer le paiement</SubmitButton>
    </form>
  );
}

export function CancelInvoiceForm({ invoiceId }: { invoiceId: string }) {
  const [state, action] = useActionState(cancelInvoiceAction, idle);
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="invoiceId" value={invoiceId} />
      <Field label="Motif de l'annulation" error={state.fieldErrors?.reason}>
        {(p) => <Textarea {...p} name="reason" rows={3} />}
      </Field>
      <SubmitButton variant="danger" pendingLabel="Annulation…">
        Annuler la facture
      </SubmitButton>
    </form>
  );
}
