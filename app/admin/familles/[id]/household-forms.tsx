"use client";

import { useActionState } from "react";
import { Field, Input, Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { labelOptions, REGIME_LABELS } from "@/lib/format";
import { idle } from "@/lib/forms";
import { FormMessage } from "../../_components/form-message";
import type { AdminFormState } from "../../_lib/form-values";
import { updateHouseholdAction, updateMemberClassAction } from "./actions";

export type HouseholdFormValues = {
  householdId: string;
  address1: string;
  address2: string;
  postalCode: string;
  city: string;
  qf: string;
  qfValidUntil: string;
  regime: string;
  cafNumber: string;
};

export function HouseholdForm({ initial }: { initial: HouseholdFormValues }) {
  const [state, action] = useActionState<AdminFormState, FormData>(updateHouseholdAction, idle);
  const errors = state.fieldErrors ?? {};
  const value = (name: keyof HouseholdFormValues) => state.values?.[name] ?? initial[name];
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="householdId" value={initial.householdId} />
      <FormMessage state={state} />
      <Field label="Adresse" required error={errors.address1}>
        {(p) => <Input {...p} name="address1" required defaultValue={value("address1")} />}
      </Field>
      <Field label="Complément d'adresse" error={errors.address2}>
        {(p) => <Input {...p} name="address2" defaultValue={value("address2")} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
        <Field label="Code postal" required error={errors.postalCode}>
          {(p) => <Input {...p} name="postalCode" inputMode="numeric" maxLength={5} required defaultValue={value("postalCode")} />}
        </Field>
        <Field label="Ville" required error={errors.city}>
          {(p) => <Input {...p} name="city" required defaultValue={value("city")} />}
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Quotient familial" error={errors.qf}>
          {(p) => <Input {...p} name="qf" inputMode="numeric" defaultValue={value("qf")} />}
        </Field>
        <Field label="Valable jusqu'au" error={errors.qfValidUntil}>
          {(p) => <Input {...p} name="qfValidUntil" type="date" defaultValue={value("qfValidUntil")} />}
        </Field>
        <Field label="Régime" error={errors.regime}>
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
        <Field label="N° d'allocataire CAF" error={errors.cafNumber}>
          {(p) => <Input {...p} name="cafNumber" defaultValue={value("cafNumber")} />}
        </Field>
      </div>
      <SubmitButton pendingLabel="Enregistrement…">Enregistrer la famille</SubmitButton>
    </form>
  );
}

export function MemberClassForm({
  personId,
  personLabel,
  schoolClassId,
  options,
}: {
  personId: string;
  personLabel: string;
  schoolClassId: string | null;
  options: { id: string; label: string }[];
}) {
  const [state, action] = useActionState<AdminFormState, FormData>(updateMemberClassAction, idle);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="personId" value={personId} />
      <Field label={`Site et classe de ${personLabel}`} error={state.fieldErrors?.schoolClassId}>
        {(p) => (
          <Select {...p} name="schoolClassId" defaultValue={schoolClassId ?? ""}>
            <option value="">Aucune classe</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <SubmitButton variant="secondary" pendingLabel="Enregistrement…">
        Enregistrer<span className="sr-only"> la classe de {personLabel}</span>
      </SubmitButton>
      <div className="basis-full">
        <FormMessage state={state} />
      </div>
    </form>
  );
}
