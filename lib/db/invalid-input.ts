import { AppError } from "@/lib/errors";

// PostgreSQL's answers to a value it cannot store or compare, whoever sent
// it: a NUL byte (22021), a character the encoding lacks (22P05), text that
// is not the column's type (22P02), a value past the column's or an
// index's size (22001, 54000). Prisma's own: a value of the wrong shape
// for the column (P2023), too long (P2000).
const DRIVER_CODES = new Set(["22021", "22P05", "22P02", "22001", "54000"]);
const PRISMA_CODES = new Set(["P2000", "P2023"]);

export const INVALID_INPUT = "Saisie invalide : certains caractères ne sont pas acceptés ou la valeur est trop longue.";

/**
 * The safety net behind the forms' and the URLs' own checks: a value that
 * slipped past them reaches the database, which refuses it. That is the
 * visitor's input, not a failure of the server: it becomes a 400 with a
 * French message rather than a 500.
 */
export function invalidInputError(error: unknown): AppError | null {
  if (!error || typeof error !== "object") return null;
  const { code, meta } = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } };
  const driverCode = meta?.driverAdapterError?.cause?.originalCode;
  if ((typeof code === "string" && PRISMA_CODES.has(code)) || (typeof driverCode === "string" && DRIVER_CODES.has(driverCode))) {
    return new AppError("INVALID", INVALID_INPUT);
  }
  return null;
}
