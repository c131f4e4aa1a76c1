import { closeDb, openedFactory } from "@/lib/db/client";
import { deployMigrations } from "@/lib/db/migrate";
import { seed } from "./seed-data";

// npm run db:seed — demo data on the configured database (idempotent).
async function main() {
  await deployMigrations(await openedFactory());
  console.log((await seed()) ? "Demo data created." : "Database already seeded: nothing to do.");
  await closeDb();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
