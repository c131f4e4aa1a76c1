import QRCode from "qrcode";

/** A QR code as one vector path: `size` modules square, quiet zone included, dark modules filled. */
export type QrPath = { size: number; d: string };

/**
 * The payment link's QR code drawn as vectors rather than a PNG: sharp at any
 * print size, and no image to encode then decode again for every invoice.
 * Each row's runs of dark modules become one rectangle.
 */
export function qrPath(text: string, quietZone = 1): QrPath {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const n = modules.size;
  const parts: string[] = [];
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      parts.push(`M${start + quietZone} ${row + quietZone}h${col - start}v1h-${col - start}z`);
    }
  }
  return { size: n + 2 * quietZone, d: parts.join("") };
}
