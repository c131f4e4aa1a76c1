import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lockPgliteDirectory } from "./pglite-lock";
import { parseDatabaseUrl } from "./url";

describe("parseDatabaseUrl", () => {
  it("reads the three forms", () => {
    expect(parseDatabaseUrl("pglite:memory")).toEqual({ kind: "pglite", dir: null });
    expect(parseDatabaseUrl("pglite:./x/y")).toEqual({ kind: "pglite", dir: path.resolve("x/y") });
    expect(parseDatabaseUrl("postgresql://u@h/db")).toEqual({ kind: "postgres", url: "postgresql://u@h/db" });
    expect(() => parseDatabaseUrl("mysql://h/db")).toThrow(/pglite: » ou « postgresql/);
  });
});

describe("lockPgliteDirectory", () => {
  it("refuses a directory held by another live process and takes over a stale lock", () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pglite-lock-")), "db");
    // PID 1 is always alive: another process holds the database.
    fs.writeFileSync(`${dir}.lock`, "1");
    expect(() => lockPgliteDirectory(dir)).toThrow(/déjà ouverte par le processus 1/);
    // A pid that cannot exist: the lock is stale.
    fs.writeFileSync(`${dir}.lock`, "999999999");
    const release = lockPgliteDirectory(dir);
    expect(fs.readFileSync(`${dir}.lock`, "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });
});
