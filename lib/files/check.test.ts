import { afterEach, describe, expect, it } from "vitest";
import sharp from "sharp";
import { resetEnvForTests } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { checkFile, DecodeQueue, imageDecodes, MAX_INPUT_PIXELS, MAX_INPUT_SIDE } from "./check";
import { makeJpeg, makeJpegWithGps, makePdf, makePng, makePngBomb, makeWindowsExecutable } from "./fixtures";
import { FILE_MESSAGES } from "./messages";

const text = (s: string) => new TextEncoder().encode(s);

async function rejection(bytes: Uint8Array, name: string) {
  const error = await checkFile({ bytes, name }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("FILE_REJECTED");
  return (error as AppError).message;
}

afterEach(() => {
  delete process.env.UPLOAD_MAX_MB;
  resetEnvForTests();
});

describe("checkFile", () => {
  it("accepts a PNG, a JPEG and a PDF, recognised by content", async () => {
    const png = await checkFile({ bytes: await makePng(), name: "scan.pdf" });
    expect(png).toMatchObject({ mimeType: "image/png", extension: "png" });
    expect((await sharp(png.bytes).metadata()).format).toBe("png");

    const jpeg = await checkFile({ bytes: await makeJpeg(), name: "photo" });
    expect(jpeg).toMatchObject({ mimeType: "image/jpeg", extension: "jpg" });

    const pdfBytes = makePdf();
    const pdf = await checkFile({ bytes: pdfBytes, name: "piece.png" });
    expect(pdf).toMatchObject({ mimeType: "application/pdf", extension: "pdf" });
    expect(pdf.bytes).toEqual(pdfBytes);
  });

  it("accepts a WebP image", async () => {
    const webp = new Uint8Array(
      await sharp({ create: { width: 10, height: 10, channels: 3, background: "#fff" } }).webp().toBuffer(),
    );
    expect(await checkFile({ bytes: webp, name: "x.webp" })).toMatchObject({ mimeType: "image/webp" });
  });

  it("refuses an executable renamed .pdf, HTML, SVG and text", async () => {
    expect(await rejection(makeWindowsExecutable(), "facture.pdf")).toBe(FILE_MESSAGES.type);
    expect(await rejection(text("<!doctype html><script>alert(1)</script>"), "page.pdf")).toBe(FILE_MESSAGES.type);
    expect(
      await rejection(
        text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        "image.png",
      ),
    ).toBe(FILE_MESSAGES.type);
    expect(await rejection(text("Bonjour, voici mon document."), "texte.jpg")).toBe(FILE_MESSAGES.type);
  });

  it("refuses an empty file", async () => {
    expect(await rejection(new Uint8Array(0), "vide.pdf")).toBe("Le fichier est vide.");
  });

  it("refuses a file over the configured limit, naming the limit", async () => {
    process.env.UPLOAD_MAX_MB = "1";
    resetEnvForTests();
    const big = new Uint8Array(1024 * 1024 + 1);
    big.set(makePdf());
    expect(await rejection(big, "gros.pdf")).toBe("Le fichier dépasse la taille maximale de 1 Mo.");
  });

  it("names the default limit of 10 Mo", async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    expect(await rejection(big, "gros.pdf")).toBe("Le fichier dépasse la taille maximale de 10 Mo.");
  });

  it("refuses a truncated PDF", async () => {
    const pdf = makePdf();
    expect(await rejection(pdf.subarray(0, pdf.length - 10), "coupe.pdf")).toBe(
      "Le fichier PDF est incomplet ou endommagé.",
    );
  });

  it("refuses an image bomb before decoding it", async () => {
    const bomb = makePngBomb();
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    expect(await rejection(bomb, "bombe.png")).toBe(FILE_MESSAGES.imageTooLarge);
    expect(FILE_MESSAGES.imageTooLarge).toContain("L'image est trop grande ou endommagée.");
  });

  it("refuses a small PNG declaring 7000 × 7000 pixels from its header, without decoding it", async () => {
    const bomb = makePngBomb(7000);
    expect(bomb.byteLength).toBeLessThan(100 * 1024);
    const decodesBefore = imageDecodes.started;
    const started = performance.now();
    expect(await rejection(bomb, "bombe.png")).toBe(FILE_MESSAGES.imageTooLarge);
    // Decoding it took 0.65 s; reading its header takes a millisecond or two (loose bound for a busy machine).
    expect(performance.now() - started).toBeLessThan(100);
    expect(imageDecodes.started).toBe(decodesBefore);
  });

  it("refuses what no phone photo is: a side over 8000 px or more than 25 megapixels", async () => {
    expect(await rejection(makePngBomb(MAX_INPUT_SIDE + 1), "x.png")).toBe(FILE_MESSAGES.imageTooLarge);
    expect(await rejection(makePngBomb(5001), "x.png")).toBe(FILE_MESSAGES.imageTooLarge); // 25.01 MP
    // A 24 MP photo of a recent iPhone (5712 × 4284) is at the limit's side of it; a 4:3 12 MP one well within.
    expect(5712 * 4284).toBeLessThanOrEqual(MAX_INPUT_PIXELS);
  });

  it("never decodes more than two images at once, however many arrive", async () => {
    const images = await Promise.all(Array.from({ length: 8 }, (_, i) => makePng(600 + i, 400)));
    imageDecodes.peak = 0;
    const before = imageDecodes.started;
    const results = await Promise.allSettled(images.map((bytes) => checkFile({ bytes, name: "photo.png" })));
    const done = results.filter((r) => r.status === "fulfilled").length;
    expect(imageDecodes.started - before).toBe(done);
    expect(done).toBeGreaterThanOrEqual(2 + imageDecodes.maxWaiting);
    expect(imageDecodes.peak).toBeLessThanOrEqual(2);
    for (const r of results) if (r.status === "rejected") expect((r.reason as AppError).message).toBe(FILE_MESSAGES.busy);
  });

  it("refuses a truncated image", async () => {
    const jpeg = await makeJpeg(200, 200);
    expect(await rejection(jpeg.subarray(0, Math.floor(jpeg.length / 2)), "coupe.jpg")).toBe(
      FILE_MESSAGES.imageDamaged,
    );
  });

  it("drops EXIF (GPS included) and applies the orientation", async () => {
    const original = await makeJpegWithGps(60, 30);
    const before = await sharp(original).metadata();
    // The GPS IFD pointer (tag 0x8825, little-endian here) is in the original.
    expect(before.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true);
    expect(before.orientation).toBe(6);

    const checked = await checkFile({ bytes: original, name: "photo.jpg" });
    const after = await sharp(checked.bytes).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(Buffer.from(checked.bytes).includes("GPS")).toBe(false);
    expect([after.width, after.height]).toEqual([30, 60]);
  });

  it("downscales a large image to 2560 px on its long side", async () => {
    const checked = await checkFile({ bytes: await makePng(3000, 1200), name: "scan.png" });
    const meta = await sharp(checked.bytes).metadata();
    expect([meta.width, meta.height]).toEqual([2560, 1024]);
  });
});

describe("DecodeQueue", () => {
  function deferred() {
    let resolve = () => {};
    const promise = new Promise<void>((r) => (resolve = r));
    return { promise, resolve };
  }

  it("runs at most two at once, lets the others wait in turn and refuses past the waiting room, in French", async () => {
    const queue = new DecodeQueue(2, 3);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const gates = Array.from({ length: 6 }, deferred);
    const tasks = gates.map((gate, i) =>
      queue.run(async () => {
        running += 1;
        most = Math.max(most, running);
        order.push(i);
        await gate.promise;
        running -= 1;
        return i;
      }),
    );
    const settled = Promise.allSettled(tasks);
    await Promise.resolve();
    expect(order).toEqual([0, 1]);
    // 2 running + 3 waiting: the sixth is turned away at once.
    await expect(tasks[5]).rejects.toMatchObject({ code: "THROTTLED", message: "Le serveur est occupé, réessayez dans un instant." });
    for (const gate of gates) gate.resolve();
    const results = await settled;
    expect(results.slice(0, 5).map((r) => (r.status === "fulfilled" ? r.value : null))).toEqual([0, 1, 2, 3, 4]);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
    expect(queue.peak).toBe(2);
  });

  it("frees the slot when a decode fails", async () => {
    const queue = new DecodeQueue(1, 0);
    await expect(queue.run(async () => Promise.reject(new Error("broken")))).rejects.toThrow("broken");
    await expect(queue.run(async () => "ok")).resolves.toBe("ok");
  });
});
