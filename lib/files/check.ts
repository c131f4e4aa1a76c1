import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { env } from "@/lib/env";
import type { Bytes } from "@/lib/storage/types";
import { AppError } from "@/lib/errors";
import { decodeHeic } from "./heic";
import { FILE_MESSAGES, isAcceptedMimeType, isConvertedMimeType, tooLargeMessage, type AcceptedMimeType } from "./messages";

/** Past this, decoding is refused before any pixel is allocated (decompression bombs). */
export const MAX_INPUT_PIXELS = 50_000_000;
/** A phone photo stays readable for an identity check well below its native size. */
export const MAX_IMAGE_SIDE = 2560;

const EXTENSIONS: Record<AcceptedMimeType, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "application/pdf": "pdf",
};

export type CheckedFile = { bytes: Bytes; mimeType: AcceptedMimeType; extension: string };

const reject = (message: string) => new AppError("FILE_REJECTED", message);

/**
 * Decides whether a file may be stored, from its content only: the name and
 * the type the browser declared are both under the sender's control. Images
 * come back re-encoded (oriented, without metadata, bounded in size) so that
 * what is stored is pixels we produced, not whatever else the original
 * carried; a PDF is kept byte for byte once its structure looks complete.
 */
export async function checkFile({ bytes }: { bytes: Uint8Array; name: string }): Promise<CheckedFile> {
  if (bytes.byteLength === 0) throw reject(FILE_MESSAGES.empty);
  const maxBytes = env().uploadMaxBytes;
  if (bytes.byteLength > maxBytes) throw reject(tooLargeMessage(maxBytes));

  const detected = await fileTypeFromBuffer(bytes);
  if (detected && isConvertedMimeType(detected.mime)) {
    return { bytes: await convertHeic(bytes), mimeType: "image/jpeg", extension: "jpg" };
  }
  if (!detected || !isAcceptedMimeType(detected.mime)) throw reject(FILE_MESSAGES.type);
  const mimeType = detected.mime;
  const extension = EXTENSIONS[mimeType];

  if (mimeType === "application/pdf") {
    checkPdfStructure(bytes);
    return { bytes: new Uint8Array(bytes), mimeType, extension };
  }
  return { bytes: await normaliseImage(bytes, mimeType), mimeType, extension };
}

function checkPdfStructure(bytes: Uint8Array) {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const startsRight = buffer.subarray(0, 5).toString("latin1") === "%PDF-";
  // Writers may append a few bytes (newlines, incremental-update padding)
  // after the trailer, hence a window rather than the very last bytes.
  const tail = buffer.subarray(Math.max(0, buffer.length - 1024));
  if (!startsRight || !tail.includes("%%EOF", 0, "latin1")) throw reject(FILE_MESSAGES.pdfDamaged);
}

/**
 * sharp's prebuilt binaries cannot decode HEVC, so the photo is decoded to
 * raw pixels by libheif (WebAssembly) and then goes through the same
 * normalisation as any JPEG. The declared size is checked before decoding,
 * as sharp's pixel limit does for the other formats.
 */
async function convertHeic(bytes: Uint8Array): Promise<Bytes> {
  let image;
  try {
    image = await decodeHeic(bytes, MAX_INPUT_PIXELS);
  } catch {
    throw reject(FILE_MESSAGES.imageDamaged);
  }
  if (!image) throw reject(FILE_MESSAGES.imageDamaged);
  try {
    const raw = sharp(image.data, { raw: { width: image.width, height: image.height, channels: 4 } });
    const jpeg = await raw.flatten({ background: "#ffffff" }).jpeg({ quality: 92 }).toBuffer();
    return await normaliseImage(new Uint8Array(jpeg), "image/jpeg");
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw reject(FILE_MESSAGES.imageDamaged);
  }
}

async function normaliseImage(bytes: Uint8Array, mimeType: Exclude<AcceptedMimeType, "application/pdf">) {
  try {
    // failOn "error": a truncated upload is refused rather than stored half grey.
    let pipeline = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" })
      .autoOrient()
      .resize({ width: MAX_IMAGE_SIDE, height: MAX_IMAGE_SIDE, fit: "inside", withoutEnlargement: true });
    // No withMetadata()/keepExif(): sharp then writes no EXIF, XMP or IPTC,
    // which is what drops the GPS position phones put in photos.
    if (mimeType === "image/jpeg") pipeline = pipeline.jpeg({ quality: 85, mozjpeg: true });
    else if (mimeType === "image/png") pipeline = pipeline.png();
    else pipeline = pipeline.webp({ quality: 85 });
    return new Uint8Array(await pipeline.toBuffer());
  } catch {
    throw reject(FILE_MESSAGES.imageDamaged);
  }
}
