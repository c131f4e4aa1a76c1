"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field, Input, RequiredNote, Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type FormState } from "@/lib/forms";
import { addPickupPersonAction, removePickupPersonAction } from "./actions";

function Message({ state }: { state: FormState }) {
  if (state.status === "error") return <ErrorSummary state={state} />;
  if (state.status === "success" && state.message) return <Alert tone="success">{state.message}</Alert>;
  return null;
}

/** "Ajouter la personne": a refusal gives back what was typed. */
export function AddPickupPersonForm({ personId, kinds }: { personId: string; kinds: { value: string; label: string }[] }) {
  const [state, action] = useActionState(addPickupPersonAction, idle);
  const errors = state.fieldErrors ?? {};
  const typed = (name: string) => state.values?.[name];
  return (
    // After a success the form is emptied for the next person; after a refusal it keeps what was typed.
    <form key={state.status === "success" ? state.message : "form"} action={action} noValidate className="space-y-4">
      <input type="hidden" name="personId" value={personId} />
      <Message state={state} />
      <RequiredNote />
      <Field label="Type" required error={errors.kind}>
        {(p) => (
          <Select {...p} name="kind" required defaultValue={typed("kind") ?? ""}>
            <option value="">Choisir…</option>
            {kinds.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Nom et prénom" required error={errors.name}>
        {(p) => <Input {...p} name="name" required autoComplete="off" defaultValue={typed("name")} />}
      </Field>
      <Field label="Lien avec l'enfant" hint="Exemple : grand-mère, voisin, assistante maternelle." required error={errors.relationship}>
        {(p) => <Input {...p} name="relationship" required autoComplete="off" defaultValue={typed("relationship")} />}
      </Field>
      <Field label="Téléphone" hint="Obligatoire, sauf pour une personne non autorisée." error={errors.phone}>
        {(p) => <Input {...p} name="phone" type="tel" autoComplete="off" defaultValue={typed("phone")} />}
      </Field>
      <SubmitButton pendingLabel="Ajout en cours…" className="w-full sm:w-auto">
        Ajouter la personne
      </SubmitButton>
    </form>
  );
}

/** "Retirer": one button per person, named for a screen reader. */
export function RemovePickupPersonButton({ personId, pickupPersonId, name }: { personId: string; pickupPersonId: string; name: string }) {
  const [state, action] = useActionState(removePickupPersonAction, idle);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="personId" value={personId} />
      <input type="hidden" name="pickupPersonId" value={pickupPersonId} />
      {state.status === "error" ? <ErrorSummary state={state} /> : null}
      <SubmitButton variant="secondary" pendingLabel="Retrait…">
        Retirer<span className="sr-only"> {name}</span>
      </SubmitButton>
    </form>
  );
}
