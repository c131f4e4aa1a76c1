"use client";

import { useEffect, useRef, type MouseEvent, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { INVALID_FORM, type FormState } from "@/lib/forms";

/** "Le formulaire contient 1 erreur", "… 3 erreurs". */
export function errorCountTitle(count: number): string {
  return `Le formulaire contient ${count} erreur${count > 1 ? "s" : ""}`;
}

/**
 * The control a summary link leads to: the id the form gave for the field
 * (`fieldIds`, for controls without a name such as a file field or a dialog
 * button), or else the control of that name in the summary's own form, so
 * the many small staff forms need no map of their own.
 */
function fieldIdFor(anchor: HTMLElement, name: string, fieldIds: Record<string, string>): string | undefined {
  if (fieldIds[name]) return fieldIds[name];
  const named = anchor.closest("form")?.elements.namedItem(name);
  const control = named instanceof RadioNodeList ? named[0] : named;
  return control instanceof HTMLElement && control.id ? control.id : undefined;
}

/** Focuses the field and shows its label or legend too, not only the box (GOV.UK's error summary does the same). */
function goToField(event: MouseEvent<HTMLAnchorElement>) {
  const id = event.currentTarget.getAttribute("href")?.slice(1);
  const field = id ? document.getElementById(id) : null;
  if (!field) return;
  event.preventDefault();
  const caption = (field as HTMLInputElement).labels?.[0] ?? field.closest("fieldset")?.querySelector("legend") ?? field;
  caption.scrollIntoView({ block: "start" });
  field.focus({ preventScroll: true });
}

/**
 * The GOV.UK / DSFR error summary: after a refused submit it takes the
 * focus (the submit button was disabled while sending, so the focus would
 * otherwise fall to the page), says how many fields are wrong and lists each
 * message as a link to its field. A refusal without field errors (a wrong
 * password, an expired link) is its message alone.
 *
 * It moves the focus when `state` changes, one object per submit. A form
 * whose errors change as the person types (react-hook-form) hands it a new
 * state only when submitted, so typing never pulls the focus back here.
 * `children` follow the message (a way out, such as "Demander un nouveau lien").
 */
export function ErrorSummary({ state, fieldIds = {}, children }: { state: FormState; fieldIds?: Record<string, string>; children?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === "error") ref.current?.focus();
  }, [state]);
  if (state.status !== "error") return null;
  const errors = Object.entries(state.fieldErrors ?? {}).filter(([, message]) => message);
  // Two keys for one control (a file's id and its claim) say the same thing once.
  const shown = errors.filter(([name, message], i) => errors.findIndex(([n, m]) => m === message && (fieldIds[n] ?? n) === (fieldIds[name] ?? name)) === i);
  // The generic "the form has errors" is what the title already says with its count.
  const message = shown.length && state.message === INVALID_FORM ? undefined : state.message;
  if (!shown.length && !message) return null;
  return (
    <div ref={ref} tabIndex={-1} data-error-summary="" className="scroll-mt-4 outline-none focus-visible:ring-2 focus-visible:ring-brand-700">
      <Alert tone="error" title={shown.length ? errorCountTitle(shown.length) : undefined}>
        {message ? (
          <p>
            {message}
            {children ? <> {children}</> : null}
          </p>
        ) : (
          children
        )}
        {shown.length ? (
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {shown.map(([name, text]) => (
              <li key={name}>
                <a
                  href={fieldIds[name] ? `#${fieldIds[name]}` : undefined}
                  // Other fields are found by name once the summary is in its form: the link gets its target there.
                  ref={(a) => {
                    if (!a || a.getAttribute("href")) return;
                    const id = fieldIdFor(a, name, fieldIds);
                    if (id) a.setAttribute("href", `#${id}`);
                  }}
                  onClick={goToField}
                  className="font-medium underline [overflow-wrap:anywhere]"
                >
                  {text}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </Alert>
    </div>
  );
}
