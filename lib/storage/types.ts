export type StorageDriverName = "local" | "uploadthing";

/** Bytes backed by a plain ArrayBuffer, as Response and Blob require. */
export type Bytes = Uint8Array<ArrayBuffer>;

/**
 * Where file bytes live. Keys are random strings made by `newStorageKey()`,
 * never anything a user typed, so no key can point outside the store.
 */
export interface StorageDriver {
  readonly name: StorageDriverName;
  put(key: string, bytes: Bytes, mimeType: string): Promise<void>;
  /** null when nothing is stored under the key */
  get(key: string): Promise<Bytes | null>;
  /** Deleting a missing key is not an error: cleanup may run twice. */
  delete(key: string): Promise<void>;
}

const KEY_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

export function assertStorageKey(key: string) {
  if (!KEY_PATTERN.test(key)) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
}
