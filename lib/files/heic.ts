import decode from "heic-decode";

export type DecodedImage = { width: number; height: number; data: Uint8Array };

/**
 * The primary image of a HEIC/HEIF file as RGBA pixels, or null when the
 * file declares more pixels than `maxPixels` (read from the header, before
 * any pixel is decoded, so an image bomb costs nothing). Throws when the
 * file cannot be decoded.
 */
export async function decodeHeic(bytes: Uint8Array, maxPixels: number): Promise<DecodedImage | null> {
  const images = await decode.all({ buffer: bytes });
  try {
    const first = images[0];
    if (!first) throw new Error("HEIC file without an image");
    if (first.width * first.height > maxPixels) return null;
    const { width, height, data } = await first.decode();
    return { width, height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  } finally {
    // The decoder lives in WebAssembly memory, which the garbage collector does not reclaim.
    images.dispose();
  }
}
