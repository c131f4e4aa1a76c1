import { FILE_MESSAGES, isAcceptedMimeType, isConvertedMimeType, tooLargeMessage } from "@/lib/files/messages";

/** Phone photos above this are downscaled before they leave the browser. */
export const DOWNSCALE_ABOVE_BYTES = 1.5 * 1024 * 1024;
const MAX_SIDE = 2560;
const DOWNSCALABLE = new Set<string>(["image/jpeg", "image/png", "image/webp"]);
const EXTENSIONS: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  pdf: "application/pdf",
  // Browsers often give HEIC photos no type; the server converts them to JPEG.
  heic: "image/heic",
  heif: "image/heif",
};

// Files this module produced, so a second pass (field, then upload) does not re-encode them.
const prepared = new WeakSet<File>();

/**
 * A 12-megapixel photo taken for an identity check weighs several megabytes
 * on a phone connection; redrawn at 2560 px as JPEG it keeps every readable
 * detail for a fraction of the upload. The orientation is applied while
 * decoding, the white background stands in for PNG transparency, and the
 * original is kept whenever the browser cannot decode it or the result
 * would not be smaller (the server checks and normalises either way). PDFs
 * are never touched.
 */
export async function downscaleImage(file: File): Promise<File> {
  if (prepared.has(file) || !DOWNSCALABLE.has(file.type) || file.size <= DOWNSCALE_ABOVE_BYTES) return file;
  if (typeof createImageBitmap !== "function" || typeof document === "undefined") return file;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  } catch {
    return file;
  }
  try {
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement("canvas");
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const context = canvas.getContext("2d");
    if (!context) return file;
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.85));
    if (!blob || blob.size >= file.size) return file;
    const result = new File([blob], withExtension(file.name, "jpg"), { type: "image/jpeg", lastModified: file.lastModified });
    prepared.add(result);
    return result;
  } finally {
    bitmap.close();
  }
}

function withExtension(name: string, extension: string) {
  const base = name.replace(/\.[^.]*$/, "") || "photo";
  return `${base}.${extension}`;
}

/** The type the browser gives, or the one the name suggests when the browser gives none. */
function declaredType(file: File): string {
  if (file.type && file.type !== "application/octet-stream") return file.type;
  const extension = file.name.split(".").pop()?.toLowerCase() ?? "";
  return EXTENSIONS[extension] ?? "";
}

/**
 * The checks the browser can make without uploading, with the server's own
 * messages. Only a first filter: the server decides from the content.
 * Returns the message to show, or null.
 */
export function precheckFile(file: File, maxBytes?: number): string | null {
  if (file.size === 0) return FILE_MESSAGES.empty;
  const type = declaredType(file);
  if (!isAcceptedMimeType(type) && !isConvertedMimeType(type)) return FILE_MESSAGES.type;
  if (maxBytes !== undefined && file.size > maxBytes) return tooLargeMessage(maxBytes);
  return null;
}

/** Downscales when useful, then prechecks: what both the field and the upload do. */
export async function prepareFile(file: File, maxBytes?: number): Promise<{ file: File; error: string | null }> {
  const early = precheckFile(file);
  if (early) return { file, error: early };
  const ready = await downscaleImage(file);
  return { file: ready, error: precheckFile(ready, maxBytes) };
}
