import type { Tx } from "@/lib/db/client";

/**
 * Row locks in a stable order (by id, one statement), so two transactions
 * never wait on each other in a cycle. Across tables the order is always
 * Household → Payment → Invoice → Slot.
 */
export async function lockRows(tx: Tx, table: "Household" | "Invoice" | "Payment" | "Slot", ids: string[]): Promise<void> {
  const sorted = [...new Set(ids)].sort();
  if (!sorted.length) return;
  await tx.$queryRawUnsafe(`SELECT id FROM "${table}" WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`, sorted);
}
