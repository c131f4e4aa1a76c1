import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/**
 * Counts a hit for `key` and refuses past `max` hits in the window. Stored in
 * the database so that limits hold across instances. Hits on one key take
 * turns (a transaction-scoped advisory lock on the key): requests fired all
 * at once cannot each read a count below the limit.
 */
export async function hitRateLimit({
  key,
  max,
  windowMinutes,
  message,
  now = new Date(),
}: {
  key: string;
  max: number;
  windowMinutes: number;
  message: string;
  now?: Date;
}) {
  const db = await getDb();
  const since = new Date(now.getTime() - windowMinutes * 60_000);
  const allowed = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))::text`;
    const count = await tx.rateLimitHit.count({ where: { key, createdAt: { gt: since } } });
    if (count >= max) return false;
    await tx.rateLimitHit.create({ data: { key, createdAt: now } });
    return true;
  });
  if (!allowed) throw new AppError("THROTTLED", message);
}
