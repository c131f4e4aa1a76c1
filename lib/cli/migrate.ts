import { openDatabase } from "@/lib/db/adapter";
import { createMigration, deployMigrations } from "@/lib/db/migrate";
import { DEFAULT_DATABASE_URL, parseDatabaseUrl } from "@/lib/db/url";

// npm run db:migrate -- <name>   creates prisma/migrations/<timestamp>_<name>
// npm run db:deploy              applies pending migrations
async function main() {
  const [command, name] = process.argv.slice(2);
  const opened = await openDatabase(parseDatabaseUrl(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL));
  try {
    if (command === "deploy") {
      const applied = await deployMigrations(opened.factory);
      console.log(applied.length ? `Applied: ${applied.join(", ")}` : "No pending migration.");
    } else if (command === "new") {
      if (!name) throw new Error("Usage: npm run db:migrate -- <name>");
      // A new migration is diffed against the history, so the database must be up to date first.
      await deployMigrations(opened.factory);
      const folder = await createMigration(opened.factory, name);
      if (!folder) {
        console.log("The schema matches the migrations: nothing to create.");
      } else {
        console.log(`Created prisma/migrations/${folder}/migration.sql`);
        const applied = await deployMigrations(opened.factory);
        console.log(`Applied: ${applied.join(", ")}`);
      }
    } else {
      throw new Error("Usage: migrate.ts deploy | new <name>");
    }
  } finally {
    await opened.close();
  }
}

// The WASM engine leaves a timer behind that would keep Node alive for a while.
main().then(() => process.exit(0), (error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
},
);
