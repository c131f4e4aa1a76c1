import "server-only";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { env } from "@/lib/env";
import type { Bytes } from "@/lib/storage/types";
import { AppError } from "@/lib/errors";
import { decodeHeic } from "./heic";
import { FILE_MESSAGES, isAcceptedMimeType, isConvertedMimeType, tooLargeMessage, type AcceptedMimeType } from "./messages";

/**
 * Past these, an image is refused from its header, before any pixel is
 * decoded (decompression bombs: a 6 KB PNG may declare 7000 × 7000 pixels,
 * 0.65 s of decoding). A phone's usual setting gives 12 MP (4032 × 3024) and,
 * on recent iPhones, 24 MP (5712 × 4284 = 24.5 MP), hence 25 MP; the 48 to
 * 200 MP modes are opt-in and add nothing to an identity check. Decoded, 25
 * MP is 100 MB of RGBA. No photo's side comes near 8000 px; the side limit
 * refuses the long strips the area limit alone would let through.
 */
export const MAX_INPUT_PIXELS = 25_000_000;
export const MAX_INPUT_SIDE = 8000;
/** A phone photo stays readable for an identity check well below its native size. */
export const MAX_IMAGE_SIDE = 2560;

/**
 * Decoding an image takes a core for up to a few tenths of a second; on a
 * small server, eight at once were enough to slow every page. At most two
 * decode at a time, a few more wait their turn, and past that the upload is
 * refused with a French "try again" rather than queued without end.
 */
export class DecodeQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** The most decodes seen running at once, and how many ever started: for tests and diagnostics. */
  peak = 0;
  started = 0;

  constructor(
    readonly maxRunning: number,
    readonly maxWaiting: number,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.maxRunning) {
      if (this.waiting.length >= this.maxWaiting) throw new AppError("THROTTLED", FILE_MESSAGES.busy);
      // The finishing decode hands its slot over directly, so `running` never goes past the limit.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    this.started += 1;
    this.peak = Math.max(this.peak, this.running);
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}

export const imageDecodes = new DecodeQueue(2, 6);

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
    return { bytes: await imageDecodes.run(() => convertHeic(bytes)), mimeType: "image/jpeg", extension: "jpg" };
  }
  if (!detected || !isAcceptedMimeType(detected.mime)) throw reject(FILE_MESSAGES.type);
  const mimeType = detected.mime;
  const extension = EXTENSIONS[mimeType];

  if (mimeType === "application/pdf") {
    checkPdfStructure(bytes);
    return { bytes: new Uint8Array(bytes), mimeType, extension };
  }
  await checkDeclaredSize(bytes);
  return { bytes: await imageDecodes.run(() => normaliseImage(bytes, mimeType)), mimeType, extension };
}

/** Reads the dimensions from the image's header only (no pixel is decoded) and refuses what no phone photo needs. */
async function checkDeclaredSize(bytes: Uint8Array) {
  let width: number | undefined;
  let height: number | undefined;
  try {
    // Without a pixel limit here: metadata() decodes nothing, and the limit is what is checked just below.
    ({ width, height } = await sharp(bytes, { limitInputPixels: false }).metadata());
  } catch {
    throw reject(FILE_MESSAGES.imageDamaged);
  }
  if (!width || !height) throw reject(FILE_MESSAGES.imageDamaged);
  if (width * height > MAX_INPUT_PIXELS || width > MAX_INPUT_SIDE || height > MAX_INPUT_SIDE) throw reject(FILE_MESSAGES.imageTooLarge);
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
 * as checkDeclaredSize does for the other formats. Runs inside a decode slot,
 * which the JPEG normalisation after it does not take again.
 */
async function convertHeic(bytes: Uint8Array): Promise<Bytes> {
  let image;
  try {
    image = await decodeHeic(bytes, { maxPixels: MAX_INPUT_PIXELS, maxSide: MAX_INPUT_SIDE });
  } catch {
    throw reject(FILE_MESSAGES.imageDamaged);
  }
  if (!image) throw reject(FILE_MESSAGES.imageTooLarge);
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
