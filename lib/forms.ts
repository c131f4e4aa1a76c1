import { z } from "zod";
import { AppError } from "@/lib/errors";
import { hasForbiddenCharacters } from "@/lib/validation/text";

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

// A server action is a public endpoint: its arguments are whatever the request
// body decodes to (an array, null, a number...), not necessarily the FormData
// its signature promises. formDataToObject leaves this mark instead of
// throwing, and handleForm answers it with UNREADABLE_FORM. Being a symbol, it
// survives `{ ...formDataToObject(formData), extra }` and no schema can read it.
const UNREADABLE: unique symbol = Symbol("unreadable form");

/** The form's fields as an object; given anything but a FormData, an object that handleForm refuses. */
export function formDataToObject(formData: unknown): Record<string, unknown> {
  if (!(formData instanceof FormData)) return { [UNREADABLE]: true } as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    out[key] = value;
  }
  return out;
}

export const INVALID_FORM = "Le formulaire contient des erreurs : corrigez les champs signalés.";
export const UNREADABLE_FORM = "Le formulaire n'a pas pu être lu : rechargez la page.";
export const FORBIDDEN_CHARACTERS = "Ce champ contient des caractères non autorisés.";

/** Deeper than any form of the app (a list of uploads is two levels); past it the input is refused, not walked. */
const MAX_DEPTH = 8;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** The input as fields, or null when it is not a form at all. */
function readInput(input: unknown): Record<string, unknown> | null {
  if (input instanceof FormData) return formDataToObject(input);
  if (!isPlainObject(input) || UNREADABLE in input) return null;
  return input;
}

/**
 * The fields whose text holds a NUL, another control character or a lone
 * surrogate, keyed like zod's field errors ("uploads.0.fileId"). Refused
 * rather than cleaned: changing what a person typed without telling them is
 * worse than asking again. Null when the input nests too deep to be a form.
 */
function forbiddenCharacterFields(fields: Record<string, unknown>): Record<string, string> | null {
  const out: Record<string, string> = {};
  const walk = (value: unknown, path: string, depth: number): boolean => {
    if (typeof value === "string") {
      if (hasForbiddenCharacters(value)) out[path] ??= FORBIDDEN_CHARACTERS;
      return true;
    }
    if (depth >= MAX_DEPTH) return !(Array.isArray(value) || isPlainObject(value));
    if (Array.isArray(value)) return value.every((item, i) => walk(item, `${path}.${i}`, depth + 1));
    if (isPlainObject(value)) return Object.entries(value).every(([key, item]) => walk(item, `${path}.${key}`, depth + 1));
    return true; // numbers, booleans, null, File: nothing PostgreSQL would choke on
  };
  for (const [key, value] of Object.entries(fields)) {
    if (!walk(value, key, 1)) return null;
  }
  return out;
}

/**
 * Validates input with the form's schema, runs the domain call, and turns a
 * typed AppError into French form state. The input is a FormData or a plain
 * object (what react-hook-form forms send); anything else, and any text with a
 * NUL or control character, is French form state too, never a 500. Anything else is a bug and is rethrown
 * (Next's redirect and notFound signals included).
 */
export async function handleForm<S extends z.ZodType>(
  schema: S,
  input: unknown,
  run: (data: z.infer<S>) => Promise<FormState | void>,
): Promise<FormState> {
  const fields = readInput(input);
  const forbidden = fields && forbiddenCharacterFields(fields);
  if (!fields || !forbidden) return { status: "error", message: UNREADABLE_FORM };
  if (Object.keys(forbidden).length > 0) return { status: "error", message: INVALID_FORM, fieldErrors: forbidden };
  const parsed = schema.safeParse(fields);
  if (!parsed.success) {
    return { status: "error", message: INVALID_FORM, fieldErrors: fieldErrors(parsed.error) };
  }
  try {
    return (await run(parsed.data)) ?? { status: "success" };
  } catch (error) {
    return appErrorState(error);
  }
}

/** A typed AppError as French form state; anything else (a bug, Next's redirect and notFound signals) is rethrown. */
export function appErrorState(error: unknown): FormState {
  if (error instanceof AppError) return { status: "error", message: error.message, fieldErrors: error.fieldErrors };
  throw error;
}
