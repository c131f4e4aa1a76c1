import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export const CHILD_NOT_FOUND = "Enfant introuvable.";

/**
 * A child (quality ENFANT) of this household, or NOT_FOUND: another
 * household's child, a parent's own id and an unknown id all read the same,
 * so the answer says nothing about who exists.
 */
export async function childOfHousehold(db: Db | Tx, { householdId, personId }: { householdId: string; personId: string }) {
  const child = await db.person.findFirst({
    where: { id: personId, householdId, quality: "ENFANT" },
    select: { id: true, firstName: true, lastName: true, householdId: true },
  });
  if (!child) throw new AppError("NOT_FOUND", CHILD_NOT_FOUND);
  return child;
}

/** The name written on a consent and in the journal, as the account reads now. */
export async function actorName(tx: Tx, userId: string): Promise<string> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { firstName: true, lastName: true } });
  return user ? `${user.firstName} ${user.lastName}` : "Parent";
}

/** The document types of the file, created on every install by the family-file data migration. */
export async function documentTypeId(tx: Tx, code: "PAI" | "VACCINS"): Promise<string> {
  const type = await tx.documentType.findUnique({ where: { code }, select: { id: true, active: true } });
  if (!type?.active) throw new AppError("INVALID", "Ce type de document n'est plus proposé : contactez le service.");
  return type.id;
}

/** The child's current file of that type (neither replaced nor withdrawn), which a new one replaces. */
export async function currentDocumentId(tx: Tx, { personId, typeId }: { personId: string; typeId: string }): Promise<string | null> {
  const doc = await tx.document.findFirst({
    where: { personId, typeId, replacedAt: null, deletedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  return doc?.id ?? null;
}
