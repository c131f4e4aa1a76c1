import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { fileFacts, FileLink } from "./new-window";

describe("file links", () => {
  it("say the format and the size, in Ko below a Mo and never 0", () => {
    expect(fileFacts({ mimeType: "application/pdf", size: 120 * 1024 })).toBe("PDF, 120 Ko");
    expect(fileFacts({ mimeType: "image/jpeg", size: 2.5 * 1024 * 1024 })).toBe("JPEG, 2,5 Mo");
    expect(fileFacts({ mimeType: "application/pdf", size: 0 })).toBe("PDF");
    expect(fileFacts({})).toBe("");
  });

  it("say in their name that they open a new tab", () => {
    const html = renderToStaticMarkup(<FileLink fileId="f1" fileName="attestation.pdf" mimeType="application/pdf" size={40_000} />);
    expect(html).toContain('target="_blank"');
    expect(html).toContain("attestation.pdf<span");
    expect(html).toContain("(PDF, 39 Ko)");
    expect(html).toContain('<span class="sr-only"> (nouvelle fenêtre)</span>');
  });
});
