import { describe, expect, it } from "vitest";
import { csvDownload, csvText } from "./csv";

describe("csvText", () => {
  it("quotes every cell, doubles quotes, and keeps a family's '=' from running as a formula", () => {
    expect(csvText([["Nom", "Rang"], ['=HYPERLINK("x")', 2], ["-1+1", -1], ['Dit "Lulu"; Martin', 0]])).toBe(
      '\uFEFF"Nom";"Rang"\r\n"\'=HYPERLINK(""x"")";"2"\r\n"\'-1+1";"-1"\r\n"Dit ""Lulu""; Martin";"0"\r\n',
    );
  });
});

describe("csvDownload", () => {
  it("serves the CSV as an uncached attachment named in plain ASCII", async () => {
    const response = csvDownload("\uFEFFNom\r\n", "attente-Vacances d'hiver 2027");
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="attente-vacances-d-hiver-2027.csv"');
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(csvDownload("", "liste-Cantine élémentaire").headers.get("Content-Disposition")).toBe('attachment; filename="liste-cantine-elementaire.csv"');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new TextEncoder().encode("\uFEFFNom\r\n"));
  });
});
