"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { idle } from "@/lib/forms";
import { saveWeekPatternAction } from "../actions";

const DAYS = [
  [1, "Lundi"],
  [2, "Mardi"],
  [3, "Mercredi"],
  [4, "Jeudi"],
  [5, "Vendredi"],
  [6, "Samedi"],
] as const;

/** A child's usual days for a product, saved for the months to come. */
export function WeekPatternForm({ childId, productId, title, weekdays }: { childId: string; productId: string; title: string; weekdays: number[] }) {
  const [state, action] = useActionState(saveWeekPatternAction, idle);
  const id = `pattern-${childId}-${productId}`;
  return (
    <form action={action} className="space-y-2 border-t border-slate-200 pt-3">
      <input type="hidden" name="childId" value={childId} />
      <input type="hidden" name="productId" value={productId} />
      <ErrorSummary state={state} />
      <fieldset>
        <legend className="font-semibold">{title}</legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {DAYS.map(([value, label]) => (
            <label key={value} htmlFor={`${id}-${value}`} className="inline-flex min-h-11 items-center gap-2 rounded-md border border-slate-300 px-3">
              <input id={`${id}-${value}`} type="checkbox" name="weekdays" value={value} defaultChecked={weekdays.includes(value)} className="size-5 accent-brand-700" />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton variant="secondary" pendingLabel="Enregistrement…">
          Enregistrer la semaine type<span className="sr-only"> de {title}</span>
        </SubmitButton>
        {state.status === "success" ? (
          <p role="status" className="text-sm font-semibold text-ok-700">
            {state.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
