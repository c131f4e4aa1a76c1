import { getCurrentUser } from "@/lib/auth/dal";
import { errorResponse } from "@/lib/errors";
import { readFileForUser } from "@/lib/files";
import { isId } from "@/lib/validation/ids";

// Missing, not yours, or signed out: one answer, so nothing is learnt by probing ids.
const notFound = () =>
  new Response("Document introuvable.", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" },
  });

/** An ASCII-only file name for the header; the accented one goes in filename*. */
function contentDisposition(name: string) {
  const ascii = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._-]+/g, "_")
    .slice(0, 100);
  return `inline; filename="${ascii || "document"}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * Serves a stored file to whoever may read it. The stored type is one of the
 * four accepted ones; the headers stop the browser from sniffing another, and
 * the sandboxing CSP keeps any script in a PDF from running with the
 * portal's origin.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isId(id)) return notFound();
  const user = await getCurrentUser();
  if (!user) return notFound();
  let file;
  try {
    file = await readFileForUser({ fileId: id, user });
  } catch (error) {
    // readFileForUser says "Document introuvable." for missing and not yours alike.
    return errorResponse(error, { headers: { "Cache-Control": "private, no-store" } });
  }
  return new Response(file.bytes, {
    status: 200,
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(file.bytes.byteLength),
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": contentDisposition(file.originalName),
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    },
  });
}
