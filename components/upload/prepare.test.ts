import { describe, expect, it } from "vitest";
import { FILE_MESSAGES } from "@/lib/files/messages";
import { downscaleImage, precheckFile, prepareFile } from "./prepare";

const file = (size: number, name: string, type: string) => new File([new Uint8Array(size)], name, { type });

describe("precheckFile", () => {
  it("gives the server's messages without uploading", () => {
    expect(precheckFile(file(10, "cni.pdf", "application/pdf"))).toBeNull();
    expect(precheckFile(file(10, "cni.jpg", "image/jpeg"), 100)).toBeNull();
    expect(precheckFile(file(0, "vide.pdf", "application/pdf"))).toBe(FILE_MESSAGES.empty);
    expect(precheckFile(file(10, "page.html", "text/html"))).toBe(FILE_MESSAGES.type);
    expect(precheckFile(file(10, "logo.svg", "image/svg+xml"))).toBe(FILE_MESSAGES.type);
    // Phone photos in HEIC go up: the server converts them to JPEG.
    expect(precheckFile(file(10, "photo.heic", "image/heic"))).toBeNull();
    expect(precheckFile(file(3 * 1024 * 1024, "scan.pdf", "application/pdf"), 2 * 1024 * 1024)).toBe(
      "Le fichier dépasse la taille maximale de 2 Mo.",
    );
  });

  it("falls back on the name when the browser gives no type", () => {
    expect(precheckFile(file(10, "SCAN.PDF", ""))).toBeNull();
    expect(precheckFile(file(10, "programme.exe", ""))).toBe(FILE_MESSAGES.type);
    expect(precheckFile(file(10, "IMG_0001.HEIC", ""))).toBeNull();
    expect(precheckFile(file(10, "IMG_0002.heic", "application/octet-stream"))).toBeNull();
  });
});

describe("prepareFile", () => {
  it("leaves PDFs and small images as they are", async () => {
    const pdf = file(3 * 1024 * 1024, "scan.pdf", "application/pdf");
    expect(await downscaleImage(pdf)).toBe(pdf);
    const small = file(1000, "cni.png", "image/png");
    expect(await downscaleImage(small)).toBe(small);
  });

  it("refuses an oversized PDF, which no downscaling can shrink", async () => {
    const result = await prepareFile(file(11 * 1024 * 1024, "scan.pdf", "application/pdf"), 10 * 1024 * 1024);
    expect(result.error).toBe("Le fichier dépasse la taille maximale de 10 Mo.");
  });
});
