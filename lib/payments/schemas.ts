import { z } from "zod";
import { EmailSchema } from "@/lib/validation/fields";

export const ParentPaymentSchema = z.object({
  invoiceId: z.string().min(1, "Facture introuvable."),
});

export const PublicPaymentSchema = z.object({
  identifiant: z.string().trim().min(1, "Indiquez l'identifiant de paiement en ligne."),
  email: EmailSchema,
});

export const IdentifierSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z2-7]{20}$/, "Cet identifiant n'est pas valide : il compte 20 caractères (lettres et chiffres), comme imprimé sur la facture.");
