import "server-only";
import { recordAudit } from "@/lib/audit";
import { lockRows } from "@/lib/db/locks";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import type { ParentActor } from "@/lib/documents";
import type { ConsentKind } from "@/lib/generated/prisma/client";
import { actorName, childOfHousehold } from "./child";
import { CONSENT_KINDS } from "./gaps";
import type { ConsentsInput } from "./schemas";

export type ConsentAnswer = { given: boolean; byName: string; at: Date };

/** The answer in force per kind: the latest row, since a consent is never edited, only answered again. */
export async function currentConsents(db: Db | Tx, personIds: string[]): Promise<Map<string, Partial<Record<ConsentKind, ConsentAnswer>>>> {
  const rows = await db.consent.findMany({
    where: { personId: { in: personIds } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { personId: true, kind: true, given: true, byName: true, createdAt: true },
  });
  const out = new Map<string, Partial<Record<ConsentKind, ConsentAnswer>>>();
  for (const row of rows) {
    const answers = out.get(row.personId) ?? {};
    answers[row.kind] ??= { given: row.given, byName: row.byName, at: row.createdAt };
    out.set(row.personId, answers);
  }
  return out;
}

/**
 * "Enregistrer les autorisations": a new row only for the kinds whose
 * answer changed (or was never given), with the parent's name as it reads
 * today. Saving the same answers again writes nothing.
 */
export async function saveConsents({ actor, input, now = new Date() }: { actor: ParentActor; input: ConsentsInput; now?: Date }): Promise<{ written: ConsentKind[] }> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    // Two posts of one form wait for each other, so the second finds what the first wrote.
    await lockRows(tx, "Household", [actor.householdId]);
    const child = await childOfHousehold(tx, { householdId: actor.householdId, personId: input.personId });
    const current = (await currentConsents(tx, [child.id])).get(child.id) ?? {};
    const written = CONSENT_KINDS.filter((kind) => input[kind] && current[kind]?.given !== (input[kind] === "oui"));
    if (written.length === 0) return { written };
    const byName = await actorName(tx, actor.id);
    await tx.consent.createMany({
      data: written.map((kind) => ({ personId: child.id, kind, given: input[kind] === "oui", byUserId: actor.id, byName, createdAt: now })),
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "consent.answer",
      targetType: "Person",
      targetId: child.id,
      details: {
        label: `${child.firstName} ${child.lastName}`,
        householdId: actor.householdId,
        given: written.filter((k) => input[k] === "oui"),
        refused: written.filter((k) => input[k] === "non"),
      },
    });
    return { written };
  });
}
