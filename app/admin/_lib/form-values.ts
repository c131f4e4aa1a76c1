import type { FormState } from "@/lib/forms";

export type AdminFormState = FormState & { values?: Record<string, string> };

/**
 * React resets a form once its action completes. After a refusal the fields
 * take back what was typed from these values (their `defaultValue`), so a
 * long text is not lost to one wrong field.
 */
export function keepValues(state: FormState, formData: FormData): AdminFormState {
  if (state.status !== "error") return state;
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  }
  return { ...state, values };
}
