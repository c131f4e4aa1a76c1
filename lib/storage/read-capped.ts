import type { Bytes } from "./types";

/**
 * Reads a stream to the end, but at most `limit` bytes: null as soon as it
 * is longer (the rest is cancelled), so an oversized body is never held in
 * memory whole, whatever its Content-Length claimed.
 */
export async function readCapped(body: ReadableStream<Uint8Array>, limit: number): Promise<Bytes | null> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}
