import { describe, expect, it, vi } from "vitest";
import sharp from "sharp";
import { AppError } from "@/lib/errors";
import { checkFile, imageDecodes, MAX_INPUT_PIXELS, MAX_INPUT_SIDE } from "./check";
import { FILE_MESSAGES } from "./messages";

// sharp's prebuilt binaries can neither decode nor encode HEVC, so no HEIC
// photo can be made here: the decoder is replaced by one returning the
// pixels a phone photo would give, and the rest of the path is real.
const decodeHeic = vi.hoisted(() => vi.fn());
vi.mock("./heic", () => ({ decodeHeic }));

/** The first bytes of a HEIC file: an ISO-BMFF "ftyp" box with the "heic" brand. */
function heicHeader(): Uint8Array {
  const bytes = new Uint8Array(64);
  bytes.set([0, 0, 0, 24], 0);
  bytes.set(new TextEncoder().encode("ftypheic"), 4);
  bytes.set(new TextEncoder().encode("mif1heic"), 16);
  return bytes;
}

describe("HEIC phone photos", () => {
  it("are converted to a JPEG without metadata", async () => {
    const width = 30;
    const height = 20;
    decodeHeic.mockResolvedValueOnce({ width, height, data: new Uint8Array(width * height * 4).fill(200) });
    const checked = await checkFile({ bytes: heicHeader(), name: "IMG_0001.HEIC" });
    expect(checked).toMatchObject({ mimeType: "image/jpeg", extension: "jpg" });
    const meta = await sharp(checked.bytes).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif]).toEqual(["jpeg", width, height, undefined]);
  });

  it("are refused when they cannot be decoded or declare too many pixels", async () => {
    decodeHeic.mockRejectedValueOnce(new Error("HEIF processing error"));
    const damaged = await checkFile({ bytes: heicHeader(), name: "x.heic" }).catch((e: unknown) => e);
    expect(damaged).toBeInstanceOf(AppError);
    expect((damaged as AppError).message).toBe(FILE_MESSAGES.imageDamaged);

    decodeHeic.mockResolvedValueOnce(null);
    const bomb = await checkFile({ bytes: heicHeader(), name: "x.heic" }).catch((e: unknown) => e);
    expect((bomb as AppError).message).toBe(FILE_MESSAGES.imageTooLarge);
    expect(decodeHeic).toHaveBeenLastCalledWith(expect.any(Uint8Array), { maxPixels: MAX_INPUT_PIXELS, maxSide: MAX_INPUT_SIDE });
  });

  it("take a decode slot, like every other image", async () => {
    let release = () => {};
    decodeHeic.mockClear();
    decodeHeic.mockImplementationOnce(() => new Promise((resolve) => (release = () => resolve(null))));
    const before = imageDecodes.started;
    const pending = checkFile({ bytes: heicHeader(), name: "x.heic" }).catch((e: unknown) => e);
    await vi.waitFor(() => expect(decodeHeic).toHaveBeenCalledTimes(1));
    expect(imageDecodes.started).toBe(before + 1);
    release();
    expect(((await pending) as AppError).message).toBe(FILE_MESSAGES.imageTooLarge);
  });
});
