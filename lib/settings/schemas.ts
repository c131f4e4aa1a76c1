import { z } from "zod";
import { REGIMES } from "@/lib/format";
import { PostalCodeSchema } from "@/lib/households/schemas";
import { OptionalPhoneSchema } from "@/lib/validation/fields";
import { WEEKDAYS, type SettingsDto, type Weekday } from "./index";

const MAX_RANGES = 4;

/**
 * Reads one day's opening hours as staff type them ("08:00-12:00 13:30-17:30",
 * also "8h-12h", "8:00 - 12:00; 13:30-17:30") and writes them back in the
 * portal's one format. Empty means closed. Ranges must be real times, in
 * order and apart, so the public footer never shows nonsense.
 */
export function parseOpeningHours(text: string): { ok: true; value: string } | { ok: false; message: string } {
  const normalized = text
    .trim()
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/\s*-\s*/g, "-");
  if (!normalized) return { ok: true, value: "" };
  const parts = normalized.split(/[\s,;/]+|\s+et\s+/i).filter(Boolean);
  if (parts.length > MAX_RANGES) {
    return { ok: false, message: `Indiquez au plus ${MAX_RANGES} plages horaires par jour.` };
  }
  const ranges: [number, number][] = [];
  for (const part of parts) {
    const m = /^(\d{1,2})(?:[:hH](\d{2})?)?-(\d{1,2})(?:[:hH](\d{2})?)?$/.exec(part);
    if (!m) {
      return {
        ok: false,
        message: `« ${part} » n'est pas une plage horaire : écrivez par exemple 08:00-12:00 13:30-17:30, ou laissez vide si fermé.`,
      };
    }
    const [start, end] = [
      [Number(m[1]), Number(m[2] ?? 0)],
      [Number(m[3]), Number(m[4] ?? 0)],
    ];
    if (start[0] > 23 || end[0] > 24 || start[1] > 59 || end[1] > 59 || (end[0] === 24 && end[1] !== 0)) {
      return { ok: false, message: `« ${part} » contient une heure qui n'existe pas.` };
    }
    const from = start[0] * 60 + start[1];
    const to = end[0] * 60 + end[1];
    if (from >= to) return { ok: false, message: `« ${part} » : l'heure de fin doit suivre l'heure de début.` };
    const previous = ranges.at(-1);
    if (previous && from < previous[1]) {
      return { ok: false, message: "Les plages horaires doivent se suivre dans l'ordre sans se chevaucher." };
    }
    ranges.push([from, to]);
  }
  const hhmm = (minutes: number) =>
    `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  return { ok: true, value: ranges.map(([from, to]) => `${hhmm(from)}-${hhmm(to)}`).join(" ") };
}

export const OpeningHoursSchema = z
  .string()
  .max(100, "Ce champ ne peut pas dépasser 100 caractères.")
  .optional()
  .transform((v, ctx) => {
    const parsed = parseOpeningHours(v ?? "");
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.message });
      return z.NEVER;
    }
    return parsed.value;
  });

const required = (label: string, max: number) =>
  z
    .string({ error: `Indiquez ${label}.` })
    .trim()
    .min(1, `Indiquez ${label}.`)
    .max(max, `Ce champ ne peut pas dépasser ${max} caractères.`);

/** The public pages' texts: plain text, a blank line between paragraphs. */
const longText = (label: string) =>
  z
    .string({ error: `Renseignez ${label}.` })
    .transform((v) => v.replace(/\r\n?/g, "\n").trim())
    .pipe(
      z
        .string()
        .min(1, `Renseignez ${label} : la page publique ne peut pas rester vide.`)
        .max(50_000, "Ce texte ne peut pas dépasser 50 000 caractères."),
    );

const WebsiteSchema = z
  .string()
  .trim()
  .max(200, "L'adresse du site ne peut pas dépasser 200 caractères.")
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const withScheme = /^https?:\/\//i.test(v) ? v : `https://${v}`;
    try {
      const url = new URL(withScheme);
      if (!url.hostname.includes(".")) throw new Error("no domain");
      return url.toString();
    } catch {
      ctx.addIssue({ code: "custom", message: "L'adresse du site n'est pas valide (exemple : https://www.ma-commune.fr)." });
      return z.NEVER;
    }
  });

/** A SIRET as staff paste it ("213 401 234 00017"): 14 digits passing the Luhn check. */
export const SiretSchema = z
  .string()
  .trim()
  .max(20, "Le SIRET compte 14 chiffres.")
  .optional()
  .transform((v, ctx) => {
    const digits = (v ?? "").replace(/[\s.]/g, "");
    if (!digits) return "";
    if (!/^\d{14}$/.test(digits)) {
      ctx.addIssue({ code: "custom", message: "Le SIRET compte 14 chiffres (exemple : 213 401 234 00017)." });
      return z.NEVER;
    }
    if (!luhn(digits)) {
      ctx.addIssue({ code: "custom", message: "Ce SIRET n'existe pas : vérifiez les 14 chiffres (clé de contrôle)." });
      return z.NEVER;
    }
    return digits;
  });

/** The SIRET's control key; La Poste's establishments (SIREN 356 000 000) follow another rule. */
function luhn(digits: string): boolean {
  if (digits.startsWith("356000000")) return [...digits].reduce((sum, d) => sum + Number(d), 0) % 5 === 0;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const PaymentTermSchema = z
  .string({ error: "Indiquez le délai de paiement en jours." })
  .trim()
  .regex(/^\d{1,3}$/, "Indiquez le délai de paiement en jours, entre 1 et 90.")
  .transform(Number)
  .refine((n) => n >= 1 && n <= 90, "Indiquez le délai de paiement en jours, entre 1 et 90.");

/** One town per line, blank lines and repeats dropped. */
const ResidentCitiesSchema = z
  .string()
  .optional()
  .transform((v) => [...new Set((v ?? "").split(/\r?\n/).map((t) => t.trim().replace(/\s+/g, " ")).filter(Boolean))])
  .refine((towns) => towns.length <= 200, "200 communes au plus.")
  .refine((towns) => towns.every((t) => t.length <= 80), "Une commune par ligne, 80 caractères au plus chacune.");

/** A form without the field (an older page still open) keeps the schema's 48 hours. */
const WaitlistOfferHoursSchema = z.preprocess(
  (v) => (v === undefined ? "48" : v),
  z
    .string({ error: "Indiquez la durée d'une proposition en heures." })
    .trim()
    .regex(/^\d{1,3}$/, "Indiquez la durée d'une proposition en heures, entre 1 et 336.")
    .transform(Number)
    .refine((n) => n >= 1 && n <= 336, "Indiquez la durée d'une proposition en heures, entre 1 et 336."),
);

/**
 * A retention period in whole months or years, bounded. A form without the
 * field (an older page still open) keeps the schema's default.
 */
const retentionField = (what: string, unit: "mois" | "ans", min: number, max: number, fallback: number) => {
  const message = `Indiquez ${what} en ${unit}, entre ${min} et ${max}.`;
  return z.preprocess(
    (v) => (v === undefined ? String(fallback) : v),
    z
      .string({ error: message })
      .trim()
      .regex(/^\d{1,3}$/, message)
      .transform(Number)
      .refine((n) => n >= min && n <= max, message),
  );
};

/** The QF that prices households without a valid one: empty = the grid's highest bracket. */
const DefaultQfSchema = z
  .string()
  .trim()
  .max(6, "Indiquez un quotient familial entre 0 et 99 999, ou laissez vide.")
  .optional()
  .transform((v, ctx) => {
    const text = (v ?? "").replace(/\s/g, "");
    if (!text) return null;
    if (!/^\d{1,5}$/.test(text)) {
      ctx.addIssue({ code: "custom", message: "Indiquez un quotient familial entre 0 et 99 999 (chiffres seulement), ou laissez vide." });
      return z.NEVER;
    }
    return Number(text);
  });

export const hoursField = (day: Weekday) => `hours_${day}` as const;

const hoursShape = Object.fromEntries(WEEKDAYS.map((day) => [hoursField(day), OpeningHoursSchema])) as Record<
  `hours_${Weekday}`,
  typeof OpeningHoursSchema
>;

/** The settings form: flat field names, shaped into the settings on success. */
export const SettingsSchema = z
  .object({
    name: required("le nom de la collectivité", 120),
    portalName: required("le nom du portail", 60),
    address1: required("l'adresse", 120),
    address2: z
      .string()
      .trim()
      .max(120, "Ce champ ne peut pas dépasser 120 caractères.")
      .optional()
      .transform((v) => v || null),
    postalCode: PostalCodeSchema,
    city: required("la ville", 80),
    phone: OptionalPhoneSchema.refine((v) => v !== undefined, "Indiquez le numéro de téléphone du service."),
    email: z
      .string({ error: "Indiquez l'adresse email du service." })
      .trim()
      .min(1, "Indiquez l'adresse email du service.")
      .max(254, "Cette adresse email est trop longue.")
      .pipe(z.email("Cette adresse email n'est pas valide (exemple : jeunesse@ma-commune.fr)."))
      .transform((v) => v.toLowerCase()),
    website: WebsiteSchema,
    regieName: required("le nom de la régie", 120),
    regieReference: z.string().trim().max(40, "Ce champ ne peut pas dépasser 40 caractères.").optional().transform((v) => v ?? ""),
    siret: SiretSchema,
    paymentTermDays: PaymentTermSchema,
    legalNotice: longText("les mentions légales"),
    accessibility: longText("les informations complémentaires sur l'accessibilité"),
    cgu: longText("les conditions générales d'utilisation"),
    userGuide: longText("la notice d'utilisation"),
    defaultTariffRegime: z.enum(REGIMES, { error: "Choisissez le régime appliqué aux familles sans régime." }),
    defaultTariffQf: DefaultQfSchema,
    residentCities: ResidentCitiesSchema,
    waitlistOfferHours: WaitlistOfferHoursSchema,
    retentionIdentityMonths: retentionField("la conservation de la pièce d'identité", "mois", 0, 12, 1),
    retentionReplacedDocumentMonths: retentionField("la conservation des documents remplacés ou refusés", "mois", 0, 24, 3),
    retentionExpiredDocumentMonths: retentionField("la conservation des documents expirés", "mois", 0, 60, 12),
    // Accounting law (article L102 B du livre des procédures fiscales, code de commerce) asks for at least 6 and 10 years.
    retentionAccountingYears: retentionField("la conservation des factures et paiements", "ans", 10, 30, 10),
    retentionAuditYears: retentionField("la conservation du journal", "ans", 1, 10, 5),
    ...hoursShape,
  })
  .transform((v): SettingsDto => {
    const openingHours: SettingsDto["openingHours"] = {};
    for (const day of WEEKDAYS) {
      const hours = v[hoursField(day)];
      if (hours) openingHours[day] = hours;
    }
    return {
      name: v.name,
      portalName: v.portalName,
      address1: v.address1,
      address2: v.address2,
      postalCode: v.postalCode,
      city: v.city,
      phone: v.phone as string,
      email: v.email,
      website: v.website,
      openingHours,
      regieName: v.regieName,
      regieReference: v.regieReference,
      siret: v.siret,
      paymentTermDays: v.paymentTermDays,
      legalNotice: v.legalNotice,
      accessibility: v.accessibility,
      cgu: v.cgu,
      userGuide: v.userGuide,
      defaultTariffRegime: v.defaultTariffRegime,
      defaultTariffQf: v.defaultTariffQf,
      residentCities: v.residentCities,
      waitlistOfferHours: v.waitlistOfferHours,
      retentionIdentityMonths: v.retentionIdentityMonths,
      retentionReplacedDocumentMonths: v.retentionReplacedDocumentMonths,
      retentionExpiredDocumentMonths: v.retentionExpiredDocumentMonths,
      retentionAccountingYears: v.retentionAccountingYears,
      retentionAuditYears: v.retentionAuditYears,
    };
  });

export type SettingsInput = z.output<typeof SettingsSchema>;

/** French names of the settings, for the journal. */
export const SETTINGS_FIELD_LABELS: Record<keyof SettingsDto, string> = {
  name: "nom de la collectivité",
  portalName: "nom du portail",
  address1: "adresse",
  address2: "complément d'adresse",
  postalCode: "code postal",
  city: "ville",
  phone: "téléphone",
  email: "email",
  website: "site web",
  openingHours: "horaires d'accueil",
  regieName: "nom de la régie",
  regieReference: "référence de la régie",
  siret: "SIRET",
  paymentTermDays: "délai de paiement",
  legalNotice: "mentions légales",
  accessibility: "informations complémentaires sur l'accessibilité",
  cgu: "CGU",
  userGuide: "notice d'utilisation",
  defaultTariffRegime: "régime des familles sans régime",
  defaultTariffQf: "QF des familles sans quotient familial",
  residentCities: "communes des résidents",
  waitlistOfferHours: "durée d'une proposition de la liste d'attente",
  retentionIdentityMonths: "conservation de la pièce d'identité",
  retentionReplacedDocumentMonths: "conservation des documents remplacés ou refusés",
  retentionExpiredDocumentMonths: "conservation des documents expirés",
  retentionAccountingYears: "conservation des factures et paiements",
  retentionAuditYears: "conservation du journal",
};
