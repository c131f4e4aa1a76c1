/**
 * Notices the sign-in page shows when another page sends the visitor there
 * (`/connexion?message=…`). The URL carries only a code; an unknown code
 * shows nothing.
 */
export const LOGIN_NOTICES = {
  "mot-de-passe-modifie": "Votre mot de passe a été modifié : connectez-vous.",
  "deconnecte-partout":
    "Vous êtes déconnecté de tous les appareils : chaque appareil devra se reconnecter avec votre mot de passe.",
} as const;

export function loginNotice(code: string | string[] | undefined): string | undefined {
  return typeof code === "string" && Object.hasOwn(LOGIN_NOTICES, code)
    ? LOGIN_NOTICES[code as keyof typeof LOGIN_NOTICES]
    : undefined;
}
