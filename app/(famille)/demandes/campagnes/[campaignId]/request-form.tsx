"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field, Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/forms";
import { saveCampaignRequestAction } from "./actions";

export type FormDay = { day: string; label: string };
export type FormWeek = { label: string; days: FormDay[] };
export type FormProduct = { id: string; name: string };
export type FormChild = {
  personId: string;
  firstName: string;
  lastName: string;
  /** The weeks of days the child may ask for, per centre it may go to */
  weeksByProduct: Record<string, FormWeek[]>;
  /** What is stored now, or the defaults of a first request */
  firstProductId: string;
  secondProductId: string | null;
  together: boolean;
  days: string[];
};

/**
 * The campaign request, phone first: one fieldset per child with its
 * centres and its days as large checkboxes, week by week; then the
 * household's working-parents declaration. Every child shown is sent, so
 * unticking all of a child's days withdraws its request. The days follow
 * the first choice (a centre may be closed on a day another is open).
 */
export function CampaignRequestForm({
  campaignId,
  products,
  childrenShown,
  workingParents,
  workingParentsConfirmed,
}: {
  campaignId: string;
  products: FormProduct[];
  childrenShown: FormChild[];
  workingParents: boolean;
  workingParentsConfirmed: boolean;
}) {
  const [state, formAction, pending] = useActionState(saveCampaignRequestAction, idle);
  const [working, setWorking] = useState(workingParents);
  // Sent by hand rather than through the form's action: after a form action
  // React resets the form, which would untick every day on screen (controlled
  // boxes included) while the request keeps them. Without JavaScript the
  // action attribute still posts the form.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  }
  const fieldIds = Object.fromEntries(
    childrenShown.flatMap((c) => [
      [`${c.personId}.days`, `jours-${c.personId}`],
      [`${c.personId}.firstProductId`, `premier-${c.personId}`],
      [`${c.personId}.secondProductId`, `second-${c.personId}`],
    ]),
  );
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-6">
      <ErrorSummary state={state} fieldIds={fieldIds} />
      {state.status === "success" && state.message ? <Alert tone="success">{state.message}</Alert> : null}
      <input type="hidden" name="campaignId" value={campaignId} />
      {childrenShown.map((child) => (
        <ChildFieldset key={child.personId} child={child} products={products} siblings={childrenShown.length > 1} errors={errors} />
      ))}
      <fieldset className="space-y-2 rounded-lg border border-slate-300 bg-white p-3 sm:p-4">
        <legend className="px-1 text-lg font-semibold text-slate-900">Votre famille</legend>
        <label htmlFor="parents-travaillent" className="flex min-h-11 cursor-pointer items-center gap-3 font-semibold text-slate-900">
          <input
            id="parents-travaillent"
            type="checkbox"
            name="parentsTravaillent"
            checked={working}
            onChange={(e) => setWorking(e.target.checked)}
            aria-describedby="parents-travaillent-hint"
            className="size-6 shrink-0 accent-brand-700"
          />
          Les deux parents (ou le parent seul) travaillent
        </label>
        <p id="parents-travaillent-hint" className="text-sm text-slate-700">
          {workingParents && workingParentsConfirmed
            ? "Confirmé par le service. Si vous changez cette réponse, le service devra la confirmer à nouveau."
            : "Le service le confirme (justificatif d'employeur) avant l'attribution : seule une situation confirmée compte."}
        </p>
      </fieldset>
      <p className="text-sm text-slate-700">
        L&apos;heure de votre demande ne compte pas : les places sont attribuées après la clôture, selon les règles de la campagne.
      </p>
      <SubmitButton className="w-full sm:w-auto" pendingLabel="Envoi en cours…" pending={pending}>
        Envoyer ma demande
      </SubmitButton>
    </form>
  );
}

function ChildFieldset({
  child,
  products,
  siblings,
  errors,
}: {
  child: FormChild;
  products: FormProduct[];
  siblings: boolean;
  errors: Record<string, string>;
}) {
  const id = child.personId;
  const offered = products.filter((p) => child.weeksByProduct[p.id]);
  const [first, setFirst] = useState(child.firstProductId);
  const [second, setSecond] = useState(child.secondProductId ?? "");
  const [together, setTogether] = useState(child.together);
  const [ticked, setTicked] = useState(() => new Set(child.days));
  const weeks = child.weeksByProduct[first] ?? [];
  const daysError = errors[`${id}.days`];
  const toggle = (days: string[], on: boolean) =>
    setTicked((previous) => {
      const next = new Set(previous);
      for (const d of days) {
        if (on) next.add(d);
        else next.delete(d);
      }
      return next;
    });

  // The same centres in both choices; the second may also be none.
  const productOptions = offered.map((product) => (
    <option key={product.id} value={product.id}>
      {product.name}
    </option>
  ));

  return (
    <fieldset className="min-w-0 space-y-4 rounded-lg border border-slate-300 bg-white p-3 sm:p-4">
      <legend className="px-1 text-lg font-semibold text-slate-900">
        {child.firstName} {child.lastName}
      </legend>
      <input type="hidden" name="enfant" value={id} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={`premier-${id}`} label="Premier choix" error={errors[`${id}.firstProductId`]}>
          {(p) => (
            <Select {...p} name={`premier-${id}`} value={first} onChange={(e) => setFirst(e.target.value)}>
              {productOptions}
            </Select>
          )}
        </Field>
        <Field id={`second-${id}`} label="Second choix (facultatif)" error={errors[`${id}.secondProductId`]}>
          {(p) => (
            <Select {...p} name={`second-${id}`} value={second} onChange={(e) => setSecond(e.target.value)}>
              <option value="">Aucun</option>
              {productOptions}
            </Select>
          )}
        </Field>
      </div>
      <div
        id={`jours-${id}`}
        role="group"
        tabIndex={-1}
        aria-labelledby={`jours-${id}-title`}
        aria-describedby={daysError ? `jours-${id}-error` : undefined}
        className="space-y-3 outline-none focus-visible:ring-2 focus-visible:ring-brand-700"
      >
        <p id={`jours-${id}-title`} className="font-semibold text-slate-900">
          Jours souhaités pour {child.firstName}
        </p>
        {daysError ? (
          <p id={`jours-${id}-error`} className="text-sm font-medium text-danger-700">
            {daysError}
          </p>
        ) : null}
        {weeks.map((week) => {
          const all = week.days.map((d) => d.day);
          const full = all.every((d) => ticked.has(d));
          return (
            <fieldset key={week.label} className="min-w-0 rounded-md border border-slate-200">
              <legend className="sr-only">
                {child.firstName}, {week.label}
              </legend>
              <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 bg-slate-50 px-3 py-1">
                <p aria-hidden="true" className="text-sm font-semibold text-slate-800">
                  {week.label}
                </p>
                <button
                  type="button"
                  onClick={() => toggle(all, !full)}
                  className="min-h-11 rounded-md px-2 text-sm font-semibold text-brand-700 underline hover:bg-brand-50"
                >
                  {full ? "Tout décocher" : "Tout cocher"}
                  <span className="sr-only">
                    {" "}
                    pour {child.firstName}, {week.label.toLowerCase()}
                  </span>
                </button>
              </div>
              <ul className="grid grid-cols-[repeat(auto-fill,minmax(min(100%,8.5rem),1fr))] gap-2 p-2">
                {week.days.map((d) => (
                  <li key={d.day}>
                    <label className="flex min-h-11 cursor-pointer items-center gap-3 rounded-md border-2 border-slate-500 bg-white px-3 py-2 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50 focus-within:outline-3 focus-within:outline-offset-2 focus-within:outline-brand-700">
                      <input
                        type="checkbox"
                        name={`jours-${id}`}
                        value={d.day}
                        checked={ticked.has(d.day)}
                        onChange={(e) => toggle([d.day], e.target.checked)}
                        aria-label={`${child.firstName}, ${d.label}`}
                        className="size-6 shrink-0 accent-brand-700"
                      />
                      <span className="min-w-0 font-medium break-words first-letter:uppercase">{d.label}</span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          );
        })}
      </div>
      {siblings ? (
        <div>
          <label className="flex min-h-11 cursor-pointer items-center gap-3 text-slate-900">
            <input
              type="checkbox"
              name={`ensemble-${id}`}
              checked={together}
              onChange={(e) => setTogether(e.target.checked)}
              aria-describedby={`ensemble-${id}-hint`}
              className="size-6 shrink-0 accent-brand-700"
            />
            Inscrire avec ses frères et sœurs (ensemble)
          </label>
          <p id={`ensemble-${id}-hint`} className="text-sm text-slate-700">
            Les enfants inscrits ensemble ont tous une place un jour donné, ou aucun.
          </p>
        </div>
      ) : null}
    </fieldset>
  );
}
