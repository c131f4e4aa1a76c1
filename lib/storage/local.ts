import "server-only";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { assertStorageKey, type StorageDriver } from "./types";

export function uploadsDir() {
  return path.join(env().dataDir, "uploads");
}

function isMissing(error: unknown) {
  return (error as NodeJS.ErrnoException)?.code === "ENOENT";
}

/** Files on the app's own disk, for development, tests and single-server installs. */
export const localDriver: StorageDriver = {
  name: "local",

  async put(key, bytes) {
    assertStorageKey(key);
    const dir = uploadsDir();
    await mkdir(dir, { recursive: true });
    // Written aside then renamed, so a crash never leaves half a file under a real key.
    const partial = path.join(dir, `${key}.partial`);
    await writeFile(partial, bytes, { flag: "wx", mode: 0o600 });
    await rename(partial, path.join(dir, key));
  },

  async get(key) {
    assertStorageKey(key);
    try {
      return new Uint8Array(await readFile(path.join(uploadsDir(), key)));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  },

  async delete(key) {
    assertStorageKey(key);
    await rm(path.join(uploadsDir(), key), { force: true });
  },
};
