"use client";

import { useActionState, useId } from "react";
import { Alert } from "@/components/ui/alert";
import { Field, Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/forms";
import { createCalendarFeedAction, revokeCalendarFeedAction } from "./actions";
import { ErrorSummary } from "@/components/ui/error-summary";

/**
 * "Créer un lien d'agenda": a name for the device, then the secret address,
 * shown this once (only its hash is kept), to copy or to open as webcal://.
 */
export function CreateFeedForm() {
  const [state, action] = useActionState(createCalendarFeedAction, idle);
  const id = useId();
  const ids = { label: `${id}-label` };
  const created = state.status === "success" ? state.values : undefined;
  return (
    <div className="space-y-4">
      {created?.url ? (
        <div className="space-y-3 rounded-md border border-ok-700 bg-green-50 p-4">
          <Alert tone="success">{state.message}</Alert>
          <Field id={`${id}-url`} label="Adresse de votre agenda" hint="Sélectionnez-la pour la copier, puis collez-la dans votre application d'agenda.">
            {(p) => (
              <Input
                {...p}
                readOnly
                value={created.url}
                data-feed-url
                className="font-mono text-sm"
                onFocus={(event) => event.currentTarget.select()}
              />
            )}
          </Field>
          <p>
            <a href={created.webcalUrl} className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline">
              S&apos;abonner depuis cet appareil
            </a>
          </p>
        </div>
      ) : null}
      <form action={action} className="space-y-3" noValidate>
        <ErrorSummary state={state} fieldIds={ids} />
        <Field
          id={ids.label}
          label="Nom du lien"
          hint="Pour le reconnaître dans la liste, par exemple « Téléphone de Claire »."
          required
          error={state.fieldErrors?.label}
        >
          {(p) => <Input {...p} name="label" maxLength={60} autoComplete="off" required />}
        </Field>
        <SubmitButton pendingLabel="Création…">Créer un lien d&apos;agenda</SubmitButton>
      </form>
    </div>
  );
}

/** "Révoquer": the address stops at once; the agenda that used it keeps nothing new. */
export function RevokeFeedForm({ feedId, label }: { feedId: string; label: string }) {
  const [state, action] = useActionState(revokeCalendarFeedAction, idle);
  return (
    <form action={action} className="space-y-2">
      <ErrorSummary state={state} />
      <input type="hidden" name="feedId" value={feedId} />
      <SubmitButton variant="secondary" pendingLabel="Révocation…">
        Révoquer<span className="sr-only"> le lien « {label} »</span>
      </SubmitButton>
    </form>
  );
}
