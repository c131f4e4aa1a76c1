import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { makePdf, makeWindowsExecutable } from "@/lib/files/fixtures";
import type { StorageDriver } from "@/lib/storage";
import { buildFileRouter } from "./core";

vi.mock("@/lib/auth/dal", () => ({ getCurrentUser: async () => null }));
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

const route = buildFileRouter(10 * 1024 * 1024).document;
const uploaded = (customId: string, name: string) =>
  ({ key: "ut-key", customId, name, size: 1, type: "application/pdf", url: "", appUrl: "", ufsUrl: "", fileHash: "" }) as never;

describe("UploadThing document route", () => {
  it("gives every browser upload a random key of ours", async () => {
    const files = [{ name: "cni.pdf", size: 10, type: "application/pdf", lastModified: 0 }];
    const metadata = await route.middleware({
      req: new Request("http://localhost/api/uploadthing", { headers: { "x-forwarded-for": "192.0.2.50" } }),
      files,
      input: undefined,
    } as never);
    const [file] = (metadata as Record<symbol, { customId: string }[]>)[Object.getOwnPropertySymbols(metadata)[0]];
    expect(file.customId).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(metadata).toMatchObject({ uploadedById: null });
  });

  it("returns the receipt for an accepted file and the French reason for a refused one", async () => {
    remote.set("acceptedKey000000000000", makePdf());
    const ok = await route.onUploadComplete({ metadata: { uploadedById: null }, file: uploaded("acceptedKey000000000000", "a.pdf") } as never);
    expect(ok).toEqual({ fileId: expect.any(String), claim: expect.any(String) });

    remote.set("refusedKey0000000000000", makeWindowsExecutable());
    const refused = await route.onUploadComplete({ metadata: { uploadedById: null }, file: uploaded("refusedKey0000000000000", "b.pdf") } as never);
    expect(refused).toEqual({
      error: "Ce type de fichier n'est pas accepté : envoyez une photo (JPEG, PNG, WebP) ou un PDF.",
    });
    expect(remote.has("refusedKey0000000000000")).toBe(false);
  });
});
