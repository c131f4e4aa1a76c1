import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import sharp from "sharp";
import { getDb } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { StorageDriver } from "@/lib/storage";
import { makeJpegWithGps, makePdf, makeWindowsExecutable } from "./fixtures";
import { readFileForUser, recordUploadedFile } from "./index";

// UploadThing stood in by memory: what matters here is what the pipeline
// asks of the store, not the network.
const remote = vi.hoisted(() => new Map<string, Uint8Array<ArrayBuffer>>());
vi.mock("@/lib/storage/uploadthing", () => ({
  uploadthingDriver: (): StorageDriver => ({
    name: "uploadthing",
    put: async (key, bytes) => void remote.set(key, bytes),
    get: async (key) => remote.get(key) ?? null,
    delete: async (key) => void remote.delete(key),
  }),
}));

beforeAll(() => {
  process.env.UPLOADTHING_TOKEN = "test-token";
  resetEnvForTests();
});
afterAll(() => {
  delete process.env.UPLOADTHING_TOKEN;
  resetEnvForTests();
});
beforeEach(() => remote.clear());

const KEY = "browserUploadKey0123456789";

describe("recordUploadedFile (UploadThing path)", () => {
  it("keeps a valid PDF where the browser put it", async () => {
    remote.set(KEY, makePdf());
    const receipt = await recordUploadedFile({ storageKey: KEY, name: "avis.pdf" });
    const db = await getDb();
    expect(await db.storedFile.findUniqueOrThrow({ where: { id: receipt.fileId } })).toMatchObject({
      driver: "uploadthing",
      storageKey: KEY,
      status: "PENDING",
    });
    expect([...remote.keys()]).toEqual([KEY]);
  });

  it("replaces a photo by its cleaned re-encoding and deletes the original", async () => {
    remote.set(KEY, await makeJpegWithGps());
    const receipt = await recordUploadedFile({ storageKey: KEY, name: "photo.jpg" });
    const db = await getDb();
    const row = await db.storedFile.findUniqueOrThrow({ where: { id: receipt.fileId } });
    expect(row.storageKey).not.toBe(KEY);
    expect([...remote.keys()]).toEqual([row.storageKey]);
    expect((await sharp(remote.get(row.storageKey)!).metadata()).exif).toBeUndefined();

    await db.storedFile.update({ where: { id: row.id }, data: { status: "ATTACHED" } });
    const staff = await db.user.create({
      data: { identifiant: "5a5a5a5a", email: "ut-staff@exemple.fr", firstName: "A", lastName: "B", role: "STAFF", status: "ACTIVE" },
    });
    expect((await readFileForUser({ fileId: row.id, user: staff })).mimeType).toBe("image/jpeg");
  });

  it("deletes a refused file from UploadThing and records nothing", async () => {
    remote.set(KEY, makeWindowsExecutable());
    const db = await getDb();
    const before = await db.storedFile.count();
    const error = await recordUploadedFile({ storageKey: KEY, name: "cni.pdf" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("FILE_REJECTED");
    expect(remote.size).toBe(0);
    expect(await db.storedFile.count()).toBe(before);
  });
});
