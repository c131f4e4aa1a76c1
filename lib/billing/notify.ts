import type { ReactElement } from "react";
import type { Tx } from "@/lib/db/client";
import { queueEmail } from "@/lib/mail";

/**
 * Money emails go to the address that paid when there is one, else to every
 * active parent account of the household (they cannot be unsubscribed from).
 * Queued in the caller's transaction: sent after commit, never lost.
 */
export async function queueMoneyEmail(
  tx: Tx,
  {
    householdId,
    payerEmail,
    subject,
    template,
    element,
    now,
  }: { householdId: string; payerEmail?: string | null; subject: string; template: string; element: ReactElement; now: Date },
): Promise<string[]> {
  const recipients = payerEmail
    ? [payerEmail]
    : (
        await tx.user.findMany({
          where: { status: "ACTIVE", role: "PARENT", person: { householdId } },
          select: { email: true },
          orderBy: { createdAt: "asc" },
        })
      ).map((u) => u.email);
  const ids: string[] = [];
  for (const to of recipients) ids.push((await queueEmail(tx, { to, subject, template, element }, now)).id);
  return ids;
}
