import { openDatabase } from "@/lib/db/adapter";
import { deployMigrations } from "@/lib/db/migrate";
import { parseDatabaseUrl } from "@/lib/db/url";
import { assertDisposableDatabase } from "./guard";

export default async function setup() {
  const url = process.env.TEST_DATABASE_URL!;
  assertDisposableDatabase(url);
  const opened = await openDatabase(parseDatabaseUrl(url));
  await deployMigrations(opened.factory);
  await opened.close();
}
