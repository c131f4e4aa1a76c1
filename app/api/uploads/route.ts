import { getCurrentUser } from "@/lib/auth/dal";
import { clientAddress } from "@/lib/auth/client-address";
import { env } from "@/lib/env";
import { errorResponse } from "@/lib/errors";
import { acceptUpload } from "@/lib/files";
import { FILE_MESSAGES, tooLargeMessage } from "@/lib/files/messages";
import { readCapped } from "@/lib/storage/read-capped";

// Room for the multipart envelope around the file (boundaries, headers, name).
const MULTIPART_MARGIN = 64 * 1024;

const answer = (status: number, body: object) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/**
 * The upload endpoint of the local storage driver (UploadThing, when
 * configured, takes uploads directly). Anonymous uploads are allowed because
 * registration needs an identity document before any account exists; the
 * pipeline throttles them and only the returned claim can attach the file.
 */
export async function POST(request: Request) {
  if (env().uploadthingToken) return answer(404, { error: "Introuvable." });
  // A cross-site page must not make a visitor's browser upload files here.
  if (request.headers.get("sec-fetch-site") === "cross-site") return answer(403, { error: "Requête refusée." });

  const maxBytes = env().uploadMaxBytes;
  const tooLarge = () => answer(413, { error: tooLargeMessage(maxBytes) });
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes + MULTIPART_MARGIN) return tooLarge();
  if (!request.body) return answer(400, { error: FILE_MESSAGES.missing });
  const body = await readCapped(request.body, maxBytes + MULTIPART_MARGIN);
  if (!body) return tooLarge();

  let file: FormDataEntryValue | null;
  try {
    const form = await new Response(body, {
      headers: { "content-type": request.headers.get("content-type") ?? "" },
    }).formData();
    file = form.get("file");
  } catch {
    return answer(400, { error: FILE_MESSAGES.missing });
  }
  if (!(file instanceof File)) return answer(400, { error: FILE_MESSAGES.missing });
  // Within the envelope's margin but still over the limit: 413 here, so no answer depends on the check's wording.
  if (file.size > maxBytes) return tooLarge();

  const user = await getCurrentUser();
  try {
    const receipt = await acceptUpload({
      bytes: new Uint8Array(await file.arrayBuffer()),
      name: file.name,
      uploadedById: user?.id,
      address: clientAddress(request.headers),
    });
    return answer(201, receipt);
  } catch (error) {
    return errorResponse(error, { json: true });
  }
}
