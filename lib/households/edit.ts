import "server-only";
import { assertActor } from "@/lib/auth/roles";
import { z } from "zod";
import { recordAudit, type Actor } from "@/lib/audit";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { HouseholdAddressSchema, HouseholdResourcesSchema } from "./schemas";

const OptionalDateSchema = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const date = new Date(`${v}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: "custom", message: "Indiquez une date valide." });
      return z.NEVER;
    }
    return date;
  });

export const UpdateHouseholdSchema = HouseholdAddressSchema.extend(HouseholdResourcesSchema.shape).extend({
  householdId: z.string().min(1),
  qfValidUntil: OptionalDateSchema,
  cafNumber: z
    .string()
    .trim()
    .max(20, "Le numéro allocataire ne peut pas dépasser 20 caractères.")
    .optional()
    .transform((v) => v || null),
});
export type UpdateHouseholdInput = z.output<typeof UpdateHouseholdSchema>;

/** Staff edit a household's address and resources; the change is audited in its transaction. */
export async function updateHousehold({ actor, householdId, ...data }: UpdateHouseholdInput & { actor: Actor }) {
  assertActor(actor, "staff");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const before = await tx.household.findUnique({ where: { id: householdId }, select: { name: true } });
    if (!before) throw new AppError("NOT_FOUND", "Famille introuvable.");
    await tx.household.update({ where: { id: householdId }, data });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "household.update",
      targetType: "Household",
      targetId: householdId,
      details: {
        label: before.name,
        householdId,
        address: `${data.address1}, ${data.postalCode} ${data.city}`,
        qf: data.qf,
        regime: data.regime,
        cafNumber: data.cafNumber,
      },
    });
  });
}

export const UpdateMemberClassSchema = z.object({
  personId: z.string().min(1),
  schoolClassId: z
    .string()
    .optional()
    .transform((v) => v || null),
});

/** A child's school site and class (the class belongs to one site). */
export async function updateMemberClass({
  actor,
  personId,
  schoolClassId,
}: {
  actor: Actor;
  personId: string;
  schoolClassId: string | null;
}) {
  assertActor(actor, "staff");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const person = await tx.person.findUnique({ where: { id: personId }, select: { householdId: true, firstName: true, lastName: true } });
    if (!person) throw new AppError("NOT_FOUND", "Membre introuvable.");
    let classLabel: string | null = null;
    if (schoolClassId) {
      const schoolClass = await tx.schoolClass.findUnique({ where: { id: schoolClassId }, select: { name: true, site: { select: { name: true } } } });
      if (!schoolClass) throw new AppError("INVALID", "Choisissez une classe dans la liste.", { schoolClassId: "Choisissez une classe dans la liste." });
      classLabel = `${schoolClass.name} (${schoolClass.site.name})`;
    }
    await tx.person.update({ where: { id: personId }, data: { schoolClassId } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "person.update",
      targetType: "Person",
      targetId: personId,
      details: { label: `${person.firstName} ${person.lastName}`, householdId: person.householdId, schoolClass: classLabel },
    });
  });
}

export type SchoolClassOptionDto = { id: string; label: string };

export async function listSchoolClassOptions(): Promise<SchoolClassOptionDto[]> {
  const db = await getDb();
  const rows = await db.schoolClass.findMany({
    orderBy: [{ site: { name: "asc" } }, { name: "asc" }],
    select: { id: true, name: true, teacher: true, site: { select: { name: true } } },
  });
  return rows.map((c) => ({ id: c.id, label: `${c.site.name} — ${c.name}${c.teacher ? ` (${c.teacher})` : ""}` }));
}
