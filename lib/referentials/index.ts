import "server-only";
import { assertActor } from "@/lib/auth/roles";
import { z } from "zod";
import { recordAudit, type Actor, type AuditTargetType } from "@/lib/audit";
import { getDb, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { REQUEST_ACTIONS } from "@/lib/format";
import { Prisma, type RequestAction } from "@/lib/generated/prisma/client";
import { parseFields, type RequestField } from "@/lib/requests/fields";

/**
 * The lists staff maintain: school sites and their classes, document types,
 * and the natures of démarches. Every change is audited.
 */

const text = (label: string, max: number) =>
  z
    .string({ error: `Indiquez ${label}.` })
    .trim()
    .min(1, `Indiquez ${label}.`)
    .max(max, `${label[0].toUpperCase()}${label.slice(1)} ne peut pas dépasser ${max} caractères.`);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || null);
const Code = z
  .string({ error: "Indiquez le code." })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9_]{1,39}$/, "Le code s'écrit en majuscules, chiffres et _ (exemple : ATTESTATION_CAF).");

export const SiteSchema = z.object({ name: text("le nom du site", 80), address: optionalText(160) });
export const SchoolClassSchema = z.object({
  siteId: z.string().min(1, "Choisissez le site."),
  name: text("le nom de la classe", 60),
  teacher: optionalText(80),
});
/** Months a validated document of the type counts; empty = without end. */
const ValidityMonths = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() : v) || null,
  z.coerce
    .number({ error: "Durée de validité : un nombre de mois." })
    .int("Durée de validité : un nombre entier de mois.")
    .min(1, "Durée de validité : 1 mois au moins.")
    .max(120, "Durée de validité : 120 mois au plus.")
    .nullable(),
);
export const DocumentTypeSchema = z.object({
  code: Code,
  label: text("l'intitulé", 120),
  description: optionalText(300),
  validityMonths: ValidityMonths,
});
export const DocumentTypeValiditySchema = z.object({ id: z.string().min(1), validityMonths: ValidityMonths });
export const DietSchema = z.object({ label: text("le nom du régime", 60) });
export const DietRenameSchema = DietSchema.extend({ id: z.string().min(1) });
export const ToggleSchema = z.object({ id: z.string().min(1), active: z.enum(["true", "false"]).transform((v) => v === "true") });


/** Extra fields as staff type them: one per line, "name | Libellé | type | obligatoire". */
export function parseFieldLines(lines: string): { fields: RequestField[]; error: string | null } {
  const fields: RequestField[] = [];
  for (const [i, raw] of lines.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line) continue;
    const [name, label, type = "text", required = ""] = line.split("|").map((p) => p.trim());
    const parsed = parseFields([{ name, label, type, required: /^(oui|obligatoire|true)$/i.test(required) }]);
    if (parsed.length !== 1 || type === "select") {
      return { fields: [], error: `Ligne ${i + 1} : écrivez « nom | Libellé | text, textarea, date ou number | obligatoire ».` };
    }
    fields.push(parsed[0]);
  }
  return { fields, error: null };
}

export const RequestTypeSchema = z
  .object({
    code: Code,
    label: text("l'intitulé", 120),
    description: optionalText(300),
    service: text("le service", 80),
    action: z.enum(REQUEST_ACTIONS, { error: "Choisissez l'effet de la demande." }),
    needsMember: z
      .string()
      .optional()
      .transform((v) => v === "on" || v === "true"),
    documentTypeId: z
      .string()
      .optional()
      .transform((v) => v || null),
    fields: z.string().max(4000).optional().default(""),
  })
  .transform((data, ctx) => {
    const { fields, error } = parseFieldLines(data.fields);
    if (error) {
      ctx.addIssue({ code: "custom", path: ["fields"], message: error });
      return z.NEVER;
    }
    return { ...data, fields };
  });

async function audit(tx: Tx, actor: Actor, targetType: AuditTargetType, targetId: string, label: string, change: string) {
  await recordAudit(tx, { actorId: actor.id, action: "referential.update", targetType, targetId, details: { label, change } });
}

function duplicate(error: unknown, message: string): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("CONFLICT", message);
  throw error;
}

export async function createSite({ actor, name, address }: { actor: Actor } & z.output<typeof SiteSchema>) {
  assertActor(actor, "staff");
  const db = await getDb();
  return db
    .$transaction(async (tx) => {
      const site = await tx.site.create({ data: { name, address } });
      await audit(tx, actor, "Site", site.id, name, "création");
      return site;
    })
    .catch((e: unknown) => duplicate(e, "Un site porte déjà ce nom."));
}

export async function createSchoolClass({ actor, siteId, name, teacher }: { actor: Actor } & z.output<typeof SchoolClassSchema>) {
  assertActor(actor, "staff");
  const db = await getDb();
  return db
    .$transaction(async (tx) => {
      const site = await tx.site.findUnique({ where: { id: siteId }, select: { name: true } });
      if (!site) throw new AppError("INVALID", "Choisissez le site.", { siteId: "Choisissez le site." });
      const created = await tx.schoolClass.create({ data: { siteId, name, teacher } });
      await audit(tx, actor, "SchoolClass", created.id, `${name} (${site.name})`, "création");
      return created;
    })
    .catch((e: unknown) => duplicate(e, "Ce site a déjà une classe de ce nom."));
}

export async function createDocumentType({
  actor,
  code,
  label,
  description,
  validityMonths = null,
}: { actor: Actor } & Omit<z.output<typeof DocumentTypeSchema>, "validityMonths"> & { validityMonths?: number | null }) {
  assertActor(actor, "staff");
  const db = await getDb();
  return db
    .$transaction(async (tx) => {
      const last = await tx.documentType.aggregate({ _max: { sortOrder: true } });
      const created = await tx.documentType.create({ data: { code, label, description, validityMonths, sortOrder: (last._max.sortOrder ?? 0) + 1 } });
      await audit(tx, actor, "DocumentType", created.id, label, "création");
      return created;
    })
    .catch((e: unknown) => duplicate(e, "Un type de document porte déjà ce code."));
}

export async function setDocumentTypeActive({ actor, id, active }: { actor: Actor; id: string; active: boolean }) {
  assertActor(actor, "staff");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const row = await tx.documentType.update({ where: { id }, data: { active } }).catch(() => null);
    if (!row) throw new AppError("NOT_FOUND", "Type de document introuvable.");
    await audit(tx, actor, "DocumentType", id, row.label, active ? "réactivé" : "désactivé");
  });
}

/** The yearly update asks again for a validated document once this many months passed; null = never. */
export async function setDocumentTypeValidity({ actor, id, validityMonths }: { actor: Actor; id: string; validityMonths: number | null }) {
  assertActor(actor, "staff");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const before = await tx.documentType.findUnique({ where: { id }, select: { validityMonths: true } });
    if (!before) throw new AppError("NOT_FOUND", "Type de document introuvable.");
    if (before.validityMonths === validityMonths) return;
    const row = await tx.documentType.update({ where: { id }, data: { validityMonths } });
    await audit(tx, actor, "DocumentType", id, row.label, validityMonths == null ? "validité sans limite" : `validité ${validityMonths} mois`);
  });
}

async function auditDiet(tx: Tx, actor: Actor, id: string, label: string, change: string) {
  await recordAudit(tx, { actorId: actor.id, action: "diet.save", targetType: "Diet", targetId: id, details: { label, change } });
}

/** A diet families may tick on a child's health file. */
export async function createDiet({ actor, label }: { actor: Actor } & z.output<typeof DietSchema>) {
  assertActor(actor, "staff");
  const db = await getDb();
  return db
    .$transaction(async (tx) => {
      const last = await tx.diet.aggregate({ _max: { sortOrder: true } });
      const diet = await tx.diet.create({ data: { label, sortOrder: (last._max.sortOrder ?? 0) + 1 } });
      await auditDiet(tx, actor, diet.id, label, "création");
      return diet;
    })
    .catch((e: unknown) => duplicate(e, "Un régime porte déjà ce nom."));
}

/** Renamed, a diet keeps the children who follow it. */
export async function renameDiet({ actor, id, label }: { actor: Actor } & z.output<typeof DietRenameSchema>) {
  assertActor(actor, "staff");
  const db = await getDb();
  await db
    .$transaction(async (tx) => {
      const before = await tx.diet.findUnique({ where: { id }, select: { label: true } });
      if (!before) throw new AppError("NOT_FOUND", "Régime introuvable.");
      if (before.label === label) return;
      await tx.diet.update({ where: { id }, data: { label } });
      await auditDiet(tx, actor, id, label, `renommé (était « ${before.label} »)`);
    })
    .catch((e: unknown) => duplicate(e, "Un régime porte déjà ce nom."));
}

/** A deactivated diet is no longer offered; children who follow it keep it on their file and the lists. */
export async function setDietActive({ actor, id, active }: { actor: Actor; id: string; active: boolean }) {
  assertActor(actor, "staff");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const row = await tx.diet.update({ where: { id }, data: { active } }).catch(() => null);
    if (!row) throw new AppError("NOT_FOUND", "Régime introuvable.");
    await auditDiet(tx, actor, id, row.label, active ? "réactivé" : "désactivé");
  });
}

export async function createRequestType({
  actor,
  documentTypeId,
  ...data
}: { actor: Actor } & z.output<typeof RequestTypeSchema>) {
  assertActor(actor, "staff");
  const db = await getDb();
  return db
    .$transaction(async (tx) => {
      const last = await tx.requestType.aggregate({ _max: { sortOrder: true } });
      const created = await tx.requestType.create({
        data: {
          ...data,
          fields: data.fields,
          sortOrder: (last._max.sortOrder ?? 0) + 1,
          ...(documentTypeId ? { documentTypes: { connect: [{ id: documentTypeId }] } } : {}),
        },
      });
      await audit(tx, actor, "RequestType", created.id, data.label, "création");
      return created;
    })
    .catch((e: unknown) => duplicate(e, "Une démarche porte déjà ce code."));
}

export async function setRequestTypeActive({ actor, id, active }: { actor: Actor; id: string; active: boolean }) {
  assertActor(actor, "staff");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const row = await tx.requestType.update({ where: { id }, data: { active } }).catch(() => null);
    if (!row) throw new AppError("NOT_FOUND", "Démarche introuvable.");
    await audit(tx, actor, "RequestType", id, row.label, active ? "réactivée" : "désactivée");
  });
}

export type ReferentialsDto = {
  sites: { id: string; name: string; address: string | null; classes: { id: string; name: string; teacher: string | null; pupils: number }[] }[];
  documentTypes: { id: string; code: string; label: string; description: string | null; active: boolean; validityMonths: number | null }[];
  diets: { id: string; label: string; active: boolean; children: number }[];
  requestTypes: {
    id: string;
    code: string;
    label: string;
    service: string;
    action: RequestAction;
    needsMember: boolean;
    active: boolean;
    documentTypes: string[];
    fields: RequestField[];
  }[];
};

export async function listReferentials(): Promise<ReferentialsDto> {
  const db = await getDb();
  const [sites, documentTypes, requestTypes, diets] = await Promise.all([
    db.site.findMany({
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        address: true,
        classes: { orderBy: { name: "asc" }, select: { id: true, name: true, teacher: true, _count: { select: { pupils: true } } } },
      },
    }),
    db.documentType.findMany({
      orderBy: [{ sortOrder: "asc" }, { label: "asc" }],
      select: { id: true, code: true, label: true, description: true, active: true, validityMonths: true },
    }),
    db.requestType.findMany({
      orderBy: [{ sortOrder: "asc" }, { label: "asc" }],
      select: {
        id: true,
        code: true,
        label: true,
        service: true,
        action: true,
        needsMember: true,
        active: true,
        fields: true,
        documentTypes: { select: { label: true } },
      },
    }),
    db.diet.findMany({
      orderBy: [{ sortOrder: "asc" }, { label: "asc" }],
      select: { id: true, label: true, active: true, _count: { select: { healthFiles: true } } },
    }),
  ]);
  return {
    sites: sites.map((s) => ({ ...s, classes: s.classes.map(({ _count, ...c }) => ({ ...c, pupils: _count.pupils })) })),
    documentTypes,
    requestTypes: requestTypes.map((r) => ({ ...r, documentTypes: r.documentTypes.map((d) => d.label), fields: parseFields(r.fields) })),
    diets: diets.map(({ _count, ...d }) => ({ ...d, children: _count.healthFiles })),
  };
}
