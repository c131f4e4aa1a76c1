import type { ReactElement } from "react";
import type { Tx } from "@/lib/db/client";
import { queueEmail } from "@/lib/mail";
import { unsubscribeUrl } from "@/lib/mail/unsubscribe";

/**
 * A money email's two kinds. The opt-out decision is enforced here:
 * - "notice" (a PayFiP payment started) is a service email: an account that
 *   turned service emails off does not get it, and its Désinscription link
 *   turns service emails off;
 * - "receipt" (a payment's result: accepted, refused, abandoned, kept as
 *   credit) is always sent, since it confirms an operation on the family's
 *   money. Its Désinscription link turns off the other service emails, and
 *   the footer says so (lib/mail/templates/email-layout.tsx, kind "receipt").
 */
export type MoneyEmailKind = "notice" | "receipt";

/** Who a money email greets and the link it offers; no name and no link for a payer without an account. */
export type MoneyRecipient = { firstName: string | null; unsubscribeUrl: string | null };

/**
 * Money emails go to the address that paid when there is one, else to every
 * active parent account of the household. An address that is a parent
 * account's is greeted by name and gets that account's own Désinscription
 * link; any other payer (someone paying by identifier) has nothing to leave
 * and gets no link. Queued in the caller's transaction: sent after commit,
 * never lost.
 */
export async function queueMoneyEmail(
  tx: Tx,
  {
    householdId,
    payerEmail,
    kind,
    subject,
    template,
    render,
    now,
  }: {
    householdId: string;
    payerEmail?: string | null;
    kind: MoneyEmailKind;
    subject: string;
    template: string;
    render: (recipient: MoneyRecipient) => ReactElement;
    now: Date;
  },
): Promise<string[]> {
  const account = { id: true, email: true, firstName: true, serviceEmailsOptOut: true } as const;
  const accounts = payerEmail
    ? await tx.user.findMany({
        where: { email: { equals: payerEmail.trim(), mode: "insensitive" }, status: "ACTIVE", role: "PARENT" },
        select: account,
      })
    : await tx.user.findMany({
        where: { status: "ACTIVE", role: "PARENT", person: { householdId } },
        select: account,
        orderBy: { createdAt: "asc" },
      });
  const ids: string[] = [];
  if (payerEmail && accounts.length === 0) {
    const element = render({ firstName: null, unsubscribeUrl: null });
    ids.push((await queueEmail(tx, { to: payerEmail, subject, template, element }, now)).id);
  }
  for (const recipient of accounts) {
    if (kind === "notice" && recipient.serviceEmailsOptOut) continue;
    const element = render({ firstName: recipient.firstName, unsubscribeUrl: unsubscribeUrl(recipient.id) });
    ids.push((await queueEmail(tx, { to: recipient.email, subject, template, element }, now)).id);
  }
  return ids;
}
