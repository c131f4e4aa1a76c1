import "server-only";
import { assertActor } from "@/lib/auth/roles";
import { type Actor, recordAudit } from "@/lib/audit";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { dayToDate, isDay } from "@/lib/dates";
import { ABSENCE_CREDIT_LABELS, ABSENCE_CREDITS, REGIMES } from "@/lib/format";
import { Prisma, type AbsenceCredit } from "@/lib/generated/prisma/client";

// Staff edits of the catalogue. Schemas are shared by the forms and these functions.

/** A checkbox: posted "on" when ticked, absent when not. */
const checkbox = z.preprocess((v) => v === "on" || v === true || v === "true", z.boolean());

const DaySchema = z.string().refine(isDay, "Date invalide (jj/mm/aaaa).");
const TimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Heure au format HH:MM.");
const optionalInt = z.preprocess(
  (v) => (v === "" || v == null ? null : v),
  z.coerce.number().int("Nombre entier attendu.").min(0, "Nombre positif attendu.").nullable(),
);

export const ServiceSchema = z.object({
  name: z.string().trim().min(2, "Indiquez le nom du service.").max(80),
  description: z.string().trim().max(500).optional().default(""),
  sortOrder: z.coerce.number().int().default(0),
  active: checkbox,
  /** "Dossier famille à jour exigé pour l'année scolaire suivante" */
  requiresFileUpdate: checkbox,
});

export const ProductSchema = z
  .object({
    serviceId: z.string().min(1, "Choisissez un service."),
    name: z.string().trim().min(2, "Indiquez le nom de la prestation.").max(80),
    description: z.string().trim().max(1000).optional().default(""),
    minAgeYears: optionalInt,
    maxAgeYears: optionalInt,
    deadlineDays: z.coerce.number().int("Nombre entier attendu.").min(0).max(60),
    deadlineTime: TimeSchema,
    openMonthsAhead: z.coerce.number().int().min(1, "Au moins 1 mois.").max(12),
    defaultCapacity: z.coerce.number().int().min(0).max(10_000),
    active: checkbox,
    /** "Éligible à l'attestation fiscale (frais de garde des moins de 6 ans)" */
    taxCertificateEligible: checkbox,
    siteIds: z.array(z.string()).default([]),
    /** Absent when the form does not show classes: they are then left as they are. */
    classIds: z.array(z.string()).optional(),
    // Defaults are the schema's own: a form without the fieldset keeps "09:00 the same day, on a certificate".
    absenceDeadlineDays: z.coerce
      .number({ error: "Nombre de jours attendu." })
      .int("Nombre de jours entier attendu.")
      .min(0, "Nombre de jours positif attendu.")
      .max(60, "60 jours au plus.")
      .default(0),
    absenceDeadlineTime: TimeSchema.default("09:00"),
    absenceCredit: z.enum(ABSENCE_CREDITS, { error: "Choisissez le remboursement des absences." }).default("CERTIFICATE"),
    absenceCarenceDays: z.coerce
      .number({ error: "Nombre de jours attendu." })
      .int("Nombre de jours de carence entier attendu.")
      .min(0, "Nombre de jours de carence positif attendu.")
      .max(10, "10 jours de carence au plus.")
      .default(0),
  })
  .refine((p) => p.minAgeYears == null || p.maxAgeYears == null || p.minAgeYears <= p.maxAgeYears, {
    path: ["maxAgeYears"],
    message: "L'âge maximum doit être supérieur à l'âge minimum.",
  });

export const TariffSchema = z
  .object({
    productId: z.string().min(1),
    regime: z.enum([...REGIMES, ""]).transform((v) => (v === "" ? null : v)),
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

export async function saveService({ actor, id, input }: { actor: Actor; id?: string; input: z.infer<typeof ServiceSchema> }) {
  assertActor(actor, "staff");
  const db = await getDb();
  const data = { ...input, description: input.description || null };
  try {
    return await db.$transaction(async (tx) => {
      const before = id ? await tx.service.findUnique({ where: { id }, select: { requiresFileUpdate: true } }) : null;
      const service = id ? await tx.service.update({ where: { id }, data }) : await tx.service.create({ data });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "catalogue.service",
        targetType: "Service",
        targetId: service.id,
        // The rule can refuse families' bookings: the journal says when it was turned on or off.
        details: {
          label: service.name,
          ...(service.requiresFileUpdate !== (before?.requiresFileUpdate ?? false) ? { requiresFileUpdate: service.requiresFileUpdate } : {}),
        },
      });
      return service;
    });
  } catch (error) {
    uniqueName(error, "Un service porte déjà ce nom.");
  }
}

export type AbsenceRule = {
  absenceDeadlineDays: number;
  absenceDeadlineTime: string;
  absenceCredit: AbsenceCredit;
  absenceCarenceDays: number;
};

/** The absence rule in the words of the product form, for the journal and the catalogue. */
export function absenceRuleLabel(rule: AbsenceRule): string {
  const until =
    rule.absenceDeadlineDays === 0
      ? `le jour même à ${rule.absenceDeadlineTime}`
      : `${rule.absenceDeadlineDays} jour${rule.absenceDeadlineDays > 1 ? "s" : ""} avant à ${rule.absenceDeadlineTime}`;
  const carence = `${rule.absenceCarenceDays} jour${rule.absenceCarenceDays > 1 ? "s" : ""} de carence`;
  return `Signalement jusqu'à ${until} ; ${ABSENCE_CREDIT_LABELS[rule.absenceCredit]} ; ${carence}`;
}

export async function saveProduct({ actor, id, input }: { actor: Actor; id?: string; input: z.infer<typeof ProductSchema> }) {
  assertActor(actor, "staff");
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
      // The rule decides whether families are refunded: the journal keeps what it was before a change, not only the name.
      const before = id
        ? await tx.product.findUnique({
            where: { id },
            select: { absenceDeadlineDays: true, absenceDeadlineTime: true, absenceCredit: true, absenceCarenceDays: true, taxCertificateEligible: true },
          })
        : null;
      if (id && !before) throw new AppError("NOT_FOUND", "Prestation introuvable.");
      const product = id
        ? await tx.product.update({ where: { id }, data })
        : await tx.product.create({
            data: { ...data, sites: { connect: siteIds.map((s) => ({ id: s })) }, classes: { connect: (classIds ?? []).map((c) => ({ id: c })) } },
          });
      const rule = absenceRuleLabel(product);
      const ruleBefore = before ? absenceRuleLabel(before) : null;
      await recordAudit(tx, {
        actorId: actor.id,
        action: "catalogue.product",
        targetType: "Product",
        targetId: product.id,
        details: {
          label: product.name,
          // Decides what the tax certificates count: the journal says when it changed.
          ...(product.taxCertificateEligible !== (before?.taxCertificateEligible ?? false) ? { taxCertificateEligible: product.taxCertificateEligible } : {}),
          ...(ruleBefore === null ? { absences: rule } : ruleBefore !== rule ? { absencesFrom: ruleBefore, absencesTo: rule } : {}),
        },
      });
      return product;
    });
  } catch (error) {
    uniqueName(error, "Ce service a déjà une prestation de ce nom.");
  }
}

export async function addTariff({ actor, input }: { actor: Actor; input: z.infer<typeof TariffSchema> }) {
  assertActor(actor, "staff");
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
      actorId: actor.id,
      action: "catalogue.tariff_add",
      targetType: "Tariff",
      targetId: tariff.id,
      details: { label: product.name, regime: input.regime ?? null, qfMin: input.qfMin, unitPriceCents: input.unitPriceCents },
    });
    return tariff;
  });
}

export async function deleteTariff({ actor, id }: { actor: Actor; id: string }) {
  assertActor(actor, "staff");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const removed = await tx.tariff.deleteMany({ where: { id } });
    if (removed.count) await recordAudit(tx, { actorId: actor.id, action: "catalogue.tariff_delete", targetType: "Tariff", targetId: id });
  });
}

export async function addClosure({ actor, input }: { actor: Actor; input: z.infer<typeof ClosureSchema> }) {
  assertActor(actor, "staff");
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const closure = await tx.closure.create({
      data: { label: input.label, startDate: dayToDate(input.startDate), endDate: dayToDate(input.endDate) },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "calendar.closure_add",
      targetType: "Closure",
      targetId: closure.id,
      details: { label: input.label, from: input.startDate, to: input.endDate },
    });
    return closure;
  });
}

export async function deleteClosure({ actor, id }: { actor: Actor; id: string }) {
  assertActor(actor, "staff");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const removed = await tx.closure.deleteMany({ where: { id } });
    if (removed.count) await recordAudit(tx, { actorId: actor.id, action: "calendar.closure_delete", targetType: "Closure", targetId: id });
  });
}

// Staff reads of the catalogue, as DTOs for the admin pages.

export type OptionDto = { id: string; name: string };

export type ProductSummaryDto = {
  id: string;
  name: string;
  defaultCapacity: number;
  deadlineDays: number;
  deadlineTime: string;
  active: boolean;
  tariffCount: number;
  absenceCredit: AbsenceCredit;
  absenceCarenceDays: number;
  taxCertificateEligible: boolean;
};

export type ServiceWithProductsDto = {
  id: string;
  name: string;
  description: string | null;
  sortOrder: number;
  active: boolean;
  requiresFileUpdate: boolean;
  products: ProductSummaryDto[];
};

/** Every service with its products, in display order: the catalogue page. */
export async function listServicesWithProducts(): Promise<ServiceWithProductsDto[]> {
  const db = await getDb();
  const services = await db.service.findMany({
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      description: true,
      sortOrder: true,
      active: true,
      requiresFileUpdate: true,
      products: {
        orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
        select: {
          id: true,
          name: true,
          defaultCapacity: true,
          deadlineDays: true,
          deadlineTime: true,
          active: true,
          absenceCredit: true,
          absenceCarenceDays: true,
          taxCertificateEligible: true,
          _count: { select: { tariffs: true } },
        },
      },
    },
  });
  return services.map(({ products, ...service }) => ({
    ...service,
    products: products.map(({ _count, ...product }) => ({ ...product, tariffCount: _count.tariffs })),
  }));
}

/** Services by name, for a product's service picker. */
export async function listServiceOptions(): Promise<OptionDto[]> {
  const db = await getDb();
  return db.service.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/** Sites by name, for a product's site checkboxes. */
export async function listSiteOptions(): Promise<OptionDto[]> {
  const db = await getDb();
  return db.site.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

export type TariffDto = {
  id: string;
  regime: z.infer<typeof TariffSchema>["regime"];
  qfMin: number;
  qfMax: number | null;
  unitPriceCents: number;
  validFrom: Date;
  validTo: Date | null;
};

export type ProductForStaffDto = {
  id: string;
  name: string;
  serviceId: string;
  serviceName: string;
  description: string | null;
  minAgeYears: number | null;
  maxAgeYears: number | null;
  deadlineDays: number;
  deadlineTime: string;
  openMonthsAhead: number;
  defaultCapacity: number;
  active: boolean;
  siteIds: string[];
  absenceDeadlineDays: number;
  absenceDeadlineTime: string;
  absenceCredit: AbsenceCredit;
  absenceCarenceDays: number;
  taxCertificateEligible: boolean;
  /** Newest grid first. */
  tariffs: TariffDto[];
};

/** A product with its booking rules, sites and tariff grid, for the staff product page; null when unknown. */
export async function getProductForStaff(id: string): Promise<ProductForStaffDto | null> {
  const db = await getDb();
  const product = await db.product.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      serviceId: true,
      service: { select: { name: true } },
      description: true,
      minAgeYears: true,
      maxAgeYears: true,
      deadlineDays: true,
      deadlineTime: true,
      openMonthsAhead: true,
      defaultCapacity: true,
      active: true,
      absenceDeadlineDays: true,
      absenceDeadlineTime: true,
      absenceCredit: true,
      absenceCarenceDays: true,
      taxCertificateEligible: true,
      sites: { select: { id: true } },
      tariffs: {
        orderBy: [{ validFrom: "desc" }, { regime: "asc" }, { qfMin: "asc" }],
        select: { id: true, regime: true, qfMin: true, qfMax: true, unitPriceCents: true, validFrom: true, validTo: true },
      },
    },
  });
  if (!product) return null;
  const { service, sites, ...rest } = product;
  return { ...rest, serviceName: service.name, siteIds: sites.map((s) => s.id) };
}
