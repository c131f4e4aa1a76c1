import "server-only";
import type { ReactElement } from "react";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import { queueEmail } from "./index";
import { unsubscribeUrl } from "./unsubscribe";

export type ServiceRecipient = { id: string; email: string; firstName: string };

/**
 * The parent accounts a household's service emails go to: every active
 * account linked to a member, except those who unsubscribed.
 */
export async function serviceRecipients(householdId: string, client?: Db | Tx): Promise<ServiceRecipient[]> {
  const db = client ?? (await getDb());
  return db.user.findMany({
    where: { status: "ACTIVE", role: "PARENT", serviceEmailsOptOut: false, person: { householdId } },
    select: { id: true, email: true, firstName: true },
    orderBy: { createdAt: "asc" },
  });
}

/**
 * Queues a service email (a decision on a document or a request) for each
 * recipient, with their own unsubscribe link, in the transaction of the
 * decision it tells about: no email for a decision rolled back, and a mail
 * outage cannot make a committed decision look as if it failed. The caller
 * delivers the returned ids after commit with deliverQueuedEmails.
 */
export async function queueServiceEmails(
  tx: Tx,
  {
    householdId,
    subject,
    template,
    render,
  }: {
    householdId: string;
    subject: string;
    template: string;
    render: (recipient: ServiceRecipient, unsubscribe: string) => ReactElement;
  },
): Promise<string[]> {
  const ids: string[] = [];
  for (const recipient of await serviceRecipients(householdId, tx)) {
    const { id } = await queueEmail(tx, {
      to: recipient.email,
      subject,
      template,
      element: render(recipient, unsubscribeUrl(recipient.id)),
    });
    ids.push(id);
  }
  return ids;
}
