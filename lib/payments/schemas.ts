import { z } from "zod";
import { EmailSchema } from "@/lib/validation/fields";

export const ParentPaymentSchema = z.object({
  invoiceId: z.string().min(1, "Facture introuvable."),
});

export const PublicPaymentSchema = z.object({
  identifiant: z.string().trim().min(1, "Indiquez l'identifiant de paiement en ligne."),
  email: EmailSchema,
});
