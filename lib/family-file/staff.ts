import "server-only";
import { recordAudit, type Actor } from "@/lib/audit";
import { assertActor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { CHILD_NOT_FOUND } from "./child";

/** "Notes du service": staff's own notes on a child's health file, never shown to the family. */
export async function saveStaffNotes({ actor, personId, staffNotes }: { actor: Actor; personId: string; staffNotes: string | null }): Promise<{ changed: boolean }> {
  assertActor(actor, "staff");
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const child = await tx.person.findFirst({
      where: { id: personId, quality: "ENFANT" },
      select: { id: true, firstName: true, lastName: true, householdId: true, healthFile: { select: { staffNotes: true } } },
    });
    if (!child) throw new AppError("NOT_FOUND", CHILD_NOT_FOUND);
    if ((child.healthFile?.staffNotes ?? null) === staffNotes) return { changed: false };
    await tx.healthFile.upsert({
      where: { personId: child.id },
      create: { personId: child.id, staffNotes, updatedById: actor.id },
      update: { staffNotes, updatedById: actor.id },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "health.staff_notes",
      targetType: "Person",
      targetId: child.id,
      details: { label: `${child.firstName} ${child.lastName}`, householdId: child.householdId },
    });
    return { changed: true };
  });
}
