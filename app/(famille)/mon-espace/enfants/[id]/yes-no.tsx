/**
 * An "Oui / Non" question as a fieldset: the legend is the question, each
 * answer a 44 px tall label around its radio so a thumb can hit it.
 */
export function YesNo({
  name,
  legend,
  defaultValue,
  error,
  required,
  hint,
  idPrefix,
}: {
  name: string;
  legend: string;
  defaultValue: "oui" | "non" | null;
  error?: string;
  required?: boolean;
  hint?: string;
  idPrefix: string;
}) {
  const errorId = `${idPrefix}-error`;
  const hintId = `${idPrefix}-hint`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className="space-y-2" aria-describedby={describedBy}>
      <legend className="text-sm font-semibold text-slate-800">
        {legend}
        {required ? (
          <span className="text-danger-700" aria-hidden="true">
            {" "}
            *
          </span>
        ) : null}
      </legend>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {(["oui", "non"] as const).map((value) => (
          <label key={value} className="flex min-h-11 min-w-24 cursor-pointer items-center gap-2 rounded-md border border-slate-400 px-3">
            <input
              type="radio"
              id={`${idPrefix}-${value}`}
              name={name}
              value={value}
              defaultChecked={defaultValue === value}
              required={required}
              className="size-5"
            />
            {value === "oui" ? "Oui" : "Non"}
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="text-sm font-medium text-danger-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
