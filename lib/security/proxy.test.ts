import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { config, proxy } from "@/proxy";
import { isForeignOriginAction } from "./action-origin";

const saved = {
  APP_URL: process.env.APP_URL,
  UPLOADTHING_TOKEN: process.env.UPLOADTHING_TOKEN,
  PAYFIP_ENDPOINT: process.env.PAYFIP_ENDPOINT,
  PAYFIP_NUMCLI: process.env.PAYFIP_NUMCLI,
};

afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnvForTests();
});

function request(path: string, init: { method?: string; headers?: Record<string, string>; body?: BodyInit } = {}) {
  return new NextRequest(new URL(path, "http://localhost:3000"), {
    method: init.method ?? "GET",
    headers: { host: "localhost:3000", ...init.headers },
    body: init.body,
  });
}

const signedIn = { cookie: "authjs.session-token=abc" };

describe("proxy: sign-in redirect (unchanged)", () => {
  it.each(["/accueil", "/demandes/demarches", "/factures/f1/pdf", "/mon-espace", "/admin", "/admin/documents"])(
    "sends an anonymous visitor of %s to /connexion",
    async (path) => {
      const response = await proxy(request(path));
      expect(response.status).toBe(307);
      expect(response.headers.get("location")).toBe("http://localhost:3000/connexion");
    },
  );

  it("lets a visitor with a session through, and public pages to anyone", async () => {
    expect((await proxy(request("/admin/documents", { headers: signedIn }))).headers.get("location")).toBeNull();
    for (const path of ["/", "/connexion", "/administration", "/facturesX", "/payer"]) {
      const response = await proxy(request(path));
      expect(response.headers.get("location"), path).toBeNull();
      expect(response.headers.get("x-middleware-next"), path).toBe("1");
    }
  });
});

describe("proxy: what a browser fetches before any sign-in", () => {
  it.each(["/manifest.webmanifest", "/icon.png", "/apple-icon.png", "/icons/icon-192.png", "/icons/icon-512.png"])(
    "lets an anonymous visitor fetch %s",
    async (path) => {
      const response = await proxy(request(path));
      expect(response.headers.get("location")).toBeNull();
      expect(response.headers.get("x-middleware-next")).toBe("1");
    },
  );
});

describe("proxy: Content-Security-Policy", () => {
  it("gives a page a fresh nonce, in the response's CSP and in the request Next renders", async () => {
    const first = await proxy(request("/connexion"));
    const csp = first.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    // NextResponse.next({ request: { headers } }) forwards them as x-middleware-request-* headers.
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    const second = (await proxy(request("/connexion"))).headers.get("content-security-policy");
    expect(second).not.toBe(csp);
  });

  it("lets staff pages show the portal's PDFs in an <object>", async () => {
    const csp = (await proxy(request("/admin/documents/d1", { headers: signedIn }))).headers.get("content-security-policy");
    expect(csp).toContain("object-src 'self'");
  });

  it("sends HSTS only when the portal is served over https", async () => {
    process.env.APP_URL = "http://localhost:3000";
    resetEnvForTests();
    expect((await proxy(request("/connexion"))).headers.get("strict-transport-security")).toBeNull();
    process.env.APP_URL = "https://famille.exemple.fr";
    resetEnvForTests();
    const response = await proxy(request("/connexion"));
    expect(response.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect(response.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });

  it("opens UploadThing's hosts when UploadThing is configured", async () => {
    process.env.UPLOADTHING_TOKEN = "token";
    resetEnvForTests();
    expect((await proxy(request("/inscription"))).headers.get("content-security-policy")).toContain("https://*.ingest.uploadthing.com");
  });

  it("lets forms end on PayFiP's payment page, not on the simulator's (the portal itself)", async () => {
    expect((await proxy(request("/factures/f1/payer", { headers: signedIn }))).headers.get("content-security-policy")).toContain(
      "form-action 'self';",
    );
    process.env.PAYFIP_ENDPOINT = "https://www.payfip.gouv.fr/tpa/services/securite";
    process.env.PAYFIP_NUMCLI = "123456";
    resetEnvForTests();
    expect((await proxy(request("/payer"))).headers.get("content-security-policy")).toContain("form-action 'self' https://www.payfip.gouv.fr;");
  });

  it("covers every page and route but not built assets nor the upload routes", async () => {
    const matcher = new RegExp(`^${config.matcher[0]}$`);
    for (const path of ["/", "/connexion", "/admin/documents/x", "/tpa/paiementws.web", "/api", "/api/fichiers/x"]) expect(path, path).toMatch(matcher);
    for (const path of ["/_next/static/chunks/a.js", "/_next/image", "/favicon.ico", "/api/uploads", "/api/uploadthing"])
      expect(path, path).not.toMatch(matcher);
  });

  it("gives API routes no page headers and leaves their bodies alone", async () => {
    const response = await proxy(request("/api/auth/callback/credentials", { method: "POST", headers: { "content-type": "multipart/form-data; boundary=x" }, body: "broken" }));
    expect(response.headers.get("x-middleware-next")).toBe("1");
    expect(response.headers.get("content-security-policy")).toBeNull();
  });
});

describe("proxy: server actions from another origin", () => {
  const action = { "next-action": "7f00", "content-type": "text/plain;charset=UTF-8" };

  it("answers 403 before Next (which would answer 500)", async () => {
    const response = await proxy(request("/connexion", { method: "POST", headers: { ...action, origin: "https://evil.example" } }));
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("origine non autorisée");
  });

  it("refuses a private page's action before the sign-in redirect", async () => {
    expect((await proxy(request("/admin/documents", { method: "POST", headers: { ...action, origin: "https://evil.example" } }))).status).toBe(403);
  });

  it("lets same-origin actions through", async () => {
    const response = await proxy(request("/connexion", { method: "POST", headers: { ...action, origin: "http://localhost:3000" }, body: '["$K1"]' }));
    expect(response.status).toBe(200);
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });
});

describe("proxy: requests Next would answer with a 500", () => {
  const action = { "next-action": "7f00", "content-type": "text/plain;charset=UTF-8", origin: "http://localhost:3000" };
  const post = (path: string, headers: Record<string, string>, body?: BodyInit) => proxy(request(path, { method: "POST", headers, body }));

  it.each(["/factures/%E0%A4%A/pdf", "/api/fichiers/%C0", "/admin/familles/%"])("answers 400 to an undecodable path: %s", async (path) => {
    const response = await proxy(request(path, { headers: signedIn }));
    expect(response.status).toBe(400);
    expect(await response.text()).toBe("Adresse invalide.");
  });

  it.each([
    ["an empty body", ""],
    ["an object", "{}"],
    ["a number", "1"],
    ["broken JSON", "[1,"],
    ["a NUL byte", "\u0000"],
  ])("answers 400 to an action whose body is %s", async (_name, body) => {
    const response = await post("/connexion", action, body);
    expect(response.status).toBe(400);
    expect(await response.text()).toBe("Requête invalide.");
  });

  it("answers 400 to a broken multipart form, and to a fetch action whose arguments are not a list", async () => {
    expect((await post("/connexion", { "content-type": "multipart/form-data; boundary=zz" }, "--zz\r\nbroken")).status).toBe(400);
    const form = new FormData();
    form.set("0", '{"not":"a list"}');
    expect((await post("/connexion", { "next-action": "7f00", origin: "http://localhost:3000" }, form)).status).toBe(400);
  });

  it("answers 413 to an action over the body limit, declared or streamed", async () => {
    expect((await post("/connexion", { ...action, "content-length": String(3 * 1024 * 1024) }, "[]")).status).toBe(413);
    const big = `["${"a".repeat(2 * 1024 * 1024)}"]`;
    expect((await post("/connexion", action, big)).status).toBe(413);
  });

  it("lets well-formed actions and forms through, the body intact for Next", async () => {
    const form = new FormData();
    form.set("0", '[{"status":"idle"},"$K1"]');
    form.set("1_email", "léa@exemple.fr");
    const sent = request("/connexion", { method: "POST", headers: { "next-action": "7f00", origin: "http://localhost:3000" }, body: form });
    expect((await proxy(sent)).status).toBe(200);
    expect((await sent.formData()).get("1_email")).toBe("léa@exemple.fr");
    expect((await post("/connexion", action, '[{"email":"a@b.fr"}]')).status).toBe(200);
    // A plain POST that is no action (no header, not multipart) is not Next's action path.
    expect((await post("/connexion", { "content-type": "application/json" }, "{")).status).toBe(200);
  });
});

describe("isForeignOriginAction", () => {
  const h = (headers: Record<string, string>) => new Headers({ host: "famille.exemple.fr", ...headers });

  it("follows Next's own check: Origin against the forwarded host or the host", async () => {
    expect(isForeignOriginAction("POST", h({ "next-action": "a", origin: "https://famille.exemple.fr" }))).toBe(false);
    expect(isForeignOriginAction("POST", h({ "next-action": "a", origin: "https://evil.example" }))).toBe(true);
    expect(
      isForeignOriginAction("POST", h({ "next-action": "a", origin: "https://public.exemple.fr", "x-forwarded-host": "public.exemple.fr, internal" })),
    ).toBe(false);
    expect(isForeignOriginAction("POST", h({ "next-action": "a", origin: "null" }))).toBe(true);
    // No Origin: not a browser's cross-site request; Next lets it through too.
    expect(isForeignOriginAction("POST", h({ "next-action": "a" }))).toBe(false);
  });

  it("covers the script-less form posts, and nothing but POSTs Next may take for an action", async () => {
    expect(isForeignOriginAction("POST", h({ "content-type": "multipart/form-data; boundary=x", origin: "https://evil.example" }))).toBe(true);
    expect(isForeignOriginAction("POST", h({ "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" }))).toBe(true);
    expect(isForeignOriginAction("POST", h({ "content-type": "text/xml", origin: "https://evil.example" }))).toBe(false);
    expect(isForeignOriginAction("GET", h({ "next-action": "a", origin: "https://evil.example" }))).toBe(false);
  });
});
