import type { ReactElement } from "react";
import { getDb } from "@/lib/db/client";
import { sendEmail } from "./index";
import { unsubscribeUrl } from "./unsubscribe";

export type ServiceRecipient = { id: string; email: string; firstName: string };

/**
 * The parent accounts a household's service emails go to: every active
 * account linked to a member, except those who unsubscribed.
 */
export async function serviceRecipients(householdId: string): Promise<ServiceRecipient[]> {
  const db = await getDb();
  return db.user.findMany({
    where: { status: "ACTIVE", role: "PARENT", serviceEmailsOptOut: false, person: { householdId } },
    select: { id: true, email: true, firstName: true },
    orderBy: { createdAt: "asc" },
  });
}

/**
 * Sends a service email (a decision on a document or a request) to each
 * recipient, with their own unsubscribe link. A delivery failure is logged by
 * sendEmail and reported back rather than thrown: the decision it tells about
 * is already committed and must not look as if it failed.
 */
export async function sendServiceEmails({
  householdId,
  subject,
  template,
  render,
}: {
  householdId: string;
  subject: string;
  template: string;
  render: (recipient: ServiceRecipient, unsubscribe: string) => ReactElement;
}): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (const recipient of await serviceRecipients(householdId)) {
    try {
      await sendEmail({ to: recipient.email, subject, template, element: render(recipient, unsubscribeUrl(recipient.id)) });
      sent += 1;
    } catch {
      failed += 1;
    }
  }
  return { sent, failed };
}
