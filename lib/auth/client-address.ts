import "server-only";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import { isIP, isIPv4, isIPv6 } from "node:net";
import { env, type ClientIpSource } from "@/lib/env";

/**
 * The client's address for the per-address limits (sign-in, password reset,
 * registration, uploads, invoice lookups). Every header a browser can send is
 * forgeable, so the address comes only from the hop the deployment trusts,
 * named by CLIENT_IP_SOURCE (lib/env.ts):
 *
 * - `socket` (default): the app is reached directly (`next start` with no
 *   proxy). Next 16 sets `x-forwarded-for` from the socket only when the
 *   request carries none (base-server.js: `req.headers['x-forwarded-for'] ??=
 *   socket.remoteAddress`) and keeps a client-sent value untouched, without
 *   appending the socket address. So this mode rewrites the header from the
 *   socket before Next reads it (`watchSocketAddresses`), then reads it.
 * - `vercel`: Vercel's edge sets `x-vercel-forwarded-for` and `x-real-ip`
 *   itself (and overwrites a client's `x-forwarded-for`).
 * - `proxy:N`: behind N reverse proxies of ours, each appending the address
 *   it received the request from to `x-forwarded-for`: the client is the
 *   N-th entry from the right; whatever the client wrote is further left.
 *
 * IPv6 clients count per /64, the block one subscriber usually holds: one
 * machine can otherwise take a fresh address for every request.
 */
export function clientAddress(headers: Headers): string {
  const source = env().clientIpSource;
  // Meant to be installed at start (instrumentation.ts register()); here as
  // well, so that it holds from now on wherever nothing installed it earlier
  // (the request that installs it has already been read as it came).
  if (source.kind === "socket") watchSocketAddresses();
  return addressFrom(headers, source);
}

/** The address under a given source, from headers as the app receives them. */
export function addressFrom(headers: Headers, source: ClientIpSource): string {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  let raw: string | undefined;
  switch (source.kind) {
    case "socket":
      // Rewritten from the socket; until then, Next's own value is the only entry.
      raw = forwarded.at(-1);
      break;
    case "vercel":
      raw =
        headers.get("x-vercel-forwarded-for")?.split(",")[0]?.trim() ||
        headers.get("x-real-ip")?.trim() ||
        forwarded.at(-1);
      break;
    case "proxy":
      // Fewer entries than proxies: a proxy replaced the header instead of
      // appending to it, and the left-most entry is the furthest one we have.
      raw = forwarded[Math.max(0, forwarded.length - source.hops)];
      break;
  }
  return raw ? normaliseAddress(raw) : "unknown";
}

/**
 * One spelling per client: port and brackets dropped, IPv4-mapped IPv6 as
 * IPv4, IPv6 cut to its /64. Anything else (a proxy's "unknown") is kept,
 * bounded.
 */
export function normaliseAddress(raw: string): string {
  let address = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  address = address.replace(/%.*$/, "");
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return address.slice(0, 100);
  const groups = ipv6Groups(address);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join(".");
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address. */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted && isIP(dotted[1]) === 4) {
    const [a, b, c, d] = dotted[1].split(".").map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::");
  const parse = (part: string | undefined) => (part ? part.split(":").map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = parse(tail);
  const zeros = tail === undefined ? [] : new Array<number>(8 - left.length - right.length).fill(0);
  return [...left, ...zeros, ...right];
}

let watching = false;

/**
 * Under `next start`, sets every incoming request's `x-forwarded-for` to the
 * socket's address before Next reads the headers: Node publishes
 * `http.server.request.start` before emitting `request` to Next's handler.
 * Only for CLIENT_IP_SOURCE=socket: behind a proxy the socket is the proxy.
 * Idempotent.
 */
export function watchSocketAddresses() {
  if (watching) return;
  watching = true;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: { remoteAddress?: string } };
    if (socket.remoteAddress) request.headers["x-forwarded-for"] = socket.remoteAddress;
    else delete request.headers["x-forwarded-for"];
  });
}
