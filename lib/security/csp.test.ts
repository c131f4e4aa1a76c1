import { describe, expect, it } from "vitest";
import { buildCsp, newNonce, originOf, UPLOADTHING_CONNECT_SOURCES } from "./csp";

const base = { nonce: "bm9uY2Utdm9vcg==", development: false, https: false, uploadthing: false };

/** directive name → its values */
function parse(header: string): Map<string, string[]> {
  return new Map(
    header.split(";").map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
}

describe("buildCsp", () => {
  it("allows only the page's own and nonce-stamped scripts, in production", () => {
    const csp = parse(buildCsp(base));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-bm9uY2Utdm9vcg=='", "'strict-dynamic'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
    expect(buildCsp(base)).not.toContain("unsafe-eval");
  });

  it("lets next dev evaluate code", () => {
    expect(parse(buildCsp({ ...base, development: true })).get("script-src")).toContain("'unsafe-eval'");
  });

  it("opens UploadThing's hosts to the browser only when UploadThing is used", () => {
    expect(parse(buildCsp({ ...base, uploadthing: true })).get("connect-src")).toEqual(["'self'", ...UPLOADTHING_CONNECT_SOURCES]);
    expect(UPLOADTHING_CONNECT_SOURCES).toEqual(["https://*.ingest.uploadthing.com", "https://utfs.io", "https://*.ufs.sh"]);
  });

  it("lets the payment form end on PayFiP's page", () => {
    const csp = parse(buildCsp({ ...base, paymentOrigin: "https://www.payfip.gouv.fr/tpa/paiementws.web" }));
    expect(csp.get("form-action")).toEqual(["'self'", "https://www.payfip.gouv.fr"]);
    expect(parse(buildCsp({ ...base, paymentOrigin: "javascript:alert(1)" })).get("form-action")).toEqual(["'self'"]);
  });

  it("upgrades sub-requests over https, and lets staff pages show the portal's own PDFs", () => {
    expect(parse(buildCsp({ ...base, https: true })).has("upgrade-insecure-requests")).toBe(true);
    expect(parse(buildCsp({ ...base, selfObjects: true })).get("object-src")).toEqual(["'self'"]);
  });

  it("refuses a nonce that could break out of the header", () => {
    expect(() => buildCsp({ ...base, nonce: "x'; script-src *" })).toThrow();
  });
});

describe("newNonce", () => {
  it("is 128 random bits in base64, different each time", () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(newNonce()).not.toBe(a);
  });
});

describe("originOf", () => {
  it("keeps the origin of http(s) URLs only", () => {
    expect(originOf("https://www.payfip.gouv.fr/tpa/paiementws.web?idop=1")).toBe("https://www.payfip.gouv.fr");
    expect(originOf("http://localhost:3000/tpa")).toBe("http://localhost:3000");
    expect(originOf("data:text/html,x")).toBeNull();
    expect(originOf("pas une adresse")).toBeNull();
  });
});
