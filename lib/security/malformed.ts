/**
 * Requests Next would answer with a 500 (and an error in the logs) although
 * nothing failed but the request itself: a path whose %-escapes do not
 * decode, a server action whose body React cannot decode or that exceeds
 * the limit, a form post whose multipart body is broken. proxy.ts asks
 * first and answers 400 or 413, in French.
 */

/** experimental.serverActions.bodySizeLimit in next.config.ts. */
export const ACTION_BODY_LIMIT = 2 * 1024 * 1024;

export type Refusal = { status: 400 | 403 | 413; message: string };

const BAD_PATH: Refusal = { status: 400, message: "Adresse invalide." };
const BAD_BODY: Refusal = { status: 400, message: "Requête invalide." };
const TOO_LARGE: Refusal = { status: 413, message: "Requête trop volumineuse." };

export function refusePath(pathname: string): Refusal | null {
  try {
    decodeURIComponent(pathname);
    return null;
  } catch {
    return BAD_PATH;
  }
}

/**
 * A POST Next may run as an action: with a Next-Action header (the client's
 * fetch), or a multipart form (the script-less forms). The body is read
 * from a clone, so the action still receives it.
 */
export async function refuseActionBody(request: Request): Promise<Refusal | null> {
  if (request.method.toUpperCase() !== "POST") return null;
  const contentType = (request.headers.get("content-type") ?? "").toLowerCase();
  const multipart = contentType.startsWith("multipart/form-data");
  const fetchAction = request.headers.has("next-action");
  if (!multipart && !fetchAction) return null;

  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > ACTION_BODY_LIMIT) return TOO_LARGE;

  if (multipart) {
    let form: FormData;
    try {
      form = await request.clone().formData();
    } catch {
      return BAD_BODY;
    }
    // React encodes a fetch action's arguments as a JSON array in field "0".
    if (fetchAction && !isJsonArray(form.get("0"))) return BAD_BODY;
    return null;
  }

  const text = await readUpTo(request.clone(), ACTION_BODY_LIMIT);
  if (text === null) return TOO_LARGE;
  return isJsonArray(text) ? null : BAD_BODY;
}

function isJsonArray(value: FormDataEntryValue | string | null): boolean {
  if (typeof value !== "string") return false;
  try {
    return Array.isArray(JSON.parse(value));
  } catch {
    return false;
  }
}

/** The body as text, or null past `limit` bytes (a chunked body declares no length). */
async function readUpTo(request: Request, limit: number): Promise<string | null> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: a tee'd branch's cancel settles only once the other branch (Next's) is cancelled too.
      reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
