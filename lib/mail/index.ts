import path from "node:path";
import type { ReactElement } from "react";
import { render } from "@react-email/render";
import { Resend } from "resend";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { writeOutboxMessage } from "./outbox";

export type EmailInput = {
  to: string;
  subject: string;
  /** A stable name for the template (e.g. "registration-confirm"), kept in the log. */
  template: string;
  element: ReactElement;
};

/** Resend refused or could not be reached; the attempt is in the EmailMessage log. */
export class MailDeliveryError extends Error {
  constructor(readonly detail: string) {
    super("Le message n'a pas pu être envoyé. Réessayez dans quelques instants.");
    this.name = "MailDeliveryError";
  }
}

export function outboxDir(): string {
  return path.join(env().dataDir, "outbox");
}

/**
 * The only way the app sends email. Renders the template to HTML and plain
 * text, hands it to Resend when RESEND_API_KEY is set or writes it to the
 * outbox otherwise, and logs every attempt in EmailMessage (with the
 * provider's id or its error). A Resend failure throws after being logged.
 */
export async function sendEmail({ to, subject, template, element }: EmailInput): Promise<void> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  const { resendApiKey, mailFrom } = env();
  const db = await getDb();

  if (!resendApiKey) {
    const message = await writeOutboxMessage(outboxDir(), { to, from: mailFrom, subject, template, html, text });
    await db.emailMessage.create({ data: { to, subject, template, driver: "outbox", providerId: message.id } });
    return;
  }

  let providerId: string | undefined;
  let error: string | undefined;
  try {
    const result = await new Resend(resendApiKey).emails.send({ from: mailFrom, to, subject, html, text });
    if (result.error) error = `${result.error.name}: ${result.error.message}`;
    else providerId = result.data.id;
  } catch (thrown) {
    error = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
  }
  await db.emailMessage.create({ data: { to, subject, template, driver: "resend", providerId, error } });
  if (error) throw new MailDeliveryError(error);
}
