import "server-only";
import { auditActionLabel } from "@/lib/audit";
import { roleGrants } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";

export type OwnHistoryEventDto = {
  id: string;
  createdAt: Date;
  /** A member of the household by name, anyone else as the authority */
  who: string;
  actionLabel: string;
  label: string | null;
};

/** Staff's private notes exist for staff alone: even that they changed is not the family's to read. */
const HIDDEN_ACTIONS = ["health.staff_notes"];

/**
 * The household's own history, from the audit log: events about the
 * household, its members, documents, démarches, invoices and payments, or
 * that carry its id. Who acted is shown by name only when it is one of the
 * household's own accounts; staff (and the maintenance run) appear as the
 * authority, so no agent's name reaches a family.
 */
export async function listOwnHistory({ householdId, authorityName, limit = 200 }: { householdId: string; authorityName: string; limit?: number }): Promise<OwnHistoryEventDto[]> {
  const db = await getDb();
  const [persons, documents, requests, invoices, payments] = await Promise.all([
    db.person.findMany({ where: { householdId }, select: { id: true } }),
    db.document.findMany({ where: { householdId }, select: { id: true } }),
    db.request.findMany({ where: { householdId }, select: { id: true } }),
    db.invoice.findMany({ where: { householdId }, select: { id: true } }),
    db.payment.findMany({ where: { householdId }, select: { id: true } }),
  ]);
  const targets = (targetType: string, rows: { id: string }[]) => (rows.length ? [{ targetType, targetId: { in: rows.map((r) => r.id) } }] : []);
  const rows = await db.auditEvent.findMany({
    where: {
      action: { notIn: HIDDEN_ACTIONS },
      OR: [
        { targetType: "Household", targetId: householdId },
        { details: { path: ["householdId"], equals: householdId } },
        ...targets("Person", persons),
        ...targets("Document", documents),
        ...targets("Request", requests),
        ...targets("Invoice", invoices),
        ...targets("Payment", payments),
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      createdAt: true,
      action: true,
      details: true,
      actor: { select: { firstName: true, lastName: true, role: true, person: { select: { householdId: true } } } },
    },
  });
  return rows.map((row) => {
    const details = (row.details ?? {}) as Record<string, unknown>;
    const own = row.actor && roleGrants(row.actor.role, "parent") && row.actor.person?.householdId === householdId;
    return {
      id: row.id,
      createdAt: row.createdAt,
      who: own ? `${row.actor!.firstName} ${row.actor!.lastName}` : authorityName,
      actionLabel: auditActionLabel(row.action),
      label: typeof details.label === "string" ? details.label : null,
    };
  });
}
