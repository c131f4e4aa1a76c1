import "server-only";
import { newSecret } from "@/lib/auth/tokens";
import { env } from "@/lib/env";
import { localDriver } from "./local";
import type { StorageDriver, StorageDriverName } from "./types";
import { uploadthingDriver } from "./uploadthing";

export type { Bytes, StorageDriver, StorageDriverName } from "./types";

/** The driver new files go to: UploadThing when it is configured, the local disk otherwise. */
export function storage(): StorageDriver {
  const token = env().uploadthingToken;
  return token ? uploadthingDriver(token) : localDriver;
}

/**
 * The driver a stored file was written with. A row remembers its driver, so
 * files written before a switch of configuration stay readable and deletable.
 */
export function storageFor(name: string): StorageDriver {
  if (name === "local") return localDriver;
  if (name === "uploadthing") {
    const token = env().uploadthingToken;
    if (!token) throw new Error("A file is stored at UploadThing but UPLOADTHING_TOKEN is not set.");
    return uploadthingDriver(token);
  }
  throw new Error(`Unknown storage driver: ${name}`);
}

/** 24 random URL-safe characters: unguessable, and safe as a file name. */
export function newStorageKey(): string {
  return newSecret(18);
}

export function isStorageDriverName(name: string): name is StorageDriverName {
  return name === "local" || name === "uploadthing";
}
