import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";

// Prisma's CLI downloads a native schema engine, which is unreachable here;
// the WASM build of the same engine runs over our driver adapter instead.

type Engine = {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
};

type WasmModule = {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
  SchemaEngine: { new: (options: unknown, log: (line: string) => void, adapter: object) => Promise<Engine> };
};

let wasmReady: Promise<WasmModule> | undefined;

function loadWasm(): Promise<WasmModule> {
  wasmReady ??= (async () => {
    const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { message: string; set_message(m: string): void } };
    g.PRISMA_WASM_PANIC_REGISTRY ??= {
      message: "",
      set_message(m: string) {
        this.message = m;
      },
    };
    const require = createRequire(import.meta.url);
    const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bg = (await import(/* webpackIgnore: true */ bgPath)) as WasmModule;
    const bytes = await fs.readFile(path.join(path.dirname(bgPath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg as never });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return wasmReady;
}

export const MIGRATIONS_DIR = path.resolve("prisma/migrations");
export const SCHEMA_PATH = path.resolve("prisma/schema.prisma");

async function withEngine<T>(
  factory: SqlMigrationAwareDriverAdapterFactory,
  schema: string | null,
  run: (engine: Engine) => Promise<T>,
): Promise<T> {
  const wasm = await loadWasm();
  const datamodels: [string, string][] | undefined = schema ? [[SCHEMA_PATH, schema]] : undefined;
  const debug = process.env.MIGRATE_DEBUG ? (line: string) => console.error(line) : () => {};
  const engine = await wasm.SchemaEngine.new({ datamodels }, debug, bindMigrationAwareSqlAdapterFactory(factory));
  try {
    return await run(engine);
  } catch (error) {
    throw describeEngineError(error);
  } finally {
    engine.free();
  }
}

function describeEngineError(error: unknown): Error {
  if (error instanceof Error) return error;
  if (error && typeof error === "object" && "message" in error) {
    return new Error(String((error as { message: unknown }).message));
  }
  return new Error(JSON.stringify(error));
}

async function readMigrations(dir: string) {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const migrationDirectories = [];
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = path.join(dir, entry.name, "migration.sql");
    const content = await fs.readFile(file, "utf8").then(
      (value) => ({ tag: "ok" as const, value }),
      (error: Error) => ({ tag: "error" as const, value: error.message }),
    );
    migrationDirectories.push({ path: entry.name, migrationFile: { path: "migration.sql", content } });
  }
  const lockPath = path.join(dir, "migration_lock.toml");
  const lockContent = await fs.readFile(lockPath, "utf8").catch(() => null);
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

const noFilter = { externalTables: [], externalEnums: [] };

/** Applies pending migrations, recording them in `_prisma_migrations`. */
export async function deployMigrations(
  factory: SqlMigrationAwareDriverAdapterFactory,
  dir: string = MIGRATIONS_DIR,
): Promise<string[]> {
  const migrationsList = await readMigrations(dir);
  const result = await withEngine(factory, null, (engine) =>
    engine.applyMigrations({ migrationsList, filters: noFilter }),
  );
  return result.appliedMigrationNames;
}

/**
 * Diffs the migration history (replayed on a shadow database) against the
 * schema and writes the difference as a new migration folder.
 * Returns its folder name, or null when the schema has not changed.
 */
export async function createMigration(
  factory: SqlMigrationAwareDriverAdapterFactory,
  name: string,
  dir: string = MIGRATIONS_DIR,
  schemaPath: string = SCHEMA_PATH,
): Promise<string | null> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("Migration name: lowercase letters, digits and _ only.");
  const schema = await fs.readFile(schemaPath, "utf8");
  const migrationsList = await readMigrations(dir);
  const from = migrationsList.migrationDirectories.length
    ? { tag: "migrations", ...migrationsList }
    : { tag: "empty" };
  const result = await withEngine(factory, schema, (engine) =>
    engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: true,
      filters: noFilter,
    }),
  );
  const sql = result.stdout ?? "";
  if (result.exitCode !== 2 || !sql.trim() || sql.includes("This is an empty migration")) return null;
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const folder = `${stamp}_${name}`;
  await fs.mkdir(path.join(dir, folder), { recursive: true });
  await fs.writeFile(path.join(dir, folder, "migration.sql"), sql);
  const lockPath = path.join(dir, "migration_lock.toml");
  await fs
    .writeFile(
      lockPath,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
      { flag: "wx" },
    )
    .catch(() => {});
  return folder;
}
