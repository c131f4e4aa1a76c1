"use client";

import { useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import type { FormState } from "@/lib/forms";

/**
 * A refusal, announced and focused so a keyboard or screen-reader user
 * lands on it, with each field's message linking to the field (the ids
 * come from the form, as `fieldIds`).
 */
export function ErrorSummary({ state, fieldIds = {} }: { state: FormState; fieldIds?: Record<string, string> }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === "error") ref.current?.focus();
  }, [state]);
  if (state.status !== "error" || !state.message) return null;
  const fields = Object.entries(state.fieldErrors ?? {}).filter(([name]) => fieldIds[name]);
  return (
    <div ref={ref} tabIndex={-1} className="outline-none focus-visible:ring-2 focus-visible:ring-brand-700">
      <Alert tone="error">
        <p>{state.message}</p>
        {fields.length ? (
          <ul className="mt-1 list-disc pl-5">
            {fields.map(([name, message]) => (
              <li key={name}>
                <a href={`#${fieldIds[name]}`} className="underline">
                  {message}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </Alert>
    </div>
  );
}
