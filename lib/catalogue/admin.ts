import { type Actor, recordAudit } from "@/lib/audit";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { dayToDate, isDay } from "@/lib/dates";
import { Prisma } from "@/lib/generated/prisma/client";

// Staff edits of the catalogue. Schemas are shared by the forms and these functions.

const DaySchema = z.string().refine(isDay, "Date invalide (jj/mm/aaaa).");
const optionalInt = z.preprocess(
  (v) => (v === "" || v == null ? null : v),
  z.coerce.number().int("Nombre entier attendu.").min(0, "Nombre positif attendu.").nullable(),
);

export const ServiceSchema = z.object({
  name: z.string().trim().min(2, "Indiquez le nom du service.").max(80),
  description: z.string().trim().max(500).optional().default(""),
  sortOrder: z.coerce.number().int().default(0),
  active: z.preprocess((v) => v === "on" || v === true || v === "true", z.boolean()),
});

export const ProductSchema = z
  .object({
    serviceId: z.string().min(1, "Choisissez un service."),
    name: z.string().trim().min(2, "Indiquez le nom de la prestation.").max(80),
    description: z.string().trim().max(1000).optional().default(""),
    minAgeYears: optionalInt,
    maxAgeYears: optionalInt,
    deadlineDays: z.coerce.number().int("Nombre entier attendu.").min(0).max(60),
    deadlineTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Heure au format HH:MM."),
    openMonthsAhead: z.coerce.number().int().min(1, "Au moins 1 mois.").max(12),
    defaultCapacity: z.coerce.number().int().min(0).max(10_000),
    active: z.preprocess((v) => v === "on" || v === true || v === "true", z.boolean()),
    siteIds: z.array(z.string()).default([]),
    /** Absent when the form does not show classes: they are then left as they are. */
    classIds: z.array(z.string()).optional(),
  })
  .refine((p) => p.minAgeYears == null || p.maxAgeYears == null || p.minAgeYears <= p.maxAgeYears, {
    path: ["maxAgeYears"],
    message: "L'âge maximum doit être supérieur à l'âge minimum.",
  });

export const TariffSchema = z
  .object({
    productId: z.string().min(1),
    regime: z.enum(["RG", "MSA", "AUTRE", ""]).transform((v) => (v === "" ? null : v)),
    qfMin: z.coerce.number().int().min(0, "QF positif attendu."),
    qfMax: optionalInt,
    unitPriceCents: z.coerce.number().int("Montant en centimes.").min(0).max(1_000_000),
    validFrom: DaySchema,
    validTo: z.preprocess((v) => (v === "" ? undefined : v), DaySchema.optional()),
  })
  .refine((t) => t.qfMax == null || t.qfMin <= t.qfMax, { path: ["qfMax"], message: "Le QF maximum doit être supérieur au minimum." })
  .refine((t) => !t.validTo || t.validFrom <= t.validTo, { path: ["validTo"], message: "La fin doit suivre le début." });

export const ClosureSchema = z
  .object({ label: z.string().trim().min(2, "Indiquez un libellé.").max(120), startDate: DaySchema, endDate: DaySchema })
  .refine((c) => c.startDate <= c.endDate, { path: ["endDate"], message: "La fin doit suivre le début." });

function uniqueName(error: unknown, message: string): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new AppError("CONFLICT", message, { name: message });
  }
  throw error;
}

export async function saveService({ actor, id, input }: { actor?: Actor; id?: string; input: z.infer<typeof ServiceSchema> }) {
  const db = await getDb();
  const data = { ...input, description: input.description || null };
  try {
    return await db.$transaction(async (tx) => {
      const service = id ? await tx.service.update({ where: { id }, data }) : await tx.service.create({ data });
      await recordAudit(tx, { actorId: actor?.id ?? null, action: "catalogue.service", targetType: "Service", targetId: service.id, details: { label: service.name } });
      return service;
    });
  } catch (error) {
    uniqueName(error, "Un service porte déjà ce nom.");
  }
}

export async function saveProduct({ actor, id, input }: { actor?: Actor; id?: string; input: z.infer<typeof ProductSchema> }) {
  const db = await getDb();
  const { siteIds, classIds, ...rest } = input;
  const data = {
    ...rest,
    description: rest.description || null,
    sites: { set: siteIds.map((s) => ({ id: s })) },
    ...(classIds ? { classes: { set: classIds.map((c) => ({ id: c })) } } : {}),
  };
  try {
    return await db.$transaction(async (tx) => {
      const product = id
        ? await tx.product.update({ where: { id }, data })
        : await tx.product.create({
            data: { ...data, sites: { connect: siteIds.map((s) => ({ id: s })) }, classes: { connect: (classIds ?? []).map((c) => ({ id: c })) } },
          });
      await recordAudit(tx, { actorId: actor?.id ?? null, action: "catalogue.product", targetType: "Product", targetId: product.id, details: { label: product.name } });
      return product;
    });
  } catch (error) {
    uniqueName(error, "Ce service a déjà une prestation de ce nom.");
  }
}

export async function addTariff({ actor, input }: { actor?: Actor; input: z.infer<typeof TariffSchema> }) {
  const db = await getDb();
  const product = await db.product.findUnique({ where: { id: input.productId }, select: { id: true, name: true } });
  if (!product) throw new AppError("NOT_FOUND", "Prestation introuvable.");
  return db.$transaction(async (tx) => {
    const tariff = await tx.tariff.create({
      data: {
        ...input,
        validFrom: dayToDate(input.validFrom),
        validTo: input.validTo ? dayToDate(input.validTo) : null,
      },
    });
    await recordAudit(tx, {
      actorId: actor?.id ?? null,
      action: "catalogue.tariff_add",
      targetType: "Tariff",
      targetId: tariff.id,
      details: { label: product.name, regime: input.regime ?? null, qfMin: input.qfMin, unitPriceCents: input.unitPriceCents },
    });
    return tariff;
  });
}

export async function deleteTariff({ actor, id }: { actor?: Actor; id: string }) {
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const removed = await tx.tariff.deleteMany({ where: { id } });
    if (removed.count) await recordAudit(tx, { actorId: actor?.id ?? null, action: "catalogue.tariff_delete", targetType: "Tariff", targetId: id });
  });
}

export async function addClosure({ actor, input }: { actor?: Actor; input: z.infer<typeof ClosureSchema> }) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const closure = await tx.closure.create({
      data: { label: input.label, startDate: dayToDate(input.startDate), endDate: dayToDate(input.endDate) },
    });
    await recordAudit(tx, {
      actorId: actor?.id ?? null,
      action: "calendar.closure_add",
      targetType: "Closure",
      targetId: closure.id,
      details: { label: input.label, from: input.startDate, to: input.endDate },
    });
    return closure;
  });
}

export async function deleteClosure({ actor, id }: { actor?: Actor; id: string }) {
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const removed = await tx.closure.deleteMany({ where: { id } });
    if (removed.count) await recordAudit(tx, { actorId: actor?.id ?? null, action: "calendar.closure_delete", targetType: "Closure", targetId: id });
  });
}
