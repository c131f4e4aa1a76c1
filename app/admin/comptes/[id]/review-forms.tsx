"use client";

import { useActionState } from "react";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { labelOptions, REGIME_LABELS } from "@/lib/format";
import { idle } from "@/lib/forms";
import { FormMessage } from "../../_components/form-message";
import type { AdminFormState } from "../../_lib/form-values";
import { createHouseholdAction, linkAccountAction, rejectAccountAction } from "./actions";

export function LinkPersonForm({ userId, personId, personLabel }: { userId: string; personId: string; personLabel: string }) {
  const [state, action] = useActionState<AdminFormState, FormData>(linkAccountAction, idle);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="personId" value={personId} />
      <FormMessage state={state} />
      <SubmitButton variant="secondary" pendingLabel="Liaison en cours…">
        Lier à ce membre<span className="sr-only"> : {personLabel}</span>
      </SubmitButton>
    </form>
  );
}

export function CreateHouseholdForm({ userId, familyName }: { userId: string; familyName: string }) {
  const [state, action] = useActionState<AdminFormState, FormData>(createHouseholdAction, idle);
  const errors = state.fieldErrors ?? {};
  const value = (name: string) => state.values?.[name] ?? "";
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="userId" value={userId} />
      <p className="text-sm text-slate-700">
        La famille « {familyName} » sera créée avec le titulaire du compte comme responsable.
      </p>
      <FormMessage state={state} />
      <Field label="Adresse" required error={errors.address1}>
        {(p) => <Input {...p} name="address1" autoComplete="off" required defaultValue={value("address1")} />}
      </Field>
      <Field label="Complément d'adresse" error={errors.address2}>
        {(p) => <Input {...p} name="address2" autoComplete="off" defaultValue={value("address2")} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
        <Field label="Code postal" required error={errors.postalCode}>
          {(p) => (
            <Input
              {...p}
              name="postalCode"
              inputMode="numeric"
              pattern="[0-9]{5}"
              maxLength={5}
              autoComplete="off"
              required
              defaultValue={value("postalCode")}
            />
          )}
        </Field>
        <Field label="Ville" required error={errors.city}>
          {(p) => <Input {...p} name="city" autoComplete="off" required defaultValue={value("city")} />}
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Quotient familial" hint="Facultatif : nombre entier, exemple 351." error={errors.qf}>
          {(p) => <Input {...p} name="qf" inputMode="numeric" autoComplete="off" defaultValue={value("qf")} />}
        </Field>
        <Field label="Régime" hint="Facultatif." error={errors.regime}>
          {(p) => (
            <Select {...p} name="regime" defaultValue={value("regime")}>
              <option value="">Non renseigné</option>
              {labelOptions(REGIME_LABELS).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <SubmitButton pendingLabel="Création en cours…">Créer la famille et activer le compte</SubmitButton>
    </form>
  );
}

export function RejectAccountForm({ userId }: { userId: string }) {
  const [state, action] = useActionState<AdminFormState, FormData>(rejectAccountAction, idle);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="userId" value={userId} />
      <FormMessage state={state} />
      <Field
        label="Motif du refus"
        required
        hint="Il est envoyé tel quel au demandeur par email (5 caractères au moins)."
        error={errors.reason}
      >
        {(p) => (
          <Textarea
            {...p}
            name="reason"
            rows={4}
            required
            minLength={5}
            maxLength={1000}
            defaultValue={state.values?.reason ?? ""}
          />
        )}
      </Field>
      <SubmitButton variant="danger" pendingLabel="Refus en cours…">
        Refuser l&apos;inscription
      </SubmitButton>
    </form>
  );
}
