/**
 * Destructive test setup (truncating tables) only ever runs against a local
 * database whose name says it is for tests.
 */
export function assertDisposableDatabase(url: string) {
  if (url.startsWith("pglite:memory")) return;
  const parsed = new URL(url);
  const local = ["localhost", "127.0.0.1", "::1", "[::1]", ""].includes(parsed.hostname);
  const name = parsed.pathname.slice(1);
  if (!local || !/test/i.test(name)) {
    throw new Error(`Refusing to wipe ${parsed.hostname}/${name}: tests need a local database whose name contains "test".`);
  }
}
