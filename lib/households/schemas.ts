import { z } from "zod";
import { REGIMES } from "@/lib/format";

// Field schemas for a household's address and resources, shared by every
// staff form that creates or edits a household.

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .optional()
    .transform((v) => (v ? v : null));

export const PostalCodeSchema = z
  .string({ error: "Indiquez le code postal." })
  .trim()
  .min(1, "Indiquez le code postal.")
  .regex(/^\d{5}$/, "Le code postal compte 5 chiffres (exemple : 34480).");

export const HouseholdAddressSchema = z.object({
  address1: z
    .string({ error: "Indiquez l'adresse." })
    .trim()
    .min(1, "Indiquez l'adresse.")
    .max(120, "L'adresse ne peut pas dépasser 120 caractères."),
  address2: optionalText(120, "Le complément d'adresse ne peut pas dépasser 120 caractères."),
  postalCode: PostalCodeSchema,
  city: z
    .string({ error: "Indiquez la ville." })
    .trim()
    .min(1, "Indiquez la ville.")
    .max(80, "La ville ne peut pas dépasser 80 caractères."),
});

/** The quotient familial, an integer; empty when the family has not given it. */
export const OptionalQfSchema = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    if (!/^\d{1,5}$/.test(v)) {
      ctx.addIssue({ code: "custom", message: "Le quotient familial est un nombre entier (exemple : 351)." });
      return z.NEVER;
    }
    return Number(v);
  });

export const OptionalRegimeSchema = z
  .enum(["", ...REGIMES], { error: "Choisissez un régime dans la liste." })
  .optional()
  .transform((v) => (v ? v : null));

export const HouseholdResourcesSchema = z.object({
  qf: OptionalQfSchema,
  regime: OptionalRegimeSchema,
});

export type HouseholdAddress = z.output<typeof HouseholdAddressSchema>;
export type HouseholdResources = z.output<typeof HouseholdResourcesSchema>;
