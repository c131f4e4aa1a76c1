import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The server boundary (house style, "a visible server boundary"): a lib module
// that reaches the database or a secret says so with `import "server-only"`,
// so importing it from a client component fails the build instead of
// shipping a connection string. This walks lib/ and holds every such module
// to it; a module that may skip it is listed below with the reason.

const root = path.resolve(import.meta.dirname, "..");

// What counts as touching the database or a secret, by import specifier
// (after resolving relative paths and the "@/" alias).
const SENSITIVE: (string | RegExp)[] = [
  "@/lib/db/client",
  "@/lib/env",
  "@/auth",
  /^@\/lib\/storage(\/|$)/,
  "@node-rs/argon2",
  "resend",
  "uploadthing/server",
  /^next-auth(\/|$)/,
];

// The modules that hold the connection and the secrets themselves.
const SENSITIVE_ROOTS = ["lib/db/client.ts", "lib/env.ts", "lib/storage/index.ts", "lib/storage/local.ts", "lib/storage/uploadthing.ts"];

const ALLOWED: Record<string, string> = {
  "lib/cli/": "command-line entry points run by tsx, never imported by the app",
  "lib/test/": "vitest setup and test helpers, never imported by the app",
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return relative === "lib/generated" ? [] : sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

/** Specifiers of the imports that exist at run time (not `import type`). */
function runtimeImports(source: string): string[] {
  const specifiers: string[] = [];
  const statement = /^\s*(?:import|export)\s+(type\s+)?([^;]*?)\s*from\s*["']([^"']+)["']/gm;
  for (const [, typeOnly, clause, specifier] of source.matchAll(statement)) {
    const named = clause.match(/^\{([\s\S]*)\}$/);
    const allTypes =
      named && named[1].split(",").map((s) => s.trim()).filter(Boolean).every((s) => s.startsWith("type "));
    if (!typeOnly && !allTypes) specifiers.push(specifier);
  }
  for (const [, specifier] of source.matchAll(/^\s*import\s*["']([^"']+)["']/gm)) specifiers.push(specifier);
  for (const [, specifier] of source.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) specifiers.push(specifier);
  return specifiers;
}

function normalise(specifier: string, file: string): string {
  if (!specifier.startsWith(".")) return specifier;
  const resolved = path.posix.join(path.posix.dirname(file), specifier);
  return `@/${resolved.replace(/\/index$/, "")}`;
}

function isSensitive(specifier: string) {
  return SENSITIVE.some((s) => (typeof s === "string" ? s === specifier : s.test(specifier)));
}

const MARKER = /^\s*import\s+["']server-only["'];?\s*$/m;

function modulesMissingServerOnly() {
  return sourceFiles("lib").filter((file) => {
    if (Object.keys(ALLOWED).some((prefix) => file.startsWith(prefix))) return false;
    const source = fs.readFileSync(path.join(root, file), "utf8");
    const touches = SENSITIVE_ROOTS.includes(file) || runtimeImports(source).some((s) => isSensitive(normalise(s, file)));
    return touches && !MARKER.test(source);
  });
}

describe("the server boundary", () => {
  it("marks every lib module that touches the database or a secret with import \"server-only\"", () => {
    expect(modulesMissingServerOnly()).toEqual([]);
  });

  it("sees value imports, relative ones and dynamic ones, but not type-only imports", () => {
    const source = [
      `import type { Db } from "@/lib/db/client";`,
      `import { type Env } from "@/lib/env";`,
      `import {\n  getDb,\n  type Tx,\n} from "../db/client";`,
      `const { env } = await import("@/lib/env");`,
    ].join("\n");
    expect(runtimeImports(source).map((s) => normalise(s, "lib/x/y.ts")).filter(isSensitive)).toEqual([
      "@/lib/db/client",
      "@/lib/env",
    ]);
  });
});
