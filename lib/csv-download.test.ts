import { describe, expect, it } from "vitest";
import { csvDownload } from "./csv-download";

describe("csvDownload", () => {
  it("serves the CSV as an uncached attachment named in plain ASCII", async () => {
    const response = csvDownload("\uFEFFNom\r\n", "attente-Vacances d'hiver 2027");
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="attente-vacances-d-hiver-2027.csv"');
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(csvDownload("", "liste-Cantine élémentaire").headers.get("Content-Disposition")).toMatch(/^[\x20-\x7e]+$/);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new TextEncoder().encode("\uFEFFNom\r\n"));
  });
});
