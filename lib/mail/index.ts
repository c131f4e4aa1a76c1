import "server-only";
import path from "node:path";
import type { ReactElement } from "react";
import { render, toPlainText } from "@react-email/render";
import { Resend } from "resend";
import { getDb, type Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { getSettings } from "@/lib/settings";
import { fromHeader } from "./address";
import { writeOutboxMessage } from "./outbox";

export type EmailInput = {
  to: string;
  subject: string;
  /** A stable name for the template (e.g. "registration-confirm"), kept in the log. */
  template: string;
  element: ReactElement;
};

export function outboxDir(): string {
  return path.join(env().dataDir, "outbox");
}

/** Delivery attempts before a message is given up (FAILED) and shown to staff. */
export const MAX_ATTEMPTS = 5;
/** Wait after the 1st, 2nd, 3rd and 4th failed attempt. */
const BACKOFF_MINUTES = [1, 5, 15, 60];
/**
 * A claimed message is pushed this far into the future while it is being
 * sent: another process only takes it again if the sender died mid-way.
 * Longer than any provider call can last.
 */
const LEASE_MINUTES = 10;

const minutesAfter = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);

const escapeHtml = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/**
 * The HTML and text versions of a message. The HTML's `<title>` is the
 * subject, written here rather than by each template so that it can never
 * differ from what the mailbox shows (a screen reader announces it when the
 * message opens in a browser or a webmail's reading pane).
 */
export async function renderEmail({ subject, element }: Pick<EmailInput, "subject" | "element">): Promise<{ html: string; text: string }> {
  // Rendered once: the text version is the HTML converted, as render's own
  // plainText option does after rendering the element a second time.
  const html = await render(element);
  const text = toPlainText(html);
  if (!html.includes("</head>")) throw new Error("An email must be rendered inside EmailLayout (it has no <head>).");
  return { html: html.replace("</head>", `<title>${escapeHtml(subject)}</title></head>`), text };
}

/**
 * Queues a message in the caller's transaction: it exists only if the change
 * it tells about commits, and a mail outage can no longer undo or hide that
 * change. Rendered now, so a retry sends exactly what was decided. Deliver
 * it after commit with `deliverQueuedEmails({ ids: [id] })`; the maintenance
 * job retries whatever is left.
 *
 * The message is due at once: a `now` later than the real clock (a domain
 * function's or a test's clock) does not postpone it, or the delivery right
 * after commit would skip it.
 */
export async function queueEmail(tx: Tx, input: EmailInput, now: Date = new Date()): Promise<{ id: string }> {
  const clock = new Date();
  const due = now.getTime() < clock.getTime() ? now : clock;
  const { html, text } = await renderEmail(input);
  return tx.emailMessage.create({
    data: {
      to: input.to,
      subject: input.subject,
      template: input.template,
      html,
      text,
      status: "QUEUED",
      attempts: 0,
      nextAttemptAt: due,
    },
    select: { id: true },
  });
}

type Claimed = { id: string; to: string; subject: string; template: string; html: string; text: string; attempts: number };

/**
 * Sends the due QUEUED messages (all of them, or only `ids`, e.g. the ones a
 * request just committed). Each message is claimed by a conditional update
 * before it is sent, so the request that queued it and the maintenance job
 * never both send it. Never throws: a failure is recorded on the message and
 * retried later with a growing delay, then marked FAILED for staff to see.
 */
export async function deliverQueuedEmails({
  now = new Date(),
  limit = 100,
  ids,
}: { now?: Date; limit?: number; ids?: string[] } = {}): Promise<{ sent: number; failed: number }> {
  const outcome = { sent: 0, failed: 0 };
  if (ids && ids.length === 0) return outcome;
  try {
    const db = await getDb();
    const due = await db.emailMessage.findMany({
      where: { status: "QUEUED", nextAttemptAt: { lte: now }, ...(ids ? { id: { in: ids } } : {}) },
      orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
      take: limit,
      select: { id: true },
    });
    if (due.length === 0) return outcome;
    // The authority's name, read once per run: what the recipient sees as the sender.
    const from = fromHeader((await getSettings()).name, env().mailFrom);
    for (const { id } of due) {
      // Only the caller whose update matched owns the message until the lease ends.
      const [message] = await db.emailMessage.updateManyAndReturn({
        where: { id, status: "QUEUED", nextAttemptAt: { lte: now } },
        data: { nextAttemptAt: minutesAfter(now, LEASE_MINUTES) },
        select: { id: true, to: true, subject: true, template: true, html: true, text: true, attempts: true },
      });
      if (!message) continue;
      if (await deliverClaimed(message, from, now)) outcome.sent += 1;
      else outcome.failed += 1;
    }
  } catch (error) {
    // The database itself failed: the messages stay queued for the next run.
    console.error("Envoi des emails en attente interrompu", error);
  }
  return outcome;
}

async function deliverClaimed(message: Claimed, from: string, now: Date): Promise<boolean> {
  const db = await getDb();
  let result: { driver: string; providerId: string };
  try {
    result = await dispatch(message, from);
  } catch (thrown) {
    const error = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
    const attempts = message.attempts + 1;
    const givenUp = attempts >= MAX_ATTEMPTS;
    await db.emailMessage.update({
      where: { id: message.id },
      data: {
        attempts,
        error: error.slice(0, 2000),
        status: givenUp ? "FAILED" : "QUEUED",
        nextAttemptAt: givenUp ? null : minutesAfter(now, BACKOFF_MINUTES[attempts - 1] ?? BACKOFF_MINUTES.at(-1)!),
        driver: env().resendApiKey ? "resend" : "outbox",
      },
    });
    return false;
  }
  await db.emailMessage.update({
    where: { id: message.id },
    data: {
      status: "SENT",
      sentAt: now,
      nextAttemptAt: null,
      attempts: message.attempts + 1,
      driver: result.driver,
      providerId: result.providerId,
      error: null,
      // The body may carry a single-use link (password reset), which the
      // token table only keeps hashed: once delivered it is not kept here.
      html: "",
      text: "",
    },
  });
  return true;
}

class ProviderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ProviderError";
  }
}

/** Hands one message to Resend, or to the outbox folder without an API key; throws when it did not go. */
async function dispatch(message: Claimed, from: string): Promise<{ driver: string; providerId: string }> {
  const { resendApiKey } = env();
  const { to, subject, template, html, text } = message;
  if (!resendApiKey) {
    const written = await writeOutboxMessage(outboxDir(), { to, from, subject, template, html, text });
    return { driver: "outbox", providerId: written.id };
  }
  // The key lets Resend drop a second send of the same message (a sender that
  // died after Resend accepted it, before recording it).
  const result = await new Resend(resendApiKey).emails.send(
    { from, to, subject, html, text },
    { idempotencyKey: `email-message/${message.id}` },
  );
  if (result.error) throw new ProviderError(`${result.error.name}: ${result.error.message}`);
  return { driver: "resend", providerId: result.data.id };
}

/**
 * For a message that follows no change of its own (or one already
 * committed): queues it in a transaction of its own and delivers it at once.
 * Returns whether it went now; if not it stays queued and is retried, and
 * nothing is thrown.
 */
export async function sendEmail(input: EmailInput): Promise<boolean> {
  const db = await getDb();
  const { id } = await db.$transaction((tx) => queueEmail(tx, input));
  const { sent } = await deliverQueuedEmails({ ids: [id] });
  return sent === 1;
}
