import "server-only";
import { recordAudit } from "@/lib/audit";
import { lockRows } from "@/lib/db/locks";
import { getDb, type Tx } from "@/lib/db/client";
import type { ParentActor } from "@/lib/documents";
import { AppError } from "@/lib/errors";
import { PICKUP_KIND_LABELS } from "@/lib/format";
import type { PickupKind } from "@/lib/generated/prisma/client";
import { childOfHousehold } from "./child";
import type { AddPickupPersonInput } from "./schemas";

export const PICKUP_PERSON_GONE = "Cette personne n'est plus dans la liste.";

/** The journal line of an added or removed pickup person, on the child's record. */
function recordPickupChange(
  tx: Tx,
  {
    actor,
    child,
    action,
    pickupPerson,
  }: { actor: ParentActor; child: { id: string; firstName: string; lastName: string }; action: "pickup.save" | "pickup.delete"; pickupPerson: { name: string; kind: PickupKind } },
) {
  return recordAudit(tx, {
    actorId: actor.id,
    action,
    targetType: "Person",
    targetId: child.id,
    details: { label: `${child.firstName} ${child.lastName}`, householdId: actor.householdId, pickupPerson: pickupPerson.name, kind: PICKUP_KIND_LABELS[pickupPerson.kind] },
  });
}

/**
 * "Ajouter la personne": effective at once. The same person posted twice
 * (a double tap, a form sent again) is found rather than listed twice.
 */
export async function addPickupPerson({ actor, input }: { actor: ParentActor; input: AddPickupPersonInput }): Promise<{ id: string; created: boolean }> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    // Two posts of one form wait for each other, so the second finds what the first wrote.
    await lockRows(tx, "Household", [actor.householdId]);
    const child = await childOfHousehold(tx, { householdId: actor.householdId, personId: input.personId });
    const same = await tx.pickupPerson.findFirst({
      where: { personId: child.id, kind: input.kind, name: input.name, relationship: input.relationship, phone: input.phone },
      select: { id: true },
    });
    if (same) return { id: same.id, created: false };
    const row = await tx.pickupPerson.create({
      data: { personId: child.id, kind: input.kind, name: input.name, relationship: input.relationship, phone: input.phone, createdById: actor.id },
      select: { id: true },
    });
    await recordPickupChange(tx, { actor, child, action: "pickup.save", pickupPerson: input });
    return { id: row.id, created: true };
  });
}

/**
 * "Retirer": the row goes at once. One already removed, and one of another
 * household, answer the same NOT_FOUND, so a second tap changes nothing and
 * says so.
 */
export async function removePickupPerson({
  actor,
  personId,
  pickupPersonId,
}: {
  actor: ParentActor;
  personId: string;
  pickupPersonId: string;
}): Promise<void> {
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const child = await childOfHousehold(tx, { householdId: actor.householdId, personId });
    const row = await tx.pickupPerson.findFirst({ where: { id: pickupPersonId, personId: child.id }, select: { id: true, name: true, kind: true } });
    if (!row) throw new AppError("NOT_FOUND", PICKUP_PERSON_GONE);
    await tx.pickupPerson.delete({ where: { id: row.id } });
    await recordPickupChange(tx, { actor, child, action: "pickup.delete", pickupPerson: row });
  });
}
