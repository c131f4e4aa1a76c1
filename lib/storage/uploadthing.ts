import "server-only";
import { UTApi, UTFile } from "uploadthing/server";
import { env } from "@/lib/env";
import { readCapped } from "./read-capped";
import { assertStorageKey, type StorageDriver } from "./types";

/**
 * Files at UploadThing. Our random key is the file's UploadThing `customId`
 * (set by the upload route's middleware for browser uploads, and here for
 * server uploads), so the rest of the app never handles UploadThing's own
 * keys and the driver keeps the same `put(key, …)` shape as the disk one.
 */
export function uploadthingDriver(token: string): StorageDriver {
  const api = new UTApi({ token, defaultKeyType: "customId" });
  return {
    name: "uploadthing",

    async put(key, bytes, mimeType) {
      assertStorageKey(key);
      const result = await api.uploadFiles(new UTFile([bytes], key, { type: mimeType, customId: key }));
      if (result.error) throw new Error(`UploadThing upload failed: ${result.error.code} ${result.error.message}`);
    },

    async get(key) {
      assertStorageKey(key);
      // A signed URL works whether the app stores files as public or private.
      const { ufsUrl } = await api.getSignedURL(key, { keyType: "customId" });
      const response = await fetch(ufsUrl, { cache: "no-store" });
      if (response.status === 404) return null;
      if (!response.ok || !response.body) throw new Error(`UploadThing download failed: HTTP ${response.status}`);
      // Never buffer more than a stored file can legitimately weigh.
      const bytes = await readCapped(response.body, env().uploadMaxBytes * 2);
      if (!bytes) throw new Error("UploadThing download exceeds the upload size limit");
      return bytes;
    },

    async delete(key) {
      assertStorageKey(key);
      await api.deleteFiles(key, { keyType: "customId" });
    },
  };
}
