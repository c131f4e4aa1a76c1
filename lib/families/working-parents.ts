import "server-only";
import { assertActor } from "@/lib/auth/roles";
import { recordAudit, type Actor } from "@/lib/audit";
import { getDb, type Db } from "@/lib/db/client";
import { lockRows } from "@/lib/db/locks";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";

// "Both parents (or the single parent) work": the family declares it on its
// holiday request; it counts for the allocation's WORKING_PARENTS rule only
// once staff confirmed it (from a certificate, an employer's letter…).

export type WorkingParentsDto = {
  declared: boolean;
  confirmedAt: Date | null;
  confirmedBy: string | null;
};

export async function getWorkingParents(householdId: string): Promise<WorkingParentsDto | null> {
  const db = await getDb();
  const h = await db.household.findUnique({
    where: { id: householdId },
    select: { workingParents: true, workingParentsConfirmedAt: true, workingParentsConfirmedById: true },
  });
  if (!h) return null;
  const by = h.workingParentsConfirmedById
    ? await db.user.findUnique({ where: { id: h.workingParentsConfirmedById }, select: { firstName: true, lastName: true } })
    : null;
  return { declared: h.workingParents, confirmedAt: h.workingParentsConfirmedAt, confirmedBy: by ? `${by.firstName} ${by.lastName}` : null };
}

/**
 * Staff confirm (which also records the situation as declared) or withdraw
 * their confirmation. Asking for the state it already has writes nothing.
 */
export async function setWorkingParentsConfirmation({
  actor,
  householdId,
  confirm,
  now = new Date(),
  db: given,
}: {
  actor: Actor;
  householdId: string;
  confirm: boolean;
  now?: Date;
  db?: Db;
}): Promise<{ changed: boolean }> {
  assertActor(actor, "staff");
  const db = given ?? (await getDb());
  return db.$transaction(async (tx) => {
    if (!(await lockRows(tx, "Household", [householdId])).length) throw new AppError("NOT_FOUND", "Famille introuvable.");
    const h = await tx.household.findUniqueOrThrow({ where: { id: householdId }, select: { name: true, workingParents: true, workingParentsConfirmedAt: true } });
    if (confirm === (h.workingParentsConfirmedAt != null)) return { changed: false };
    await tx.household.update({
      where: { id: householdId },
      data: confirm
        ? { workingParents: true, workingParentsConfirmedAt: now, workingParentsConfirmedById: actor.id }
        : { workingParentsConfirmedAt: null, workingParentsConfirmedById: null },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "household.working_parents",
      targetType: "Household",
      targetId: householdId,
      details: { label: h.name, confirmed: confirm, declared: h.workingParents, at: formatDateTime(now) },
    });
    return { changed: true };
  });
}
