"use client";

import { useActionState } from "react";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/forms";
import { FormMessage } from "../_components/form-message";
import type { AdminFormState } from "../_lib/form-values";
import {
  createDietAction,
  createDocumentTypeAction,
  renameDietAction,
  setDocumentTypeValidityAction,
  toggleDietAction,
  createRequestTypeAction,
  createSchoolClassAction,
  createSiteAction,
  toggleDocumentTypeAction,
  toggleRequestTypeAction,
} from "./actions";

type Option = { value: string; label: string };

function useForm(action: (s: AdminFormState, f: FormData) => Promise<AdminFormState>) {
  const [state, formAction] = useActionState<AdminFormState, FormData>(action, idle);
  return { state, formAction, errors: state.fieldErrors ?? {}, value: (n: string) => state.values?.[n] ?? "" };
}

export function SiteForm() {
  const { state, formAction, errors, value } = useForm(createSiteAction);
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <Field label="Nom du site" required error={errors.name}>
        {(p) => <Input {...p} name="name" required defaultValue={value("name")} />}
      </Field>
      <Field label="Adresse du site" error={errors.address}>
        {(p) => <Input {...p} name="address" defaultValue={value("address")} />}
      </Field>
      <SubmitButton variant="secondary">Ajouter le site</SubmitButton>
    </form>
  );
}

export function SchoolClassForm({ sites }: { sites: Option[] }) {
  const { state, formAction, errors, value } = useForm(createSchoolClassAction);
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <Field label="Site de la classe" required error={errors.siteId}>
        {(p) => (
          <Select {...p} name="siteId" required defaultValue={value("siteId")}>
            <option value="">Choisir…</option>
            {sites.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Nom de la classe" required error={errors.name}>
        {(p) => <Input {...p} name="name" required defaultValue={value("name")} />}
      </Field>
      <Field label="Enseignant" error={errors.teacher}>
        {(p) => <Input {...p} name="teacher" defaultValue={value("teacher")} />}
      </Field>
      <SubmitButton variant="secondary">Ajouter la classe</SubmitButton>
    </form>
  );
}

export function DocumentTypeForm() {
  const { state, formAction, errors, value } = useForm(createDocumentTypeAction);
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <Field label="Code du type de document" required hint="Majuscules, chiffres et _." error={errors.code}>
        {(p) => <Input {...p} name="code" required defaultValue={value("code")} />}
      </Field>
      <Field label="Intitulé du type de document" required error={errors.label}>
        {(p) => <Input {...p} name="label" required defaultValue={value("label")} />}
      </Field>
      <Field label="Description pour les familles" error={errors.description}>
        {(p) => <Input {...p} name="description" defaultValue={value("description")} />}
      </Field>
      <Field label="Durée de validité (mois)" hint="Vide : sans limite. La mise à jour annuelle redemande le document une fois ce délai passé après sa validation." error={errors.validityMonths}>
        {(p) => <Input {...p} name="validityMonths" inputMode="numeric" className="max-w-32" defaultValue={value("validityMonths")} />}
      </Field>
      <SubmitButton variant="secondary">Ajouter le type de document</SubmitButton>
    </form>
  );
}

export function RequestTypeForm({ actions, documentTypes }: { actions: Option[]; documentTypes: Option[] }) {
  const { state, formAction, errors, value } = useForm(createRequestTypeAction);
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Code de la démarche" required hint="Majuscules, chiffres et _." error={errors.code}>
          {(p) => <Input {...p} name="code" required defaultValue={value("code")} />}
        </Field>
        <Field label="Intitulé de la démarche" required error={errors.label}>
          {(p) => <Input {...p} name="label" required defaultValue={value("label")} />}
        </Field>
        <Field label="Service" required error={errors.service}>
          {(p) => <Input {...p} name="service" required defaultValue={value("service") || "Affaires scolaires"} />}
        </Field>
        <Field label="Effet à l'acceptation" required error={errors.action}>
          {(p) => (
            <Select {...p} name="action" required defaultValue={value("action") || "OTHER"}>
              {actions.map((a) => (
                <option key={a.value} value={a.value}>
                  {a.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Justificatif demandé" error={errors.documentTypeId}>
          {(p) => (
            <Select {...p} name="documentTypeId" defaultValue={value("documentTypeId")}>
              <option value="">Aucun</option>
              {documentTypes.map((d) => (
                <option key={d.value} value={d.value}>
                  {d.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <Field label="Description pour les familles" error={errors.description}>
        {(p) => <Input {...p} name="description" defaultValue={value("description")} />}
      </Field>
      <Field
        label="Champs à remplir"
        hint="Un par ligne : nom | Libellé | text, textarea, date ou number | obligatoire. Exemple : horaires | Vos horaires | textarea | obligatoire"
        error={errors.fields}
      >
        {(p) => <Textarea {...p} name="fields" rows={3} defaultValue={value("fields")} />}
      </Field>
      <label className="flex min-h-11 items-center gap-2 text-sm font-semibold">
        <input type="checkbox" name="needsMember" className="size-5" defaultChecked={value("needsMember") === "on"} />
        La famille choisit le membre concerné
      </label>
      <SubmitButton variant="secondary">Ajouter la démarche</SubmitButton>
    </form>
  );
}

const TOGGLES = { document: toggleDocumentTypeAction, request: toggleRequestTypeAction, diet: toggleDietAction };

export function ToggleForm({ kind, id, active, label }: { kind: keyof typeof TOGGLES; id: string; active: boolean; label: string }) {
  const { state, formAction } = useForm(TOGGLES[kind]);
  return (
    <form action={formAction}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <SubmitButton variant="ghost" className="min-h-9 px-2 py-1">
        {active ? "Désactiver" : "Réactiver"}
        <span className="sr-only"> : {label}</span>
      </SubmitButton>
      {state.status === "error" ? <FormMessage state={state} /> : null}
    </form>
  );
}

/** One document type's validity, edited in its row. */
export function ValidityForm({ id, validityMonths, label }: { id: string; validityMonths: number | null; label: string }) {
  const { state, formAction, errors } = useForm(setDocumentTypeValidityAction);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2" noValidate>
      <input type="hidden" name="id" value={id} />
      <Field label={<>Durée de validité (mois)<span className="sr-only"> : {label}</span></>} error={errors.validityMonths}>
        {(p) => <Input {...p} name="validityMonths" inputMode="numeric" className="max-w-24" defaultValue={validityMonths ?? ""} />}
      </Field>
      <SubmitButton variant="ghost" className="min-h-11 px-2 py-1">
        Enregistrer<span className="sr-only"> la durée : {label}</span>
      </SubmitButton>
      {state.status === "error" && !errors.validityMonths ? <FormMessage state={state} /> : null}
    </form>
  );
}

export function DietForm() {
  const { state, formAction, errors, value } = useForm(createDietAction);
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <Field label="Nom du régime" required error={errors.label}>
        {(p) => <Input {...p} name="label" required maxLength={60} defaultValue={value("label")} />}
      </Field>
      <SubmitButton variant="secondary">Ajouter le régime</SubmitButton>
    </form>
  );
}

/** Renaming in the row: the children who follow the diet keep it. */
export function DietRenameForm({ id, label }: { id: string; label: string }) {
  const { state, formAction, errors, value } = useForm(renameDietAction);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2" noValidate>
      <input type="hidden" name="id" value={id} />
      <Field label={<>Nouveau nom<span className="sr-only"> : {label}</span></>} error={errors.label}>
        {(p) => <Input {...p} name="label" required maxLength={60} className="max-w-56" defaultValue={value("label") || label} />}
      </Field>
      <SubmitButton variant="ghost" className="min-h-11 px-2 py-1">
        Renommer<span className="sr-only"> : {label}</span>
      </SubmitButton>
      {state.status === "error" && !errors.label ? <FormMessage state={state} /> : null}
    </form>
  );
}
