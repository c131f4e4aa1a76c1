import { describe, expect, it } from "vitest";
import { fromHeader } from "./address";

describe("fromHeader", () => {
  it("names the authority and keeps the address MAIL_FROM gives, with or without a name of its own", () => {
    expect(fromHeader("Communauté de communes du Val Fleuri", "noreply@val-fleuri.fr")).toBe(
      '"Communauté de communes du Val Fleuri" <noreply@val-fleuri.fr>',
    );
    expect(fromHeader("Communauté de communes du Val Fleuri", "Portail Famille <noreply@val-fleuri.fr>")).toBe(
      '"Communauté de communes du Val Fleuri" <noreply@val-fleuri.fr>',
    );
  });

  it("quotes a comma and escapes quotes and backslashes, so the name stays one mailbox (RFC 5322 quoted-string)", () => {
    expect(fromHeader('Mairie de Saint-Jean, service "Enfance"', "noreply@exemple.fr")).toBe(
      '"Mairie de Saint-Jean, service \\"Enfance\\"" <noreply@exemple.fr>',
    );
    expect(fromHeader("Régie A\\B", "noreply@exemple.fr")).toBe('"Régie A\\\\B" <noreply@exemple.fr>');
  });

  it("never lets a setting add a header line, and falls back to the bare address without a name", () => {
    expect(fromHeader("Mairie\r\nBcc: tous@exemple.fr", "noreply@exemple.fr")).toBe('"Mairie Bcc: tous@exemple.fr" <noreply@exemple.fr>');
    expect(fromHeader("  \n ", "Portail <noreply@exemple.fr>")).toBe("noreply@exemple.fr");
  });
});
