import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { runMaintenance } from "@/lib/maintenance";

/**
 * Called by the host's scheduler (Vercel Cron sends `Authorization: Bearer
 * $CRON_SECRET`). Without CRON_SECRET configured the route stays closed.
 */
export async function GET(request: Request) {
  const secret = env().cronSecret;
  const given = request.headers.get("authorization") ?? "";
  const expected = `Bearer ${secret}`;
  const ok =
    !!secret && given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
  if (!ok) return new Response("Not found", { status: 404 });
  const report = await runMaintenance();
  return Response.json({ ok: true, report }, { headers: { "Cache-Control": "no-store" } });
}
