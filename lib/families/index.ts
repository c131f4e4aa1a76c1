import { getDb } from "@/lib/db/client";
import type { Quality } from "@/lib/generated/prisma/client";

export const QUALITY_LABELS: Record<Quality, string> = {
  RESPONSABLE: "Responsable",
  CONJOINT: "Conjoint",
  ENFANT: "Enfant",
  AUTRE: "Autre",
};

export type FamilyMemberDto = {
  id: string;
  firstName: string;
  lastName: string;
  quality: Quality;
  synced: boolean;
};

/** The members of the parent's own household: the household id comes from the session, never the URL. */
export async function listFamilyMembers(householdId: string): Promise<FamilyMemberDto[]> {
  const db = await getDb();
  const people = await db.person.findMany({
    where: { householdId },
    orderBy: [{ quality: "asc" }, { birthDate: "asc" }],
    select: { id: true, firstName: true, lastName: true, quality: true, user: { select: { status: true } } },
  });
  return people.map(({ user, ...p }) => ({ ...p, synced: user?.status === "ACTIVE" }));
}
