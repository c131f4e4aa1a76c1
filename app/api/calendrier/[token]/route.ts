import { clientAddress } from "@/lib/auth/client-address";
import { FEED_NOT_FOUND, readCalendarFeed } from "@/lib/calendar-feed";
import { errorResponse } from "@/lib/errors";
import { hitRateLimit } from "@/lib/rate-limit";

/** A base64url token of 32 bytes, with the ".ics" the shown address ends with. */
const TOKEN = /^([A-Za-z0-9_-]{43})(\.ics)?$/;

/** Guessing is hopeless (256 bits), but a client hammering unknown addresses is slowed all the same. */
const UNKNOWN_LIMIT = { max: 30, windowMinutes: 15 };

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * The household's calendar, for calendar apps: no session, the secret in the
 * address is the proof. Private caching only, so a shared proxy never keeps
 * one family's days.
 */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token: raw } = await params;
  const match = TOKEN.exec(raw);
  const ics = match ? await readCalendarFeed({ token: match[1] }) : null;
  if (ics === null) {
    try {
      await hitRateLimit({
        key: `calendar-feed:${clientAddress(request.headers)}`,
        ...UNKNOWN_LIMIT,
        message: "Trop de demandes de calendrier inconnues : réessayez dans un quart d'heure.",
      });
    } catch (error) {
      return errorResponse(error);
    }
    return plain(404, FEED_NOT_FOUND);
  }
  return new Response(ics, {
    status: 200,
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="portail-famille.ics"',
      "Cache-Control": "private, max-age=900",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
