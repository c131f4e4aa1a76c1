import { AppError } from "@/lib/errors";

/**
 * What the confirmation page may say after a failed confirmation. The URL
 * carries only a code (`?erreur=expire`): a sentence in a link would let
 * anyone make the portal display their own text.
 */
export const CONFIRM_ERRORS = {
  expire: "Ce lien a expiré. Demandez un nouveau lien avec « Mot de passe oublié » sur la page de connexion : il confirmera aussi votre adresse.",
  invalide: "Ce lien n'est plus valide : il a déjà été utilisé ou remplacé par un lien plus récent.",
} as const;

export type ConfirmErrorCode = keyof typeof CONFIRM_ERRORS;

export const GENERIC_CONFIRM_ERROR =
  "La confirmation n'a pas abouti. Ouvrez le dernier lien reçu par email ou contactez le service.";

/** The sentence for a code from the URL; anything else gets the generic one. */
export function confirmErrorMessage(code: string | string[] | undefined): string {
  return typeof code === "string" && Object.hasOwn(CONFIRM_ERRORS, code)
    ? CONFIRM_ERRORS[code as ConfirmErrorCode]
    : GENERIC_CONFIRM_ERROR;
}

/** The code for an error of `confirmEmail`. */
export function confirmErrorCode(error: AppError): ConfirmErrorCode | "inconnue" {
  if (error.code !== "EXPIRED") return "inconnue";
  return /expiré/.test(error.message) ? "expire" : "invalide";
}
