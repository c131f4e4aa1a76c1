import path from "node:path";
import { defineConfig } from "vitest/config";

// The suite runs on in-memory PGlite, and again on PostgreSQL when
// TEST_DATABASE_URL is set (CI), where the concurrency tests also run.
const shared = {
  environment: "node" as const,
  include: ["lib/**/*.test.{ts,tsx}", "app/**/*.test.ts", "components/**/*.test.{ts,tsx}"],
  setupFiles: ["lib/test/setup.ts"],
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

const postgres = process.env.TEST_DATABASE_URL;
// CI must run the race tests, not report them skipped (.ci/run sets it).
if (process.env.CI && !postgres) throw new Error("CI runs the PostgreSQL project: set TEST_DATABASE_URL (see .ci/run).");

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Tests are server code: `server-only` resolves to its empty module, as
      // it does under Next's react-server condition (the package throws
      // otherwise). Only this one package, so React keeps its normal build.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    projects: [
      { extends: true as const, test: { ...shared, name: "pglite", env: { DATABASE_URL: "pglite:memory" } } },
      ...(postgres
        ? [
            {
              extends: true as const,
              test: {
                ...shared,
                name: "postgres",
                env: { DATABASE_URL: postgres },
                globalSetup: ["lib/test/global-postgres.ts"],
                // One shared database: files take turns.
                fileParallelism: false,
              },
            },
          ]
        : []),
    ],
  },
});
