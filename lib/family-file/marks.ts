import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { dateToDay, parisDay } from "@/lib/dates";

export type HealthMarks = { diets: string[]; pai: boolean; allergies: boolean };

/**
 * What the day lists show beside a child's name: the diets' labels (a diet
 * staff retired still applies to a child who has it), "PAI" only while the
 * PAI is valid on the day of `now` (an end date not given counts as valid,
 * as in childFileGaps), and whether allergies are declared. Children
 * without a file are absent from the map.
 */
export async function healthMarks(db: Db | Tx, personIds: string[], now = new Date()): Promise<Map<string, HealthMarks>> {
  const marks = new Map<string, HealthMarks>();
  if (personIds.length === 0) return marks;
  const today = parisDay(now);
  const files = await db.healthFile.findMany({
    where: { personId: { in: [...new Set(personIds)] } },
    select: {
      personId: true,
      pai: true,
      paiValidUntil: true,
      allergies: true,
      diets: { select: { label: true }, orderBy: [{ sortOrder: "asc" }, { label: "asc" }] },
    },
  });
  for (const f of files) {
    marks.set(f.personId, {
      diets: f.diets.map((d) => d.label),
      pai: f.pai && (f.paiValidUntil === null || dateToDay(f.paiValidUntil) >= today),
      allergies: Boolean(f.allergies?.trim()),
    });
  }
  return marks;
}
