import { crc32, deflateSync } from "node:zlib";
import sharp from "sharp";

/**
 * Real files for tests, made on the spot so the suite ships no binaries.
 * Shared by the check, upload and route tests.
 */
export async function makePng(width = 40, height = 30): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(
    await sharp({ create: { width, height, channels: 3, background: { r: 20, g: 120, b: 200 } } }).png().toBuffer(),
  );
}

export async function makeJpeg(width = 40, height = 30): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(
    await sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } }).jpeg().toBuffer(),
  );
}

/** A JPEG as a phone writes it: with the place it was taken and an orientation tag. */
export async function makeJpegWithGps(width = 60, height = 30): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(
    await sharp({ create: { width, height, channels: 3, background: { r: 90, g: 90, b: 90 } } })
      .jpeg()
      .withExif({
        IFD0: { Make: "Telephone", Model: "Test" },
        IFD3: { GPSLatitudeRef: "N", GPSLatitude: "43/1 27/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "3/1 15/1 0/1" },
      })
      .withMetadata({ orientation: 6 })
      .toBuffer(),
  );
}

export function makePdf(): Uint8Array<ArrayBuffer> {
  const body = [
    "%PDF-1.4",
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
    "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj",
    "trailer << /Root 1 0 R >>",
    "%%EOF",
    "",
  ].join("\n");
  return new TextEncoder().encode(body);
}

/**
 * A decompression bomb: a 1-bit PNG declaring 20000 × 20000 pixels whose
 * all-zero rows deflate to a few dozen kilobytes.
 */
export function makePngBomb(side = 20_000): Uint8Array<ArrayBuffer> {
  const chunk = (type: string, data: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  const rowBytes = 1 + Math.ceil(side / 8);
  const raw = Buffer.alloc(rowBytes * side);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk("IHDR", header),
      chunk("IDAT", deflateSync(raw, { level: 9 })),
      chunk("IEND", Buffer.alloc(0)),
    ]),
  );
}

/** The first bytes of a Windows executable, as an attacker would rename it "facture.pdf". */
export function makeWindowsExecutable(): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(512);
  bytes.set([0x4d, 0x5a], 0); // "MZ"
  new DataView(bytes.buffer).setUint32(0x3c, 0x80, true);
  bytes.set([0x50, 0x45, 0x00, 0x00], 0x80); // "PE\0\0"
  bytes.set([0x4c, 0x01], 0x84); // i386
  return bytes;
}
