import { closeDb } from "@/lib/db/client";
import { runMaintenance } from "@/lib/maintenance";

// npm run maintenance — the same tidying as the cron route, for a VM's crontab.
runMaintenance()
  .then(async (report) => {
    console.log(JSON.stringify(report));
    await closeDb();
    process.exit(0);
  })
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
