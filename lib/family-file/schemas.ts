import { z } from "zod";
import { UploadRefSchema } from "@/lib/documents";
import { isDay } from "@/lib/dates";
import { OptionalPhoneSchema } from "@/lib/validation/fields";

/** The Oui / Non radios of the family file, as posted. */
export const YesNoSchema = (message: string) => z.enum(["oui", "non"], { error: message });

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `Le champ « ${label} » ne peut pas dépasser ${max} caractères.`)
    .optional()
    .transform((v) => v || null);

const PersonIdSchema = z.string().min(1, "Enfant introuvable.");

/**
 * "Enregistrer la fiche santé". The doctor, diets, vaccinations and remarks
 * apply at once; allergies and the PAI (with its document) go to staff as a
 * SANTE request. The files are uploaded by the browser first, then claimed
 * here. The submission key makes a post sent twice find the request the
 * first one made.
 */
export const HealthFileSchema = z
  .object({
    personId: PersonIdSchema,
    submissionKey: z.string().min(16, "Le formulaire a expiré : rechargez la page.").max(100),
    doctorName: optionalText("Médecin traitant", 120),
    doctorPhone: OptionalPhoneSchema.transform((v) => v ?? null),
    dietIds: z.array(z.string().min(1).max(100)).max(30, "Choisissez les régimes dans la liste.").default([]),
    vaccinationsUpToDate: YesNoSchema("Indiquez si les vaccinations sont à jour."),
    remarks: optionalText("Remarques", 2000),
    allergies: optionalText("Allergies", 2000),
    pai: YesNoSchema("Indiquez si l'enfant a un PAI (projet d'accueil individualisé)."),
    paiValidUntil: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || null)
      .refine((v) => v === null || isDay(v), "La date de fin du PAI n'est pas valide."),
    vaccinationsUpload: UploadRefSchema.nullish(),
    paiUpload: UploadRefSchema.nullish(),
  })
  .superRefine((input, ctx) => {
    if (input.pai === "oui" && !input.paiValidUntil) {
      ctx.addIssue({ code: "custom", path: ["paiValidUntil"], message: "Indiquez jusqu'à quelle date le PAI est valable." });
    }
    if (input.pai === "non" && input.paiUpload) {
      ctx.addIssue({ code: "custom", path: ["pai"], message: "Vous avez joint un PAI : répondez « Oui » à la question du PAI." });
    }
  });
export type HealthFileInput = z.output<typeof HealthFileSchema>;

/**
 * What a SANTE request carries, as written by the health form and read back
 * when staff accept it: dates as "YYYY-MM-DD", an empty string for "none".
 */
export const HealthRequestDataSchema = z.object({
  allergies: z.string().max(2000).default(""),
  pai: z.enum(["oui", "non"]),
  paiValidUntil: z
    .string()
    .default("")
    .refine((v) => v === "" || isDay(v)),
});
export type HealthRequestData = z.output<typeof HealthRequestDataSchema>;

export const PICKUP_KINDS = ["AUTHORISED", "EMERGENCY", "FORBIDDEN"] as const;

/** "Ajouter la personne": a phone is needed to reach someone, not to name who may not come. */
export const AddPickupPersonSchema = z
  .object({
    personId: PersonIdSchema,
    kind: z.enum(PICKUP_KINDS, { error: "Choisissez le type de personne dans la liste." }),
    name: z.string().trim().min(1, "Indiquez le nom et le prénom de la personne.").max(120, "Le nom et le prénom ne peuvent pas dépasser 120 caractères."),
    relationship: z
      .string()
      .trim()
      .min(1, "Indiquez le lien avec l'enfant (exemple : grand-mère, voisin).")
      .max(80, "Le lien avec l'enfant ne peut pas dépasser 80 caractères."),
    phone: OptionalPhoneSchema.transform((v) => v ?? null),
  })
  .superRefine((input, ctx) => {
    if (input.kind !== "FORBIDDEN" && !input.phone) {
      ctx.addIssue({ code: "custom", path: ["phone"], message: "Indiquez le téléphone de la personne." });
    }
  });
export type AddPickupPersonInput = z.output<typeof AddPickupPersonSchema>;

export const RemovePickupPersonSchema = z.object({
  personId: PersonIdSchema,
  pickupPersonId: z.string().min(1, "Cette personne n'est plus dans la liste."),
});

const consentAnswer = YesNoSchema("Répondez « Oui » ou « Non ».").optional();

/** "Enregistrer les autorisations": one Oui / Non per kind (CONSENT_KINDS); a kind left blank is not answered. */
export const ConsentsSchema = z.object({
  personId: PersonIdSchema,
  PHOTO: consentAnswer,
  OUTINGS: consentAnswer,
  TRANSPORT: consentAnswer,
  EMERGENCY_CARE: consentAnswer,
});
export type ConsentsInput = z.output<typeof ConsentsSchema>;

/** "Notes du service": staff only, never shown to the family. */
export const StaffNotesSchema = z.object({
  personId: PersonIdSchema,
  staffNotes: optionalText("Notes du service", 4000),
});
