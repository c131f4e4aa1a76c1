import { z } from "zod";
import { isDay, parisDay, type Day } from "@/lib/dates";
import { INACCESSIBLE_REASONS as REASONS } from "@/lib/format/labels";
import type { InaccessibleReason } from "@/lib/generated/prisma/client";
import { RGAA_CRITERIA } from "./status";

export type NonAccessibleItem = { content: string; reason: InaccessibleReason; detail: string; alternative: string };
export type AuditedPage = { title: string; url: string };

/** What the staff form saves, and what the public page shows. */
export type DeclarationInput = {
  establishedOn: Day;
  auditDate: Day | null;
  auditor: string;
  criteriaMet: number | null;
  criteriaNotMet: number | null;
  criteriaNotApplicable: number | null;
  nonAccessible: NonAccessibleItem[];
  technologies: string[];
  testEnvironment: string[];
  tools: string[];
  pagesAudited: AuditedPage[];
  contactEmail: string;
  contactAddress: string;
  contactFormUrl: string | null;
  multiYearPlanUrl: string | null;
  actionPlanUrl: string | null;
};

/** Rows of the repeated fieldsets; the form offers fewer, so more is a forged post. */
export const MAX_ROWS = 30;
const MAX_LIST_ITEMS = 30;
const ROW_LISTS = ["nonAccessible", "pagesAudited"] as const;

/**
 * The form posts repeated fieldsets flat ("nonAccessible.2.content"): grouped
 * here into arrays by their index, so that zod's error paths come back as the
 * very field names and each message lands on its field.
 */
function groupRows(input: unknown): unknown {
  if (typeof input !== "object" || input === null) return input;
  const out: Record<string, unknown> = {};
  const rows: Record<string, Record<string, unknown>[]> = {};
  for (const [key, value] of Object.entries(input)) {
    const m = /^(nonAccessible|pagesAudited)\.(\d{1,3})\.(\w+)$/.exec(key);
    if (!m) {
      out[key] = value;
      continue;
    }
    const list = (rows[m[1]] ??= []);
    const index = Number(m[2]);
    while (list.length <= index) list.push({});
    list[index][m[3]] = value;
  }
  for (const name of ROW_LISTS) out[name] = rows[name] ?? [];
  return out;
}

const text = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().max(max, `Ce champ ne peut pas dépasser ${max} caractères.`));

/** A textarea read as a list: one item per line, blank lines ignored. */
const lines = (label: string) =>
  z
    .string()
    .optional()
    .transform((v) =>
      (v ?? "")
        .split(/\r?\n|\r/)
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().max(200, `Chaque ligne de « ${label} » doit tenir en 200 caractères.`))
        .max(MAX_LIST_ITEMS, `Indiquez au plus ${MAX_LIST_ITEMS} lignes dans « ${label} ».`),
    );

/**
 * An address on the web: absolute (https://…, the scheme added when staff
 * leave it out) or a page of this portal ("/accueil"). Empty gives null.
 */
const LinkSchema = z
  .string()
  .trim()
  .max(300, "Cette adresse ne peut pas dépasser 300 caractères.")
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    if (/^\/(?!\/)\S*$/.test(v)) return v;
    const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(v) ? v : `https://${v}`;
    try {
      const url = new URL(withScheme);
      if (!["http:", "https:"].includes(url.protocol) || !url.hostname.includes(".")) throw new Error("not a web page");
      return url.toString();
    } catch {
      ctx.addIssue({
        code: "custom",
        message: "Cette adresse n'est pas valide : une adresse web (https://www.ma-commune.fr/…) ou une page du portail (/accueil).",
      });
      return z.NEVER;
    }
  });

/** A date from a date input (aaaa-mm-jj) or typed as the portal writes it (jj/mm/aaaa); empty gives null. */
const DateSchema = z
  .string()
  .trim()
  .max(10, "Cette date n'est pas valide (jj/mm/aaaa).")
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
    const day = french ? `${french[3]}-${french[2].padStart(2, "0")}-${french[1].padStart(2, "0")}` : v;
    if (!isDay(day)) {
      ctx.addIssue({ code: "custom", message: "Cette date n'est pas valide (jj/mm/aaaa)." });
      return z.NEVER;
    }
    if (day > parisDay(new Date())) {
      ctx.addIssue({ code: "custom", message: "Cette date ne peut pas être dans le futur." });
      return z.NEVER;
    }
    return day;
  });

/** A count of criteria: a whole number from 0 to 106, or empty (no audit yet). */
const CountSchema = z
  .string()
  .trim()
  .max(4, `Indiquez un nombre entier entre 0 et ${RGAA_CRITERIA}.`)
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const n = /^\d+$/.test(v) ? Number(v) : NaN;
    if (!(n <= RGAA_CRITERIA)) {
      ctx.addIssue({ code: "custom", message: `Indiquez un nombre entier entre 0 et ${RGAA_CRITERIA}.` });
      return z.NEVER;
    }
    return n;
  });

const NonAccessibleRowSchema = z
  .object({
    content: text(300),
    reason: z.string().optional(),
    detail: text(2000),
    alternative: text(1000),
  })
  .superRefine((row, ctx) => {
    if (!row.content && !row.detail && !row.alternative) return; // a blank row: dropped below
    if (!row.content) ctx.addIssue({ code: "custom", path: ["content"], message: "Nommez le contenu non accessible." });
    if (!REASONS.includes(row.reason as InaccessibleReason)) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Choisissez la raison : non-conformité, dérogation ou charge disproportionnée." });
    }
  });

const PageRowSchema = z
  .object({ title: text(120), url: LinkSchema })
  .superRefine((row, ctx) => {
    if (!row.title && !row.url) return;
    if (!row.title) ctx.addIssue({ code: "custom", path: ["title"], message: "Indiquez le titre de la page." });
    if (!row.url) ctx.addIssue({ code: "custom", path: ["url"], message: "Indiquez l'adresse de la page (exemple : /accueil)." });
  });

/** The staff form, flat field names as posted. */
export const DeclarationSchema = z.preprocess(
  groupRows,
  z
    .object({
      establishedOn: DateSchema,
      auditDate: DateSchema,
      auditor: text(200),
      criteriaMet: CountSchema,
      criteriaNotMet: CountSchema,
      criteriaNotApplicable: CountSchema,
      nonAccessible: z.array(NonAccessibleRowSchema).max(MAX_ROWS, `Indiquez au plus ${MAX_ROWS} contenus non accessibles.`),
      technologies: lines("Technologies utilisées"),
      testEnvironment: lines("Environnement de test"),
      tools: lines("Outils"),
      pagesAudited: z.array(PageRowSchema).max(MAX_ROWS, `Indiquez au plus ${MAX_ROWS} pages.`),
      contactEmail: z
        .string({ error: "Indiquez l'adresse email de contact." })
        .trim()
        .min(1, "Indiquez l'adresse email de contact.")
        .max(254, "Cette adresse email est trop longue.")
        .pipe(z.email("Cette adresse email n'est pas valide (exemple : accessibilite@ma-commune.fr)."))
        .transform((v) => v.toLowerCase()),
      contactAddress: text(300).pipe(z.string().min(1, "Indiquez l'adresse postale de contact.")),
      contactFormUrl: LinkSchema,
      multiYearPlanUrl: LinkSchema,
      actionPlanUrl: LinkSchema,
    })
    .superRefine((v, ctx) => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
      if (!v.establishedOn) issue("establishedOn", "Indiquez la date à laquelle la déclaration a été établie.");
      const counts = [
        ["criteriaMet", v.criteriaMet],
        ["criteriaNotMet", v.criteriaNotMet],
        ["criteriaNotApplicable", v.criteriaNotApplicable],
      ] as const;
      const given = counts.filter(([, n]) => n !== null);
      if (given.length === 0) {
        if (v.auditDate) issue("criteriaMet", "Indiquez les résultats de cet audit, ou videz sa date s'il n'a pas eu lieu.");
        return;
      }
      for (const [name, n] of counts) {
        if (n === null) issue(name, "Indiquez aussi ce nombre (0 s'il n'y en a aucun), ou videz les trois s'il n'y a pas eu d'audit.");
      }
      const sum = given.reduce((total, [, n]) => total + (n ?? 0), 0);
      if (sum > RGAA_CRITERIA) {
        issue("criteriaMet", `Le RGAA 4.1 compte ${RGAA_CRITERIA} critères : les trois nombres en totalisent ${sum}.`);
      }
      if (!v.auditDate) issue("auditDate", "Indiquez la date de l'audit dont viennent ces résultats.");
      else if (v.establishedOn && v.auditDate > v.establishedOn) {
        issue("auditDate", "L'audit précède la déclaration : sa date ne peut pas suivre celle de la déclaration.");
      }
      if (!v.auditor) issue("auditor", "Indiquez qui a réalisé l'audit (le service lui-même ou un prestataire).");
    })
    .transform(
      (v): DeclarationInput => ({
        ...v,
        establishedOn: v.establishedOn as Day,
        nonAccessible: v.nonAccessible
          .filter((row) => row.content)
          .map((row) => ({ content: row.content, reason: row.reason as InaccessibleReason, detail: row.detail, alternative: row.alternative })),
        pagesAudited: v.pagesAudited.filter((row) => row.title).map((row) => ({ title: row.title, url: row.url as string })),
      }),
    ),
);

/** French names of the declaration's parts, for the journal. */
export const DECLARATION_FIELD_LABELS: Record<keyof DeclarationInput, string> = {
  establishedOn: "date de la déclaration",
  auditDate: "date de l'audit",
  auditor: "auteur de l'audit",
  criteriaMet: "critères respectés",
  criteriaNotMet: "critères non respectés",
  criteriaNotApplicable: "critères non applicables",
  nonAccessible: "contenus non accessibles",
  technologies: "technologies",
  testEnvironment: "environnement de test",
  tools: "outils",
  pagesAudited: "pages auditées",
  contactEmail: "email de contact",
  contactAddress: "adresse postale de contact",
  contactFormUrl: "formulaire de contact",
  multiYearPlanUrl: "schéma pluriannuel",
  actionPlanUrl: "plan d'action",
};
