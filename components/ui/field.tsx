import { useId, type ComponentProps, type ReactNode } from "react";

export const inputClass =
  "block w-full min-h-11 rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 placeholder:text-slate-500 aria-[invalid=true]:border-danger-700";

/**
 * A labelled field with its hint and error wired for screen readers.
 * `children` receives the ids to put on the control.
 */
export function Field({
  label,
  hint,
  error,
  required,
  children,
  id: givenId,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  id?: string;
  children: (props: { id: string; "aria-describedby"?: string; "aria-invalid"?: boolean; "aria-required"?: boolean }) => ReactNode;
}) {
  const autoId = useId();
  const id = givenId ?? autoId;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-semibold text-slate-800">
        {label}
        {required ? (
          <span className="text-danger-700" aria-hidden="true">
            {" "}
            *
          </span>
        ) : null}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {/* The red * is for the eye; the control itself says it is required to a screen reader. */}
      {children({ id, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined, "aria-required": required || undefined })}
      {error ? (
        <p id={errorId} className="text-sm font-medium text-danger-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function Input(props: ComponentProps<"input">) {
  return <input {...props} className={`${inputClass} ${props.className ?? ""}`} />;
}

export function Select(props: ComponentProps<"select">) {
  return <select {...props} className={`${inputClass} ${props.className ?? ""}`} />;
}

export function Textarea(props: ComponentProps<"textarea">) {
  return <textarea {...props} className={`${inputClass} ${props.className ?? ""}`} />;
}

/**
 * The sentence a form with required fields starts with (RGAA 11.10): what
 * the * means. `auto` is for shared form parts (FormMessage, ActionForm)
 * that do not know their form's fields: the sentence then shows only in a
 * form that has a required control and no sentence of its own.
 */
export function RequiredNote({ auto = false }: { auto?: boolean }) {
  return (
    <p
      data-required-note={auto ? undefined : ""}
      className={`text-sm text-slate-700 ${auto ? "hidden [form:has([aria-required=true]):not(:has([data-required-note]))_&]:block" : ""}`}
    >
      Les champs marqués d&apos;un astérisque (<span className="text-danger-700">*</span>) sont obligatoires.
    </p>
  );
}
