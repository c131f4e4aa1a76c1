import { describe, expect, it } from "vitest";
import { decodeHeic } from "./heic";

describe("decodeHeic", () => {
  it("throws on bytes that are not a HEIC image, so the check refuses them", async () => {
    await expect(decodeHeic(new TextEncoder().encode("not a photo at all"), { maxPixels: 1000, maxSide: 100 })).rejects.toThrow();
  });
});
