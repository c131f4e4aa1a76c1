import "server-only";
import type { z } from "zod";
import { requireRole, type RoleUser } from "@/lib/auth/dal";
import type { Access } from "@/lib/auth/roles";
import { appErrorState, formDataToObject, handleForm, type FormState } from "@/lib/forms";

/**
 * Who may call an action: "public", or an access checked by the DAL's
 * `requireRole` before the input is read, exactly as the pages do.
 */
export type ActionRole = "public" | Access;

/** The user an action's body receives: its role decides the type, so a body cannot forget who it serves. */
export type ActionUser<R extends ActionRole> = R extends Access ? RoleUser<R> : null;

async function resolveUser<R extends ActionRole>(role: R): Promise<ActionUser<R>> {
  if (role === "public") return null as ActionUser<R>;
  if (role === "user" || role === "parent" || role === "staff" || role === "admin") return (await requireRole(role)) as ActionUser<R>;
  // A role this file does not know must never run as public.
  throw new Error(`Unknown action role: ${String(role)}`);
}

type BaseOptions<R extends ActionRole, S extends z.ZodType> = {
  role: R;
  /** The form's schema; the body only ever sees what it parsed. */
  schema: S;
};

export type FormActionOptions<R extends ActionRole, S extends z.ZodType> = BaseOptions<R, S> & {
  /**
   * The fields to validate, for forms that send several values under one
   * name (`formData.getAll`) or an amount typed in euros. It may throw an
   * AppError, which becomes the form's state like any other refusal.
   * Defaults to `formDataToObject`.
   */
  read?: (formData: FormData) => Record<string, unknown>;
  /** Last touch on the state (put typed values back, rename a field error). Not run after a redirect. */
  finish?: (state: FormState, formData: FormData) => FormState | Promise<FormState>;
};

export type ActionBody<R extends ActionRole, S extends z.ZodType, Extra = object> = (
  context: { input: z.infer<S>; user: ActionUser<R> } & Extra,
) => Promise<FormState | void>;

/** The server action `useActionState` expects: `(previous state, FormData) => state`. */
export type FormAction = (prev: FormState, formData: unknown) => Promise<FormState>;

/**
 * The one way to write a server action used with `useActionState`: the
 * role's check, the form read and validated by `handleForm` (which refuses
 * anything but a form and text with control characters), the body, and a
 * typed AppError turned into French form state. Next's redirect and
 * notFound pass through untouched. The argument is `unknown` because a
 * server action is a public endpoint: its body can decode to anything.
 */
export function defineAction<R extends ActionRole, S extends z.ZodType>(
  options: FormActionOptions<R, S>,
  body: ActionBody<R, S, { formData: FormData }>,
): FormAction {
  return async (_prev, formData) => {
    const user = await resolveUser(options.role);
    // Not a form: handleForm answers the mark formDataToObject leaves.
    if (!(formData instanceof FormData)) return handleForm(options.schema, formDataToObject(formData), async () => undefined);
    let fields: Record<string, unknown>;
    try {
      fields = options.read ? options.read(formData) : formDataToObject(formData);
    } catch (error) {
      return finish(options, appErrorState(error), formData);
    }
    const state = await handleForm(options.schema, fields, (input) => body({ input, user, formData }));
    return finish(options, state, formData);
  };
}

function finish<R extends ActionRole, S extends z.ZodType>(options: FormActionOptions<R, S>, state: FormState, formData: FormData) {
  return options.finish ? options.finish(state, formData) : state;
}

/**
 * For actions a client component calls itself with an object (the
 * react-hook-form forms that upload a file first): `(input) => state`.
 * `handleForm` accepts the plain object, or a FormData, and refuses anything
 * else; `finish` sees the raw input, e.g. to discard the uploads of a
 * refused request.
 */
export function defineInputAction<R extends ActionRole, S extends z.ZodType>(
  options: BaseOptions<R, S> & { finish?: (state: FormState, input: unknown) => FormState | Promise<FormState> },
  body: ActionBody<R, S>,
): (input: unknown) => Promise<FormState> {
  return async (input) => {
    const user = await resolveUser(options.role);
    const state = await handleForm(options.schema, input, (parsed) => body({ input: parsed, user }));
    return options.finish ? options.finish(state, input) : state;
  };
}

/**
 * For an action given straight to `<form action>` (no `useActionState`):
 * `(formData) => void`. It has no state to show, so it ends in a redirect;
 * `refused` says where a refusal goes (a form that did not validate, or an
 * AppError the body did not handle). Anything but a form reads as an empty
 * one, so a client posting junk gets the same answer as an empty form.
 */
export function defineFormAction<R extends ActionRole, S extends z.ZodType>(
  options: BaseOptions<R, S> & { refused: (state: FormState) => never },
  body: (context: { input: z.infer<S>; user: ActionUser<R> }) => Promise<void>,
): (formData: unknown) => Promise<void> {
  return async (formData) => {
    const user = await resolveUser(options.role);
    const fields = formDataToObject(formData instanceof FormData ? formData : new FormData());
    const state = await handleForm(options.schema, fields, (input) => body({ input, user }));
    if (state.status === "error") options.refused(state);
  };
}
