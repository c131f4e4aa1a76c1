"use client";

import { useActionState } from "react";
import { Field, Input, Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { CAMPAIGN_RULE_LABELS, labelOptions } from "@/lib/format";
import { idle } from "@/lib/forms";
import { FormMessage } from "../../_components/form-message";
import type { AdminFormState } from "../../_lib/form-values";
import { saveCampaignAction } from "../actions";

/** The form's values as strings, the way the fields post them. */
export type CampaignFormValues = {
  label: string;
  productIds: string;
  firstDay: string;
  lastDay: string;
  opensAt: string;
  closesAt: string;
  allocationDay: string;
  rule1: string;
  rule2: string;
  rule3: string;
  rule4: string;
  payWithinDays: string;
  offerHours: string;
};

const RULES = ["rule1", "rule2", "rule3", "rule4"] as const;

/**
 * Creating or editing a campaign. What can no longer change (products and
 * days once families requested, everything but the label once allocated) is
 * said beside the form and refused by the server with a message.
 */
export function CampaignForm({
  id,
  products,
  values,
}: {
  id?: string;
  products: { id: string; label: string }[];
  values: CampaignFormValues;
}) {
  const [state, formAction] = useActionState<AdminFormState, FormData>(saveCampaignAction, idle);
  const errors = state.fieldErrors ?? {};
  const value = (name: keyof CampaignFormValues) => state.values?.[name] ?? values[name];
  const chosen = new Set(value("productIds").split(",").filter(Boolean));
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage state={state} />
      {id ? <input type="hidden" name="id" value={id} /> : null}
      <Field label="Intitulé" required error={errors.label}>
        {(p) => <Input {...p} name="label" required maxLength={120} defaultValue={value("label")} />}
      </Field>
      <fieldset className="space-y-1" aria-describedby={errors.productIds ? "productIds-error" : "productIds-hint"}>
        <legend className="text-sm font-semibold text-slate-800">
          Prestations
          <span className="text-danger-700" aria-hidden="true">
            {" "}
            *
          </span>
        </legend>
        <p id="productIds-hint" className="text-sm text-slate-600">
          Une à trois : les centres entre lesquels les familles choisissent (premier choix, second choix).
        </p>
        {products.map((product) => (
          <label key={product.id} className="flex min-h-11 items-center gap-2">
            {/* An id on each box: the error summary's link focuses the first one. */}
            <input type="checkbox" id={`productIds-${product.id}`} name="productIds" value={product.id} defaultChecked={chosen.has(product.id)} className="size-5 shrink-0" />
            {product.label}
          </label>
        ))}
        {errors.productIds ? (
          <p id="productIds-error" className="text-sm font-medium text-danger-700">
            {errors.productIds}
          </p>
        ) : null}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Premier jour" required error={errors.firstDay}>
          {(p) => <Input {...p} name="firstDay" type="date" required defaultValue={value("firstDay")} />}
        </Field>
        <Field label="Dernier jour" required error={errors.lastDay} hint="62 jours au plus.">
          {(p) => <Input {...p} name="lastDay" type="date" required defaultValue={value("lastDay")} />}
        </Field>
        <Field label="Ouverture des demandes" required error={errors.opensAt} hint="Heure de Paris.">
          {(p) => <Input {...p} name="opensAt" type="datetime-local" required defaultValue={value("opensAt")} />}
        </Field>
        <Field label="Clôture des demandes" required error={errors.closesAt} hint="Heure de Paris.">
          {(p) => <Input {...p} name="closesAt" type="datetime-local" required defaultValue={value("closesAt")} />}
        </Field>
        <Field label="Date d'attribution annoncée" required error={errors.allocationDay} hint="Annoncée aux familles ; elle entre dans le calcul de la graine publiée avant le tirage.">
          {(p) => <Input {...p} name="allocationDay" type="date" required defaultValue={value("allocationDay")} />}
        </Field>
      </div>
      <fieldset className="space-y-3 rounded-md border border-slate-300 p-4">
        <legend className="px-1 font-semibold">Règles d&apos;attribution, dans l&apos;ordre</legend>
        <p className="text-sm text-slate-700">
          Chaque règle fait passer d&apos;abord les familles qui la remplissent ; le tirage au sort départage ensuite.
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          {RULES.map((name, index) => (
            <Field key={name} label={`Règle ${index + 1}`} error={errors[name]}>
              {(p) => (
                <Select {...p} name={name} defaultValue={value(name)}>
                  <option value="">—</option>
                  {labelOptions(CAMPAIGN_RULE_LABELS).map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Délai de paiement (jours)" required error={errors.payWithinDays} hint="Après l'attribution, de 1 à 30 jours.">
          {(p) => <Input {...p} name="payWithinDays" inputMode="numeric" required defaultValue={value("payWithinDays")} />}
        </Field>
        <Field label="Durée d'une proposition (heures)" required error={errors.offerHours} hint="Une place libérée proposée depuis la liste d'attente, de 1 à 336 heures.">
          {(p) => <Input {...p} name="offerHours" inputMode="numeric" required defaultValue={value("offerHours")} />}
        </Field>
      </div>
      <SubmitButton>Enregistrer la campagne</SubmitButton>
    </form>
  );
}
