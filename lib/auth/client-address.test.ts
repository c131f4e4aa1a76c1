import { once } from "node:events";
import { createServer, request as httpRequest, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { requestPasswordReset } from "@/lib/accounts/register";
import { AppError } from "@/lib/errors";
import { env, resetEnvForTests } from "@/lib/env";
import { makePdf } from "@/lib/files/fixtures";
import { POST as uploadRoute } from "@/app/api/uploads/route";
import { addressFrom, clientAddress, normaliseAddress, watchSocketAddresses } from "./client-address";

vi.mock("@/lib/auth/dal", () => ({ getCurrentUser: vi.fn().mockResolvedValue(null) }));

afterEach(() => {
  delete process.env.CLIENT_IP_SOURCE;
  resetEnvForTests();
});

/**
 * A real Node HTTP server, as under `next start`: each request reaches the
 * handler as the Web Request Next builds from the Node request's headers.
 */
let handler: (request: Request) => Promise<Response>;
const server = createServer((req: IncomingMessage, res) => {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const webRequest = new Request(`http://localhost${req.url}`, {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
    duplex: "half",
  } as RequestInit);
  handler(webRequest).then(
    async (response) => {
      res.writeHead(response.status, { "content-type": "text/plain" });
      res.end(await response.text());
    },
    (error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    },
  );
});

beforeAll(async () => {
  // What instrumentation.ts does at start under CLIENT_IP_SOURCE=socket.
  watchSocketAddresses();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Sends a request with the headers a client chooses, as curl would. */
async function send(headers: Record<string, string>, body?: { bytes: Uint8Array; type: string }) {
  const { port } = server.address() as AddressInfo;
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = httpRequest(
      { host: "127.0.0.1", port, path: "/", method: body ? "POST" : "GET", headers: { ...headers, ...(body ? { "content-type": body.type } : {}) } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on("error", reject);
    req.end(body ? Buffer.from(body.bytes) : undefined);
  });
}

const resetHandler = async (request: Request) => {
  try {
    await requestPasswordReset("personne@exemple.fr", { address: clientAddress(request.headers) });
    return new Response("ok");
  } catch (error) {
    if (error instanceof AppError && error.code === "THROTTLED") return new Response(error.message, { status: 429 });
    throw error;
  }
};

describe("the default source: the socket", () => {
  it("a client-written X-Forwarded-For does not change the address", async () => {
    expect(env().clientIpSource).toEqual({ kind: "socket" });
    handler = async (request) => new Response(clientAddress(request.headers));
    const seen = new Set<string>();
    for (const forged of ["203.0.113.1", "203.0.113.2", "198.51.100.9, 203.0.113.3", "2001:db8::1", "not-an-ip"]) {
      seen.add((await send({ "x-forwarded-for": forged, "x-real-ip": forged })).text);
    }
    seen.add((await send({})).text);
    expect([...seen]).toEqual(["127.0.0.1"]);
  });

  it("password-reset requests keep counting against the same address whatever X-Forwarded-For says", async () => {
    handler = resetHandler;
    for (let i = 1; i <= 10; i++) expect((await send({ "x-forwarded-for": `203.0.113.${i}` })).status).toBe(200);
    const refused = await send({ "x-forwarded-for": "203.0.113.99" });
    expect(refused.status).toBe(429);
    expect(refused.text).toMatch(/Trop de demandes depuis cette connexion/);
  });

  it("anonymous uploads keep counting against the same address whatever X-Forwarded-For says", async () => {
    handler = (request) => uploadRoute(request);
    const form = async () => {
      const data = new FormData();
      data.append("file", new File([makePdf()], "x.pdf"));
      const response = new Response(data);
      return { bytes: new Uint8Array(await response.arrayBuffer()), type: response.headers.get("content-type")! };
    };
    for (let i = 1; i <= 20; i++) {
      expect((await send({ "x-forwarded-for": `198.51.100.${i}` }, await form())).status).toBe(201);
    }
    const refused = await send({ "x-forwarded-for": "198.51.100.200" }, await form());
    expect(refused.status).toBe(429);
  });
});

describe("behind trusted proxies", () => {
  it("proxy:N takes the N-th entry from the right, whatever the client put on the left", () => {
    const headers = (xff: string) => new Headers({ "x-forwarded-for": xff, "x-real-ip": "203.0.113.250" });
    expect(addressFrom(headers("203.0.113.7"), { kind: "proxy", hops: 1 })).toBe("203.0.113.7");
    expect(addressFrom(headers("1.1.1.1, 2.2.2.2, 203.0.113.7"), { kind: "proxy", hops: 1 })).toBe("203.0.113.7");
    expect(addressFrom(headers("1.1.1.1, 203.0.113.7, 10.0.0.2"), { kind: "proxy", hops: 2 })).toBe("203.0.113.7");
    // A proxy that replaced the header: the furthest entry we have.
    expect(addressFrom(headers("203.0.113.7"), { kind: "proxy", hops: 2 })).toBe("203.0.113.7");
    expect(addressFrom(new Headers(), { kind: "proxy", hops: 1 })).toBe("unknown");
  });

  it("password-reset requests behind one proxy count against the address the proxy saw", async () => {
    process.env.CLIENT_IP_SOURCE = "proxy:1";
    resetEnvForTests();
    const ask = (forged: string) =>
      requestPasswordReset("personne@exemple.fr", {
        address: clientAddress(new Headers({ "x-forwarded-for": `${forged}, 192.0.2.77` })),
      });
    for (let i = 1; i <= 10; i++) await ask(`203.0.113.${i}`);
    await expect(ask("203.0.113.200")).rejects.toMatchObject({ code: "THROTTLED" });
  });

  it("vercel takes Vercel's own headers, never the client's X-Forwarded-For entries", () => {
    const source = { kind: "vercel" } as const;
    expect(
      addressFrom(
        new Headers({ "x-vercel-forwarded-for": "203.0.113.5", "x-real-ip": "203.0.113.6", "x-forwarded-for": "1.1.1.1" }),
        source,
      ),
    ).toBe("203.0.113.5");
    expect(addressFrom(new Headers({ "x-real-ip": "203.0.113.6", "x-forwarded-for": "1.1.1.1" }), source)).toBe("203.0.113.6");
  });

  it("the socket source reads the right-most entry (the one Next or our hook wrote)", () => {
    expect(addressFrom(new Headers({ "x-forwarded-for": "1.1.1.1, 203.0.113.8" }), { kind: "socket" })).toBe("203.0.113.8");
    expect(addressFrom(new Headers({ "x-real-ip": "1.1.1.1" }), { kind: "socket" })).toBe("unknown");
  });
});

describe("one spelling per client", () => {
  it("drops ports and brackets, unwraps IPv4-mapped IPv6 and cuts IPv6 to its /64", () => {
    expect(normaliseAddress("203.0.113.4:51234")).toBe("203.0.113.4");
    expect(normaliseAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normaliseAddress("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1:2::/64");
    expect(normaliseAddress("[2001:db8:1:2::ff]:443")).toBe("2001:db8:1:2::/64");
    expect(normaliseAddress("2001:DB8:1::1")).toBe("2001:db8:1:0::/64");
    expect(normaliseAddress("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(normaliseAddress("::1")).toBe("0:0:0:0::/64");
    expect(normaliseAddress("unknown")).toBe("unknown");
  });

  it("two addresses of one IPv6 /64 share a limit", () => {
    const source = { kind: "proxy", hops: 1 } as const;
    const a = addressFrom(new Headers({ "x-forwarded-for": "2001:db8:aa:bb::1" }), source);
    const b = addressFrom(new Headers({ "x-forwarded-for": "2001:db8:aa:bb:ffff:1:2:3" }), source);
    expect(a).toBe(b);
  });
});
