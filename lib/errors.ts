/**
 * The one error type domain functions throw. Its message is already the
 * French sentence a person reads; actions turn it into form state.
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
}

export type AppErrorCode =
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "INVALID"
  | "CONFLICT"
  | "THROTTLED"
  | "EXPIRED"
  | "FILE_REJECTED";

export const notFound = (what = "Élément") => new AppError("NOT_FOUND", `${what} introuvable.`);
