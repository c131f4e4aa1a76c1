import { z } from "zod";
import { CIVILITIES } from "@/lib/format";

// Named field schemas, reused by every form that has the field, on both the
// browser (react-hook-form) and the server (actions).

export const EmailSchema = z
  .string({ error: "Indiquez votre adresse email." })
  .trim()
  .min(1, "Indiquez votre adresse email.")
  .max(254, "Cette adresse email est trop longue.")
  .pipe(z.email("Cette adresse email n'est pas valide (exemple : dupont@gmail.com)."))
  .transform((v) => v.toLowerCase());

export const PASSWORD_MIN = 10;

export const PasswordSchema = z
  .string({ error: "Choisissez un mot de passe." })
  .min(PASSWORD_MIN, `Le mot de passe doit contenir au moins ${PASSWORD_MIN} caractères.`)
  .max(128, "Le mot de passe ne peut pas dépasser 128 caractères.")
  .refine((v) => /[A-Za-zÀ-ÿ]/.test(v) && /\d/.test(v), "Le mot de passe doit contenir au moins une lettre et un chiffre.");

export const NameSchema = (label: string) =>
  z
    .string({ error: `Indiquez votre ${label}.` })
    .trim()
    .min(1, `Indiquez votre ${label}.`)
    .max(80, `Le ${label} ne peut pas dépasser 80 caractères.`)
    .regex(/^[\p{L}][\p{L}' .-]*$/u, `Le ${label} ne peut contenir que des lettres, espaces, apostrophes et tirets.`);

export const CivilitySchema = z.enum(CIVILITIES, { error: "Choisissez une civilité." });

/** French numbers: 10 digits starting with 0, or +33 followed by 9 digits; stored as "06 12 34 56 78". */
export const OptionalPhoneSchema = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return undefined;
    let digits = v.replace(/[\s.\-()]/g, "");
    if (digits.startsWith("+33")) digits = "0" + digits.slice(3);
    else if (digits.startsWith("0033")) digits = "0" + digits.slice(4);
    if (!/^0[1-9]\d{8}$/.test(digits)) {
      ctx.addIssue({ code: "custom", message: "Ce numéro n'est pas valide (10 chiffres, exemple : 06 06 06 06 06)." });
      return z.NEVER;
    }
    return digits.replace(/(\d{2})(?=\d)/g, "$1 ");
  });

/** A birth date typed in an <input type="date"> (yyyy-mm-dd), in the past, at most 120 years ago. */
export const BirthDateSchema = z
  .string({ error: "Indiquez votre date de naissance." })
  .trim()
  .min(1, "Indiquez votre date de naissance.")
  .regex(/^\d{4}-\d{2}-\d{2}$/, "La date de naissance n'est pas valide.")
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) return false;
    const year = d.getUTCFullYear();
    return d < new Date() && year > new Date().getUTCFullYear() - 120;
  }, "La date de naissance n'est pas valide.");

export const LoginSchema = z.object({
  login: z.string().trim().min(1, "Indiquez votre identifiant ou votre email.").max(254),
  password: z.string().min(1, "Indiquez votre mot de passe.").max(128),
});
