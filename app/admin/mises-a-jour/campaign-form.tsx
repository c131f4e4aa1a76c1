"use client";

import { useActionState } from "react";
import { Field, Input, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/forms";
import { FormMessage } from "../_components/form-message";
import type { AdminFormState } from "../_lib/form-values";
import { closeFileUpdateCampaignAction, createFileUpdateCampaignAction } from "./actions";

/** "Nouvelle campagne": the dates are suggested, the server checks them against today. */
export function FileUpdateCampaignForm({ suggested }: { suggested: { label: string; schoolYearStart: string; deadline: string } }) {
  const [state, formAction] = useActionState<AdminFormState, FormData>(createFileUpdateCampaignAction, idle);
  const errors = state.fieldErrors ?? {};
  const value = (name: string, fallback = "") => state.values?.[name] ?? fallback;
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage state={state} />
      <Field label="Libellé" required error={errors.label}>
        {(p) => <Input {...p} name="label" required maxLength={120} defaultValue={value("label", suggested.label)} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Début de l'année scolaire"
          required
          error={errors.schoolYearStart}
          hint="À partir de ce jour, les services qui l'exigent ne se réservent qu'une fois le dossier confirmé."
        >
          {(p) => <Input {...p} name="schoolYearStart" type="date" required defaultValue={value("schoolYearStart", suggested.schoolYearStart)} />}
        </Field>
        <Field label="Date limite" required error={errors.deadline} hint="Annoncée aux familles.">
          {(p) => <Input {...p} name="deadline" type="date" required defaultValue={value("deadline", suggested.deadline)} />}
        </Field>
      </div>
      <Field label="Message aux familles" error={errors.message}>
        {(p) => <Textarea {...p} name="message" rows={3} maxLength={2000} defaultValue={value("message")} />}
      </Field>
      <SubmitButton>Ouvrir la campagne</SubmitButton>
    </form>
  );
}

export function CloseCampaignForm({ id }: { id: string }) {
  const [state, formAction] = useActionState<AdminFormState, FormData>(closeFileUpdateCampaignAction, idle);
  return (
    <form action={formAction} className="space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="secondary">Clôturer la campagne</SubmitButton>
    </form>
  );
}
