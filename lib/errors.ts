/**
 * The one error type domain functions throw. Its message is already the
 * French sentence a person reads; actions turn it into form state and route
 * handlers into a response (`errorResponse`), both from its code.
 */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }

  /** The HTTP status a route handler answers with; it follows from the code, never from the text. */
  get status(): number {
    return STATUS[this.code];
  }
}

export type AppErrorCode =
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "INVALID"
  | "CONFLICT"
  | "THROTTLED"
  | "EXPIRED"
  | "FILE_REJECTED";

const STATUS: Record<AppErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  INVALID: 400,
  CONFLICT: 409,
  THROTTLED: 429,
  EXPIRED: 410,
  FILE_REJECTED: 422,
};

export const notFound = (what = "Élément") => new AppError("NOT_FOUND", `${what} introuvable.`);

/**
 * The one mapping from an error to a route handler's answer: an AppError
 * answers its status with its French message, as plain text or as
 * `{ error }` JSON. Anything else is a bug (or Next's redirect/notFound
 * signal) and is rethrown, so Next logs it and answers its own 500.
 */
export function errorResponse(error: unknown, options: { json?: boolean; headers?: HeadersInit } = {}): Response {
  if (!(error instanceof AppError)) throw error;
  const headers = new Headers(options.headers);
  if (!headers.has("Cache-Control")) headers.set("Cache-Control", "no-store");
  if (options.json) return Response.json({ error: error.message }, { status: error.status, headers });
  headers.set("Content-Type", "text/plain; charset=utf-8");
  return new Response(error.message, { status: error.status, headers });
}
