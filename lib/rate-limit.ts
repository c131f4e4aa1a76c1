import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/**
 * Counts a hit for `key` and refuses past `max` hits in the window. Stored in
 * the database so that limits hold across instances.
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
  const count = await db.rateLimitHit.count({ where: { key, createdAt: { gt: since } } });
  if (count >= max) throw new AppError("THROTTLED", message);
  await db.rateLimitHit.create({ data: { key, createdAt: now } });
}
