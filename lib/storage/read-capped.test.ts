import { describe, expect, it } from "vitest";
import { readCapped } from "./read-capped";

function streamOf(...parts: number[]): { stream: ReadableStream<Uint8Array>; cancelled: () => boolean } {
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const size of parts) controller.enqueue(new Uint8Array(size).fill(7));
      controller.close();
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, cancelled: () => cancelled };
}

describe("readCapped", () => {
  it("returns the whole body when it fits, up to the limit itself", async () => {
    const bytes = await readCapped(streamOf(3, 4, 3).stream, 10);
    expect(bytes?.byteLength).toBe(10);
    expect(bytes?.buffer).toBeInstanceOf(ArrayBuffer);
  });

  it("answers null and cancels the stream as soon as the body is longer", async () => {
    const { stream, cancelled } = streamOf(6, 6, 6);
    expect(await readCapped(stream, 10)).toBeNull();
    expect(cancelled()).toBe(true);
  });
});
