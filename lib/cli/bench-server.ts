import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

// What the HTTP benchmarks stand on: a scratch PostgreSQL database on the
// loopback server, and `next start` of a production build with the settings
// production requires, as lib/cli/e2e-server.ts starts it for the journeys.

export const BENCH_PG_SERVER = process.env.BENCH_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432";

export function assertLoopback(url: string) {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) throw new Error(`The benchmark only runs against a local database (got ${host}).`);
}

export type ScratchDatabase = { url: string; drop: () => Promise<void> };

/** Creates `name` on the loopback server; `drop` ends whatever is still connected (FORCE). */
export async function createScratchDatabase(name: string): Promise<ScratchDatabase> {
  assertLoopback(BENCH_PG_SERVER);
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Not a plain database name: ${name}`);
  const admin = new pg.Client({ connectionString: `${BENCH_PG_SERVER}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  return {
    url: `${BENCH_PG_SERVER}/${name}`,
    drop: async () => {
      // The migration engine's adapter keeps an idle pool we cannot reach;
      // FORCE ends those connections, whose pool then reports it: expected here.
      process.on("uncaughtException", (error) => {
        if ((error as { code?: string }).code !== "57P01") throw error;
      });
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}

/**
 * The database a benchmark part runs on: BENCH_DATABASE_URL when given (kept
 * as is, loopback only), else the scratch database `name`, dropped by `drop`.
 */
export async function benchDatabase(name: string): Promise<ScratchDatabase> {
  const given = process.env.BENCH_DATABASE_URL;
  if (!given) return createScratchDatabase(name);
  assertLoopback(given);
  return { url: given, drop: async () => {} };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export class BuildMissing extends Error {}

/** The dist dir the bench serves: BENCH_NEXT_DIST_DIR, else Next's default. */
export function benchDistDir(): string {
  return process.env.BENCH_NEXT_DIST_DIR ?? ".next";
}

export function assertBuilt(distDir: string) {
  if (!fs.existsSync(path.join(distDir, "BUILD_ID"))) {
    throw new BuildMissing(
      `Pas de build de production dans ${distDir}/ (BUILD_ID absent). Construisez d'abord, par exemple :\n` +
        `  NEXT_DIST_DIR=.next-pages npx next build && BENCH_NEXT_DIST_DIR=.next-pages npm run bench -- pages`,
    );
  }
}

export type NextServer = {
  url: string;
  /** The server's own output, kept for a failure's report. */
  log: () => string;
  stop: () => Promise<void>;
};

/**
 * `next start` of the build in `distDir` on a free loopback port, with
 * NODE_ENV=production, the scratch database, a throwaway data folder and the
 * DEMO_* switches (no real mail, payment or storage service), and `extra`
 * on top. Resolves once a page answers.
 */
export async function startNextServer({
  distDir,
  databaseUrl,
  extra = {},
}: {
  distDir: string;
  databaseUrl: string;
  extra?: Record<string, string>;
}): Promise<NextServer> {
  assertBuilt(distDir);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portail-bench-"));
  const environment = {
    ...process.env,
    NODE_ENV: "production" as const,
    // next.config.ts reads it: `next start` serves the build found there.
    NEXT_DIST_DIR: distDir,
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    APP_URL: url,
    AUTH_SECRET: "bench-secret-0123456789abcdefghijklmnopqrstuvwxyz",
    RESEND_API_KEY: "",
    UPLOADTHING_TOKEN: "",
    PAYFIP_ENDPOINT: "",
    DEMO_PAYFIP_SIMULATOR: "1",
    DEMO_MAIL_OUTBOX: "1",
    DEMO_LOCAL_STORAGE: "1",
    NEXT_TELEMETRY_DISABLED: "1",
    ...extra,
  };
  const nextBin = path.resolve("node_modules/next/dist/bin/next");
  const child: ChildProcess = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: environment,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    // The tail is enough to say why it failed; a long run must not grow without bound.
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 60_000;
  let ready = false;
  while (!ready) {
    if (child.exitCode !== null || Date.now() > deadline) {
      // Stopped, or stuck: either way nothing of this server may outlive the call.
      await stop();
      throw new Error(`next start ${child.exitCode !== null ? `s'est arrêté (code ${child.exitCode})` : "ne répond pas après 60 s"} :\n${output}`);
    }
    try {
      const response = await fetch(`${url}/connexion`, { redirect: "manual" });
      await response.arrayBuffer();
      ready = response.status === 200;
    } catch {
      // Not listening yet.
    }
    if (!ready) await new Promise((r) => setTimeout(r, 250));
  }
  return { url, log: () => output, stop };
}
