import decode from "heic-decode";

export type DecodedImage = { width: number; height: number; data: Uint8Array };
export type PixelLimits = { maxPixels: number; maxSide: number };

/**
 * The primary image of a HEIC/HEIF file as RGBA pixels, or null when the
 * file declares more pixels, or a longer side, than the limits allow (read
 * from the header, before any pixel is decoded, so an image bomb costs
 * nothing). Throws when the file cannot be decoded.
 */
export async function decodeHeic(bytes: Uint8Array, { maxPixels, maxSide }: PixelLimits): Promise<DecodedImage | null> {
  const images = await decode.all({ buffer: bytes });
  try {
    const first = images[0];
    if (!first) throw new Error("HEIC file without an image");
    const { width, height } = first;
    if (!(width > 0 && height > 0) || width * height > maxPixels || width > maxSide || height > maxSide) return null;
    const decoded = await first.decode();
    return { width: decoded.width, height: decoded.height, data: new Uint8Array(decoded.data.buffer, decoded.data.byteOffset, decoded.data.byteLength) };
  } finally {
    // The decoder lives in WebAssembly memory, which the garbage collector does not reclaim.
    images.dispose();
  }
}
