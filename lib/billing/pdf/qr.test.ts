import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { qrPath } from "./qr";

/** Paints the path's rectangles back onto a grid, to compare with the symbol's modules. */
function paint(d: string, size: number) {
  const grid = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (const [, x, y, w] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let i = 0; i < Number(w); i++) grid[Number(y)][Number(x) + i] += 1;
  }
  return grid;
}

describe("qrPath", () => {
  it("fills exactly the dark modules of the symbol, once each, inside the quiet zone", () => {
    const text = "https://famille.example/payer?identifiant=K7Q2M9XW4HT3NB8R";
    const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
    const { size, d } = qrPath(text);
    expect(size).toBe(modules.size + 2);
    const expected = Array.from({ length: size }, (_, row) =>
      Array.from({ length: size }, (_, col) => {
        const inside = row > 0 && col > 0 && row <= modules.size && col <= modules.size;
        return inside ? modules.get(row - 1, col - 1) : 0;
      }),
    );
    expect(paint(d, size)).toEqual(expected);
  });
});
