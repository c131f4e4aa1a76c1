"use client";

import { useActionState, useId } from "react";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/forms";
import { formatCents, formatEurosInput } from "@/lib/format";
import type { AdminFormState } from "../_lib/form-values";
import { keepCreditAction, refundCreditAction, applyCreditFromQueueAction } from "./actions";
import { ErrorSummary } from "@/components/ui/error-summary";

/**
 * "Rembourser": the amount (prefilled with the credit) and the transfer's
 * reference. From the queue it carries the payment, which it closes.
 */
export function RefundForm({
  householdId,
  paymentId,
  creditCents,
  label,
  submitLabel = "Rembourser",
}: {
  householdId: string;
  paymentId?: string;
  creditCents: number;
  /** Names the item for screen readers, e.g. "facture N° 12" */
  label: string;
  submitLabel?: string;
}) {
  const [state, action] = useActionState<AdminFormState, FormData>(refundCreditAction, idle);
  const id = useId();
  const ids = { amount: `${id}-amount`, reference: `${id}-reference` };
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-3" noValidate>
      <ErrorSummary state={state} fieldIds={ids} />
      <input type="hidden" name="householdId" value={householdId} />
      {paymentId ? <input type="hidden" name="paymentId" value={paymentId} /> : null}
      <Field id={ids.amount} label="Montant (€)" hint={`Avoir disponible : ${formatCents(creditCents)}`} required error={errors.amount}>
        {(p) => <Input {...p} name="amount" inputMode="decimal" autoComplete="off" required defaultValue={state.values?.amount ?? formatEurosInput(creditCents)} />}
      </Field>
      <Field id={ids.reference} label="Référence du virement" required error={errors.reference}>
        {(p) => <Input {...p} name="reference" maxLength={100} autoComplete="off" required defaultValue={state.values?.reference ?? ""} />}
      </Field>
      <SubmitButton pendingLabel="Enregistrement…">
        {submitLabel}
        <span className="sr-only"> : {label}</span>
      </SubmitButton>
    </form>
  );
}

/** "Utiliser sur une facture": one of the family's invoices still to pay. */
export function UseCreditForm({
  householdId,
  paymentId,
  invoices,
  label,
}: {
  householdId: string;
  paymentId: string;
  invoices: { id: string; number: number; dueCents: number }[];
  label: string;
}) {
  const [state, action] = useActionState<AdminFormState, FormData>(applyCreditFromQueueAction, idle);
  const id = useId();
  const ids = { invoiceId: `${id}-invoice` };
  return (
    <form action={action} className="space-y-3" noValidate>
      <ErrorSummary state={state} fieldIds={ids} />
      <input type="hidden" name="householdId" value={householdId} />
      <input type="hidden" name="paymentId" value={paymentId} />
      <Field id={ids.invoiceId} label="Facture à régler" required error={state.fieldErrors?.invoiceId}>
        {(p) => (
          <Select {...p} name="invoiceId" required defaultValue={invoices.length === 1 ? invoices[0].id : ""}>
            {invoices.length > 1 ? (
              <option value="" disabled>
                Choisir…
              </option>
            ) : null}
            {invoices.map((i) => (
              <option key={i.id} value={i.id}>
                N° {i.number} — reste dû {formatCents(i.dueCents)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <SubmitButton variant="secondary" pendingLabel="Enregistrement…">
        Utiliser sur la facture<span className="sr-only"> : {label}</span>
      </SubmitButton>
    </form>
  );
}

/** "Conserver sur le compte": nothing moves; the decision (and an optional note) closes the item. */
export function KeepCreditForm({ paymentId, label }: { paymentId: string; label: string }) {
  const [state, action] = useActionState<AdminFormState, FormData>(keepCreditAction, idle);
  const id = useId();
  const ids = { note: `${id}-note` };
  return (
    <form action={action} className="space-y-3" noValidate>
      <ErrorSummary state={state} fieldIds={ids} />
      <input type="hidden" name="paymentId" value={paymentId} />
      <Field id={ids.note} label="Note (facultative)" error={state.fieldErrors?.note}>
        {(p) => <Textarea {...p} name="note" rows={2} maxLength={300} defaultValue={state.values?.note ?? ""} />}
      </Field>
      <SubmitButton variant="secondary" pendingLabel="Enregistrement…">
        Conserver sur le compte<span className="sr-only"> : {label}</span>
      </SubmitButton>
    </form>
  );
}
