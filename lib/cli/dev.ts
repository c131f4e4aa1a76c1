import { spawn } from "node:child_process";
import { closeDb, openedFactory } from "@/lib/db/client";
import { deployMigrations } from "@/lib/db/migrate";
import { env } from "@/lib/env";
import { seed } from "@/prisma/seed-data";

// `npm run dev`: bring the database up to date, seed demo data on an empty
// one, release it (the embedded database takes one process at a time), then
// hand over to `next dev`.
async function main() {
  env();
  const applied = await deployMigrations(await openedFactory());
  if (applied.length) console.log(`Migrations appliquées : ${applied.join(", ")}`);
  if (await seed()) console.log("Données de démonstration créées (identifiants dans README.md).");
  await closeDb();
  const child = spawn("npx", ["next", "dev", ...process.argv.slice(2)], { stdio: "inherit" });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  child.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
