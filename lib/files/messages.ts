/**
 * What the browser and the server both say about a file. Kept free of any
 * import so that the upload component can share it without pulling sharp or
 * the database into the client bundle.
 */
export const ACCEPTED_MIME_TYPES = ["image/jpeg", "image/png", "image/webp", "application/pdf"] as const;
export type AcceptedMimeType = (typeof ACCEPTED_MIME_TYPES)[number];

/** The `accept` attribute of every document field. */
export const ACCEPT_ATTRIBUTE = ACCEPTED_MIME_TYPES.join(",");

export const FILE_MESSAGES = {
  empty: "Le fichier est vide.",
  type: "Ce type de fichier n'est pas accepté : envoyez une photo (JPEG, PNG, WebP) ou un PDF.",
  pdfDamaged: "Le fichier PDF est incomplet ou endommagé.",
  imageDamaged: "L'image est trop grande ou endommagée.",
  missing: "Aucun fichier n'a été reçu : choisissez un fichier puis réessayez.",
  network: "L'envoi du fichier a échoué : vérifiez votre connexion puis réessayez.",
  throttled: "Trop de fichiers ont été envoyés depuis votre connexion : réessayez dans une heure.",
  claim: "Le document envoyé n'a pas été retrouvé : ajoutez-le à nouveau.",
} as const;

/** "10 Mo", "2,5 Mo": the limit as the settings give it, in French. */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 }).format(mb)} Mo`;
}

export function tooLargeMessage(maxBytes: number): string {
  return `Le fichier dépasse la taille maximale de ${formatMegabytes(maxBytes)}.`;
}

export function isAcceptedMimeType(type: string): type is AcceptedMimeType {
  return (ACCEPTED_MIME_TYPES as readonly string[]).includes(type);
}
