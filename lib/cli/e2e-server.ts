import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

// Starts the built app for the Playwright journeys: a fresh embedded database
// and data folder (outbox, uploads) under .data/e2e, migrated and seeded, then
// `next start` in production mode with the settings production requires. The
// seed is e2e/seed.ts: the demo data, then each journey's own household.
const port = process.argv[2] ?? "3100";
const dataDir = path.resolve(process.env.E2E_DATA_DIR ?? ".data/e2e");
fs.rmSync(dataDir, { recursive: true, force: true });
fs.mkdirSync(dataDir, { recursive: true });

const environment = {
  ...process.env,
  NODE_ENV: "production" as const,
  DATA_DIR: dataDir,
  DATABASE_URL: `pglite:${path.join(dataDir, "pglite")}`,
  APP_URL: `http://localhost:${port}`,
  AUTH_SECRET: "e2e-secret-0123456789abcdefghijklmnopqrstuvwxyz",
  RESEND_API_KEY: "",
  UPLOADTHING_TOKEN: "",
  // The journeys run the production build against the stand-ins, named explicitly as a demo would.
  DEMO_PAYFIP_SIMULATOR: "1",
  DEMO_MAIL_OUTBOX: "1",
  DEMO_LOCAL_STORAGE: "1",
  // The family-file journey runs the maintenance as a host's scheduler would.
  CRON_SECRET: "e2e-cron-secret",
};

function run(command: string, args: string[]) {
  return spawn(command, args, { stdio: "inherit", env: environment });
}

const seeding = run("npx", ["tsx", "--import", "./lib/cli/allow-server-only.mjs", "e2e/seed.ts"]);
seeding.on("exit", (code) => {
  if (code !== 0) process.exit(code ?? 1);
  const server = run("npx", ["next", "start", "-p", port]);
  const stop = () => server.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (c) => process.exit(c ?? 0));
});
