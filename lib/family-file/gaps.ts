import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { dateToDay, parisDay, type Day } from "@/lib/dates";
import type { ConsentKind } from "@/lib/generated/prisma/client";

export const CONSENT_KINDS: ConsentKind[] = ["PHOTO", "OUTINGS", "TRANSPORT", "EMERGENCY_CARE"];

export type ChildFileGaps = { personId: string; firstName: string; lastName: string; gaps: string[] };

/**
 * What a child's file still lacks, in the words the family reads: the
 * yearly update and the services that require a complete file refuse
 * until the list is empty. A PAI past its end counts as a gap, since the
 * canteen cannot rely on it.
 */
export async function childFileGaps(db: Db | Tx, householdId: string, now = new Date()): Promise<ChildFileGaps[]> {
  const today: Day = parisDay(now);
  const children = await db.person.findMany({
    where: { householdId, quality: "ENFANT" },
    orderBy: [{ birthDate: "asc" }, { firstName: "asc" }],
    select: {
      id: true,
      firstName: true,
      lastName: true,
      healthFile: { select: { vaccinationsUpToDate: true, pai: true, paiValidUntil: true } },
      pickupPersons: { where: { kind: "EMERGENCY" }, select: { id: true }, take: 1 },
      consents: { select: { kind: true }, distinct: ["kind"] },
    },
  });
  return children.map((c) => {
    const gaps: string[] = [];
    if (!c.healthFile || c.healthFile.vaccinationsUpToDate === null) gaps.push("Fiche santé à compléter");
    else if (c.healthFile.pai && c.healthFile.paiValidUntil && dateToDay(c.healthFile.paiValidUntil) < today) gaps.push("PAI expiré : envoyez le nouveau PAI");
    if (c.pickupPersons.length === 0) gaps.push("Personne à prévenir en cas d'urgence à indiquer");
    const answered = new Set(c.consents.map((k) => k.kind));
    if (CONSENT_KINDS.some((k) => !answered.has(k))) gaps.push("Autorisations à donner ou refuser");
    return { personId: c.id, firstName: c.firstName, lastName: c.lastName, gaps };
  });
}

/** The household's children with what their file lacks, for the family's own pages. */
export async function familyFileGaps(householdId: string, now = new Date()): Promise<ChildFileGaps[]> {
  const { getDb } = await import("@/lib/db/client");
  return childFileGaps(await getDb(), householdId, now);
}
