import type { Tx } from "@/lib/db/client";

/** The tables whose rows are locked for update; the order across tables is below. */
export type LockableTable = "Campaign" | "Request" | "Document" | "Household" | "Payment" | "Invoice" | "Slot";

/**
 * The one way to lock rows for update: ids deduplicated and sorted, one
 * statement, so two transactions never wait on each other in a cycle.
 * Across tables the order is always Campaign → Request → Document →
 * Household → Payment → Invoice → Slot: a review decision locks what it
 * decides, then writes what accepting a request changes (its documents, the
 * household); an allocation locks its campaign, then every slot it fills.
 * Returns the ids that exist (and are now locked), in id order, so a caller
 * can tell a missing row from a locked one.
 */
export async function lockRows(tx: Tx, table: LockableTable, ids: readonly string[]): Promise<string[]> {
  const sorted = [...new Set(ids)].sort();
  if (!sorted.length) return [];
  // The table name comes from the closed union above, never from input.
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
    `SELECT id FROM "${table}" WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
    sorted,
  );
  return rows.map((r) => r.id);
}
