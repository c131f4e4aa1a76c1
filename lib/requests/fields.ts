import { z } from "zod";
import { CIVILITY_LABELS, formatDay, labelOptions, QUALITY_LABELS, REGIME_LABELS } from "@/lib/format";
import { HouseholdAddressSchema } from "@/lib/households/schemas";

/**
 * The fields a request type asks the parent to fill, as staff define them
 * (RequestType.fields). "select" is only used by the built-in fields of
 * "Ajouter une personne de la famille".
 */
export type RequestField = {
  name: string;
  label: string;
  type: "text" | "textarea" | "date" | "number" | "select";
  required: boolean;
  options?: { value: string; label: string }[];
  /** What the browser may fill in (RGAA 11.13), for the fields the portal itself knows. */
  autoComplete?: string;
  /** The phone's keypad for a code made of digits. */
  inputMode?: "numeric";
};

const FieldSchema = z.object({
  name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/),
  label: z.string().min(1).max(120),
  type: z.enum(["text", "textarea", "date", "number", "select"]),
  required: z.boolean().default(false),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
});

/** Reads the stored JSON; a malformed entry is dropped rather than breaking the form. */
export function parseFields(json: unknown): RequestField[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((entry) => {
    const parsed = FieldSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

/** What the new member needs to exist; always asked, whatever the type's own fields. */
export const ADD_MEMBER_FIELDS: RequestField[] = [
  {
    name: "quality",
    label: "Qualité",
    type: "select",
    required: true,
    options: (["ENFANT", "CONJOINT", "AUTRE"] as const).map((value) => ({ value, label: QUALITY_LABELS[value] })),
  },
  {
    name: "civility",
    label: "Civ",
    type: "select",
    required: false,
    options: labelOptions(CIVILITY_LABELS),
  },
  { name: "lastName", label: "Nom de famille", type: "text", required: true },
  { name: "firstName", label: "Prénom", type: "text", required: true },
  { name: "birthDate", label: "Date de Naissance", type: "date", required: true },
];

/**
 * How the portal shows the fields it applies itself, whatever words staff
 * gave them: the address with the browser's address autofill (its two lines
 * are address-line1 and address-line2, the tokens for an address split in
 * lines; street-address is for a single multi-line box), codes made of
 * digits with the numeric keypad, the régime as the list of régimes (a
 * value outside it is refused, see validateRequestData).
 */
const KNOWN_FIELDS: Partial<Record<string, Record<string, Partial<RequestField>>>> = {
  CHANGE_ADDRESS: {
    address1: { autoComplete: "address-line1" },
    address2: { autoComplete: "address-line2" },
    postalCode: { autoComplete: "postal-code", inputMode: "numeric" },
    city: { autoComplete: "address-level2" },
  },
  UPDATE_QF: {
    qf: { inputMode: "numeric" },
    regime: { label: "Régime", type: "select", options: labelOptions(REGIME_LABELS) },
    cafNumber: { inputMode: "numeric" },
  },
};

export function fieldsFor(type: { action: string; fields: unknown }): RequestField[] {
  const own = parseFields(type.fields);
  const known = KNOWN_FIELDS[type.action];
  if (known) return own.map((field) => ({ ...field, ...known[field.name] }));
  if (type.action !== "ADD_MEMBER") return own;
  const builtIn = new Set(ADD_MEMBER_FIELDS.map((f) => f.name));
  return [...ADD_MEMBER_FIELDS, ...own.filter((f) => !builtIn.has(f.name))];
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function validDate(value: string) {
  if (!isoDate.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/**
 * A stored value as a person reads it, on the parent's and the staff's pages
 * alike: a list's label rather than its code, a date as "02/07/1983" rather
 * than the "1983-07-02" the form posts. A value that is not a valid date
 * (typed before the field became one) is shown as it was stored.
 */
export function fieldDisplayValue(field: RequestField, value: string): string {
  if (field.type === "date") return validDate(value) ? formatDay(value) : value;
  return field.options?.find((o) => o.value === value)?.label ?? value;
}

/** Civil date "YYYY-MM-DD" as stored in a @db.Date column (midnight UTC). */
export function civilDate(value: string): Date {
  return new Date(`${value}T00:00:00Z`);
}

const ActionSchemas = {
  CHANGE_ADDRESS: HouseholdAddressSchema,
  UPDATE_QF: z.object({
    qf: z.string().regex(/^\d{1,5}$/, "Le quotient familial est un nombre entier (exemple : 351)."),
    regime: z
      .string()
      .trim()
      .transform((v) => {
        const upper = v.toUpperCase();
        return upper === "RG" || upper === "MSA" ? upper : "AUTRE";
      }),
    validUntil: z.string().refine(validDate, "Indiquez une date valide."),
    cafNumber: z.string().trim().max(20, "Le numéro allocataire ne peut pas dépasser 20 caractères.").optional(),
  }),
  ADD_MEMBER: z.object({
    quality: z.enum(["ENFANT", "CONJOINT", "AUTRE"], { error: "Choisissez la qualité dans la liste." }),
    civility: z
      .enum(["", "M", "MME"], { error: "Choisissez la civilité dans la liste." })
      .optional()
      .transform((v) => v || undefined),
    lastName: z.string().trim().min(1, "Indiquez le nom de famille.").max(80),
    firstName: z.string().trim().min(1, "Indiquez le prénom.").max(80),
    birthDate: z.string().refine(validDate, "Indiquez une date de naissance valide."),
  }),
} as const;

export type ActionData = {
  CHANGE_ADDRESS: z.output<(typeof ActionSchemas)["CHANGE_ADDRESS"]>;
  UPDATE_QF: z.output<(typeof ActionSchemas)["UPDATE_QF"]>;
  ADD_MEMBER: z.output<(typeof ActionSchemas)["ADD_MEMBER"]>;
};

export function parseActionData<A extends keyof ActionData>(action: A, data: unknown): ActionData[A] {
  return ActionSchemas[action].parse(data) as ActionData[A];
}

/**
 * Checks what the parent typed against the type's fields (and, for the
 * requests staff apply automatically, against what applying them needs, so
 * accepting never fails on a bad value). Returns the clean values or the
 * French message of each field in error.
 */
export function validateRequestData(
  type: { action: string; fields: unknown },
  raw: Record<string, unknown>,
): { data: Record<string, string>; errors: Record<string, string> } {
  const data: Record<string, string> = {};
  const errors: Record<string, string> = {};
  for (const field of fieldsFor(type)) {
    const value = typeof raw[field.name] === "string" ? (raw[field.name] as string).trim() : "";
    if (!value) {
      if (field.required) errors[field.name] = `Renseignez le champ « ${field.label} ».`;
      continue;
    }
    const max = field.type === "textarea" ? 2000 : 200;
    if (value.length > max) errors[field.name] = `Le champ « ${field.label} » ne peut pas dépasser ${max} caractères.`;
    else if (field.type === "number" && !/^\d{1,9}$/.test(value)) errors[field.name] = `Le champ « ${field.label} » attend un nombre entier.`;
    else if (field.type === "date" && !validDate(value)) errors[field.name] = `Le champ « ${field.label} » attend une date valide.`;
    else if (field.type === "select" && field.options && !field.options.some((o) => o.value === value))
      errors[field.name] = `Choisissez « ${field.label} » dans la liste.`;
    else data[field.name] = value;
  }
  if (Object.keys(errors).length === 0 && type.action in ActionSchemas) {
    const parsed = ActionSchemas[type.action as keyof typeof ActionSchemas].safeParse(data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "_form")] ??= issue.message;
    }
  }
  return { data, errors };
}
