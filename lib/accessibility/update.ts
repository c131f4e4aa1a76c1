import "server-only";
import { assertActor } from "@/lib/auth/roles";
import { recordAudit, type Actor } from "@/lib/audit";
import { getDb } from "@/lib/db/client";
import { dayToDate } from "@/lib/dates";
import { toDeclarationDto } from "./index";
import { DECLARATION_FIELD_LABELS, type DeclarationInput } from "./schemas";
import { CONFORMITY_LABELS, conformityOf, formatRate } from "./status";

const KEYS = Object.keys(DECLARATION_FIELD_LABELS) as (keyof DeclarationInput)[];

/** Lists compare by content: the JSON columns hand back equal arrays as new objects. */
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** "partiellement conforme (87,5 %)", for the journal. */
function statusText(counts: Pick<DeclarationInput, "criteriaMet" | "criteriaNotMet">): string {
  const { status, rate } = conformityOf(counts);
  return rate === null ? CONFORMITY_LABELS[status] : `${CONFORMITY_LABELS[status]} (${formatRate(rate)})`;
}

/**
 * Writes the single declaration row (created on first save) and records
 * which parts changed, with the status before and after when it moved.
 * Saving an unchanged form writes nothing.
 */
export async function updateDeclaration({ actor, input }: { actor: Actor; input: DeclarationInput }): Promise<{ changed: string[] }> {
  assertActor(actor, "admin", "Seul un administrateur peut modifier la déclaration d'accessibilité.");
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const row = await tx.accessibilityDeclaration.findUnique({ where: { id: 1 } });
    const before = toDeclarationDto(row);
    const changed = KEYS.filter((key) => !row || !same(before[key], input[key]));
    if (changed.length === 0) return { changed: [] };
    const data = {
      ...input,
      establishedOn: dayToDate(input.establishedOn),
      auditDate: input.auditDate ? dayToDate(input.auditDate) : null,
    };
    await tx.accessibilityDeclaration.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
    const fields = changed.map((key) => DECLARATION_FIELD_LABELS[key]);
    const from = statusText(before);
    const to = statusText(input);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "settings.update",
      targetType: "AuthoritySettings",
      targetId: "accessibilite",
      details: { label: "Déclaration d'accessibilité", fields, ...(from === to ? {} : { from, to }) },
    });
    return { changed: fields };
  });
}
