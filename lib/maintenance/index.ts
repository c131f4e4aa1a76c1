import "server-only";
import { purgeLoginFailures } from "@/lib/auth/throttle";
import { expireStaleHolds } from "@/lib/bookings/cancel";
import { settlePendingPayments } from "@/lib/payments";
import { getDb } from "@/lib/db/client";
import { purgeStalePendingFiles } from "@/lib/files";
import { deliverQueuedEmails } from "@/lib/mail";
import { resumeCertificateBatches } from "@/lib/certificates/batch";
import { runRetention } from "@/lib/privacy/run-retention";
import { queueDueReminders } from "@/lib/reminders";
import { maintainWaitlists } from "@/lib/waitlist";

export type MaintenanceReport = Record<string, number>;

type Task = (now: Date) => Promise<number>;

/**
 * Periodic tidying, run by the cron route on a hosted deployment and by
 * `npm run maintenance` elsewhere. Settling payments whose notification
 * never came matters; the rest is tidying (expired rows already stop
 * counting) that keeps tables and storage small.
 * Each task reports how many things it removed (or settled, or sent).
 */
const tasks: Record<string, Task> = {
  // Lost PayFiP notifications: payments still pending are asked about and settled.
  settledPayments: (now) => settlePendingPayments(now),
  expiredHolds: (now) => expireStaleHolds(now),
  staleUploads: (now) => purgeStalePendingFiles(120, now),
  loginFailures: async (now) => {
    const db = await getDb();
    const before = await db.loginFailure.count();
    await purgeLoginFailures(now);
    return before - (await db.loginFailure.count());
  },
  rateLimitHits: async (now) => {
    const db = await getDb();
    const dayAgo = new Date(now.getTime() - 24 * 60 * 60_000);
    return (await db.rateLimitHit.deleteMany({ where: { createdAt: { lt: dayAgo } } })).count;
  },
  expiredTokens: async (now) => {
    const db = await getDb();
    const weekAgo = new Date(now.getTime() - 7 * 24 * 60 * 60_000);
    return (await db.token.deleteMany({ where: { expiresAt: { lt: weekAgo } } })).count;
  },
  // Opt-in reminders (a week's booking deadline, a hold about to end), each
  // sent once; queued here, sent by the next task. After expiredHolds, so an
  // invoice whose hold already ended is never announced.
  reminders: (now) => queueDueReminders(now),
  // Offers not answered in time expire, lists of passed days close, free
  // places (a hold that ran out unseen, a failed hook) are offered; before
  // "emails", which sends the offers.
  waitlist: (now) => maintainWaitlists(now),
  // RGPD: erases what the retention periods (Paramètres) ended: old
  // identity and replaced or expired documents, old audit events, and the
  // identity of closed households once the accounting period is over.
  retention: (now) => runRetention(now),
  // A tax-certificate batch the server stopped in the middle of (a deploy, a
  // crash) goes on from its last chunk; before "emails", which sends its mails.
  certificateBatches: (now) => resumeCertificateBatches(now),
  // Last, so it also sends what the tasks above queued. Emails a mail outage
  // left queued are sent again once their delay has passed.
  emails: async (now) => (await deliverQueuedEmails({ now })).sent,
};

export async function runMaintenance(now = new Date()): Promise<MaintenanceReport> {
  const report: MaintenanceReport = {};
  for (const [name, task] of Object.entries(tasks)) report[name] = await task(now);
  return report;
}
