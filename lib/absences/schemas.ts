import { z } from "zod";
import { ABSENCE_REASONS } from "@/lib/format/labels";

// Shared by the parent's form, its action and the staff's decision; no
// server code here, so a client component may read the messages.

const IdSchema = z.string().trim().min(1).max(100);

/** "Signaler une absence": the days (one or more children), the reason, an optional comment and certificate. */
export const ReportAbsenceSchema = z.object({
  bookingIds: z.array(IdSchema, { error: "Choisissez au moins un jour d'absence." }).min(1, "Choisissez au moins un jour d'absence.").max(62, "Choisissez au plus 62 jours à la fois."),
  reason: z.enum(ABSENCE_REASONS, { error: "Choisissez le motif de l'absence." }),
  comment: z
    .string()
    .trim()
    .max(500, "Le commentaire ne doit pas dépasser 500 caractères.")
    .optional()
    .transform((v) => v || undefined),
  /** The certificate already uploaded by the upload component, attached by the action. */
  certificate: z
    .object({ fileId: z.string().min(1, "Ajoutez le fichier."), claim: z.string().min(1, "Ajoutez le fichier.") })
    .optional(),
});
export type ReportAbsenceInput = z.infer<typeof ReportAbsenceSchema>;

/** Staff's decision on one report: a refusal says why. */
export const DecideAbsenceSchema = z
  .object({
    reportId: IdSchema,
    decision: z.enum(["approve", "refuse"], { error: "Choisissez d'accepter ou de refuser." }),
    refusalReason: z
      .string()
      .trim()
      .max(300, "Le motif ne doit pas dépasser 300 caractères.")
      .optional()
      .transform((v) => v || undefined),
  })
  .refine((v) => v.decision === "approve" || !!v.refusalReason, { path: ["refusalReason"], message: "Indiquez le motif du refus." });
export type DecideAbsenceInput = z.infer<typeof DecideAbsenceSchema>;
