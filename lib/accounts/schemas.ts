import { z } from "zod";
import {
  BirthDateSchema,
  CivilitySchema,
  EmailSchema,
  NameSchema,
  OptionalPhoneSchema,
  PasswordSchema,
} from "@/lib/validation/fields";

const RegistrationFields = z.object({
    civility: CivilitySchema,
    birthDate: BirthDateSchema,
    lastName: NameSchema("nom de famille"),
    firstName: NameSchema("prénom"),
    phone: OptionalPhoneSchema,
    mobile: OptionalPhoneSchema,
    email: EmailSchema,
    fileId: z.string({ error: "La pièce d'identité est obligatoire." }).min(1, "La pièce d'identité est obligatoire."),
    fileClaim: z.string({ error: "La pièce d'identité est obligatoire." }).min(1, "La pièce d'identité est obligatoire."),
    password: PasswordSchema,
    passwordConfirmation: z.string(),
    acceptCgu: z
      .boolean({ error: "Vous devez accepter les conditions générales d'utilisation." })
      .refine((v) => v, "Vous devez accepter les conditions générales d'utilisation."),
});

function crossChecks(v: { phone?: string; mobile?: string; password: string; passwordConfirmation: string }, ctx: z.RefinementCtx) {
    if (!v.phone && !v.mobile) {
      ctx.addIssue({ code: "custom", path: ["phone"], message: "Indiquez au moins un numéro de téléphone (fixe ou portable)." });
    }
    if (v.password !== v.passwordConfirmation) {
      ctx.addIssue({
        code: "custom",
        path: ["passwordConfirmation"],
        message: "Les deux mots de passe ne sont pas identiques.",
      });
    }
}

/** The registration form: one schema for the browser and the server. */
export const RegistrationSchema = RegistrationFields.superRefine(crossChecks);

export type RegistrationInput = z.input<typeof RegistrationSchema>;
export type Registration = z.output<typeof RegistrationSchema>;

/** Same form in the browser, before the document is uploaded: the file is checked separately. */
export const RegistrationFormSchema = RegistrationFields.extend({
  fileId: z.string().optional(),
  fileClaim: z.string().optional(),
}).superRefine(crossChecks);

export const ResetRequestSchema = z.object({
  login: z.string().trim().min(1, "Indiquez votre identifiant ou votre email.").max(254),
});

export const NewPasswordSchema = z
  .object({
    token: z.string().min(1, "Ce lien n'est pas valide."),
    password: PasswordSchema,
    passwordConfirmation: z.string(),
  })
  .refine((v) => v.password === v.passwordConfirmation, {
    path: ["passwordConfirmation"],
    message: "Les deux mots de passe ne sont pas identiques.",
  });

export type RegistrationFormInput = z.input<typeof RegistrationFormSchema>;
export type RegistrationFormValues = z.output<typeof RegistrationFormSchema>;
