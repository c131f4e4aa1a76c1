import { z } from "zod";
import { AppError } from "@/lib/errors";

/** What every server action returns to `useActionState`. */
export type FormState = {
  status: "idle" | "error" | "success";
  message?: string;
  fieldErrors?: Record<string, string>;
  /** Values to put back in the form after a refusal (never passwords). */
  values?: Record<string, string>;
};

export const idle: FormState = { status: "idle" };

export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}

export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    out[key] = value;
  }
  return out;
}

export const INVALID_FORM = "Le formulaire contient des erreurs : corrigez les champs signalés.";

/**
 * Validates input with the form's schema, runs the domain call, and turns a
 * typed AppError into French form state. Anything else is a bug and is rethrown
 * (Next's redirect and notFound signals included).
 */
export async function handleForm<S extends z.ZodType>(
  schema: S,
  input: unknown,
  run: (data: z.infer<S>) => Promise<FormState | void>,
): Promise<FormState> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    return { status: "error", message: INVALID_FORM, fieldErrors: fieldErrors(parsed.error) };
  }
  try {
    return (await run(parsed.data)) ?? { status: "success" };
  } catch (error) {
    if (error instanceof AppError) {
      return { status: "error", message: error.message, fieldErrors: error.fieldErrors };
    }
    throw error;
  }
}
