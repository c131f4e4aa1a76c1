import { formatFileSize } from "@/lib/format";

/**
 * What the browser and the server both say about a file. It imports nothing
 * but lib/format, so that the upload component can share it without pulling
 * sharp or the database into the client bundle.
 */
export const ACCEPTED_MIME_TYPES = ["image/jpeg", "image/png", "image/webp", "application/pdf"] as const;
export type AcceptedMimeType = (typeof ACCEPTED_MIME_TYPES)[number];

/**
 * Phone photos (iPhones by default) come as HEIC/HEIF. They are accepted on
 * the way in and converted to JPEG, so what is stored and served is always
 * one of the four types above, which every browser can display.
 */
export const CONVERTED_MIME_TYPES = ["image/heic", "image/heif"] as const;
export type ConvertedMimeType = (typeof CONVERTED_MIME_TYPES)[number];

/**
 * The `accept` attribute of every document field. The extensions are there
 * because some browsers give HEIC files no type at all.
 */
export const ACCEPT_ATTRIBUTE = [...ACCEPTED_MIME_TYPES, ...CONVERTED_MIME_TYPES, ".heic", ".heif"].join(",");

export const FILE_MESSAGES = {
  empty: "Le fichier est vide.",
  type: "Ce type de fichier n'est pas accepté : envoyez une photo (JPEG, PNG, WebP) ou un PDF.",
  pdfDamaged: "Le fichier PDF est incomplet ou endommagé.",
  imageDamaged: "L'image est trop grande ou endommagée.",
  // Starts with imageDamaged's words, which is what a person searching the page for the old message still finds.
  imageTooLarge:
    "L'image est trop grande ou endommagée. Envoyez une photo prise avec le réglage habituel de l'appareil (25 millions de pixels au plus) ou un PDF.",
  busy: "Le serveur est occupé, réessayez dans un instant.",
  missing: "Aucun fichier n'a été reçu : choisissez un fichier puis réessayez.",
  network: "L'envoi du fichier a échoué : vérifiez votre connexion puis réessayez.",
  throttled: "Trop de fichiers ont été envoyés depuis votre connexion : réessayez dans une heure.",
  claim: "Le document envoyé n'a pas été retrouvé : ajoutez-le à nouveau.",
} as const;

export function tooLargeMessage(maxBytes: number): string {
  return `Le fichier dépasse la taille maximale de ${formatFileSize(maxBytes)}.`;
}

export function isAcceptedMimeType(type: string): type is AcceptedMimeType {
  return (ACCEPTED_MIME_TYPES as readonly string[]).includes(type);
}

export function isConvertedMimeType(type: string): type is ConvertedMimeType {
  return (CONVERTED_MIME_TYPES as readonly string[]).includes(type);
}
