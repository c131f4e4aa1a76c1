/**
 * What the simulated payment page may say after a refused choice. The URL
 * carries only a code (`?erreur=terminee`), never the sentence itself.
 */
export const SIMULATOR_ERRORS = {
  inconnue: "Opération de paiement inconnue.",
  exterieure: "Cette opération de paiement renvoie vers une adresse extérieure au portail : elle est refusée.",
  expiree: "Cette opération de paiement a expiré (15 minutes).",
  terminee: "Cette opération de paiement est déjà terminée.",
} as const;

export type SimulatorErrorCode = keyof typeof SIMULATOR_ERRORS;

export const GENERIC_SIMULATOR_ERROR = "Ce paiement n'a pas pu être traité. Retournez sur le portail pour recommencer.";

/** The sentence for a code from the URL; anything else gets the generic one. */
export function simulatorErrorMessage(code: string | string[] | undefined): string {
  return typeof code === "string" && Object.hasOwn(SIMULATOR_ERRORS, code)
    ? SIMULATOR_ERRORS[code as SimulatorErrorCode]
    : GENERIC_SIMULATOR_ERROR;
}

/** The code for a SimulatorError's message ("autre" for one this table does not know: the page shows the generic sentence). */
export function simulatorErrorCode(message: string): SimulatorErrorCode | "autre" {
  const found = (Object.keys(SIMULATOR_ERRORS) as SimulatorErrorCode[]).find((code) => SIMULATOR_ERRORS[code] === message);
  return found ?? "autre";
}
