"use client";

import { useActionState, useId } from "react";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/forms";
import { formatCents } from "@/lib/format";
import { FormMessage } from "../../_components/form-message";
import type { AdminFormState } from "../../_lib/form-values";
import { ErrorSummary } from "@/components/ui/error-summary";
import { cancelInvoiceAction, counterPaymentAction, creditNoteAction } from "./actions";

export function CounterPaymentForm({ invoiceId, methods }: { invoiceId: string; methods: { value: string; label: string }[] }) {
  const [state, action] = useActionState<AdminFormState, FormData>(counterPaymentAction, idle);
  const id = useId();
  const ids = { method: `${id}-method`, onlineChecked: `${id}-online` };
  // The box appears once the domain said an online payment is open: staff check PayFiP first, then confirm.
  const askOnlineCheck = !!state.fieldErrors?.onlineChecked || state.values?.onlineChecked === "1";
  return (
    <form action={action} className="space-y-3" noValidate>
      <ErrorSummary state={state} fieldIds={ids} />
      <input type="hidden" name="invoiceId" value={invoiceId} />
      <Field id={ids.method} label="Moyen de paiement" error={state.fieldErrors?.method}>
        {(p) => (
          // Keyed on the kept value: React resets a form after its action, and a select only reads defaultValue when it mounts.
          <Select {...p} key={state.values?.method ?? ""} name="method" defaultValue={state.values?.method ?? ""}>
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
      {askOnlineCheck ? (
        <div className="space-y-1 rounded-md border border-amber-600 bg-amber-50 p-3">
          <label htmlFor={ids.onlineChecked} className="flex min-h-11 items-start gap-3 text-sm font-semibold text-slate-900">
            <input
              id={ids.onlineChecked}
              type="checkbox"
              name="onlineChecked"
              value="1"
              defaultChecked={state.values?.onlineChecked === "1"}
              aria-describedby={state.fieldErrors?.onlineChecked ? `${ids.onlineChecked}-error` : undefined}
              aria-invalid={state.fieldErrors?.onlineChecked ? true : undefined}
              className="mt-0.5 h-5 w-5 shrink-0"
            />
            J&apos;ai vérifié le paiement en ligne en cours : encaisser quand même
          </label>
          {state.fieldErrors?.onlineChecked ? (
            <p id={`${ids.onlineChecked}-error`} className="text-sm font-medium text-danger-700">
              {state.fieldErrors.onlineChecked}
            </p>
          ) : null}
        </div>
      ) : null}
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

/** "Émettre un avoir": corrects a paid invoice (never more than what is left to credit on it). */
export function CreditNoteForm({ invoiceId, roomCents }: { invoiceId: string; roomCents: number }) {
  const [state, action] = useActionState<AdminFormState, FormData>(creditNoteAction, idle);
  const id = useId();
  const ids = { amount: `${id}-amount`, reason: `${id}-reason` };
  return (
    <form action={action} className="space-y-3" noValidate>
      <ErrorSummary state={state} fieldIds={ids} />
      <input type="hidden" name="invoiceId" value={invoiceId} />
      <Field id={ids.amount} label="Montant (€)" hint={`Au plus ${formatCents(roomCents)}.`} required error={state.fieldErrors?.amount}>
        {(p) => <Input {...p} name="amount" inputMode="decimal" autoComplete="off" required defaultValue={state.values?.amount ?? ""} />}
      </Field>
      <Field id={ids.reason} label="Motif" required error={state.fieldErrors?.reason}>
        {(p) => <Textarea {...p} name="reason" rows={2} maxLength={300} required defaultValue={state.values?.reason ?? ""} />}
      </Field>
      <SubmitButton pendingLabel="Émission…">Émettre un avoir</SubmitButton>
    </form>
  );
}
