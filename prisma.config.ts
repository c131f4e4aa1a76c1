import { defineConfig } from "prisma/config";

// The CLI is used only for `prisma generate`; migrations run through
// scripts/migrate.ts on the WASM schema engine (no native engine offline).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
