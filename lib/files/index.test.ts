import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/client";
import { makePdf, makePng, makeWindowsExecutable } from "./fixtures";
import {
  ANONYMOUS_UPLOADS_PER_HOUR,
  acceptUpload,
  claimFile,
  discardFile,
  displayName,
  purgeStalePendingFiles,
  readFileForUser,
} from "./index";

const uploadsDir = () => path.join(env().dataDir, "uploads");

async function storedKeys(): Promise<string[]> {
  try {
    return (await readdir(uploadsDir())).sort();
  } catch {
    return [];
  }
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

let counter = 0;
async function createUser(role: Role = "PARENT", identityFileId?: string) {
  const db = await getDb();
  counter += 1;
  return db.user.create({
    data: {
      identifiant: `f${String(counter).padStart(7, "0")}`,
      email: `fichiers.${counter}@exemple.fr`,
      firstName: "Claire",
      lastName: "TEST",
      role,
      status: "ACTIVE",
      identityFileId,
    },
    select: { id: true, role: true, status: true },
  });
}

describe("acceptUpload and claimFile", () => {
  it("stores a checked file, records it PENDING, attaches it once", async () => {
    const db = await getDb();
    const receipt = await acceptUpload({ bytes: await makePng(), name: "C:\\Photos\\cni recto.PNG", address: "10.0.0.1" });

    const row = await db.storedFile.findUniqueOrThrow({ where: { id: receipt.fileId } });
    expect(row).toMatchObject({ driver: "local", status: "PENDING", mimeType: "image/png", originalName: "cni recto.png" });
    expect(row.claimHash).not.toBeNull();
    expect(row.claimHash).not.toContain(receipt.claim);
    const onDisk = await readFile(path.join(uploadsDir(), row.storageKey));
    expect(onDisk.byteLength).toBe(row.size);

    const attached = await db.$transaction((tx) => claimFile(tx, receipt));
    expect(attached.id).toBe(receipt.fileId);
    expect(await db.storedFile.findUniqueOrThrow({ where: { id: receipt.fileId } })).toMatchObject({
      status: "ATTACHED",
      claimHash: null,
    });

    const replay = await db.$transaction((tx) => claimFile(tx, receipt)).catch((e: unknown) => e);
    expect(replay).toBeInstanceOf(AppError);
    expect((replay as AppError).message).toBe("Le document envoyé n'a pas été retrouvé : ajoutez-le à nouveau.");
  });

  it("refuses a wrong claim and another account's upload", async () => {
    const db = await getDb();
    const owner = await createUser();
    const other = await createUser();
    const receipt = await acceptUpload({ bytes: makePdf(), name: "avis.pdf", address: "10.0.0.2", uploadedById: owner.id });

    expect(await codeOf(db.$transaction((tx) => claimFile(tx, { fileId: receipt.fileId, claim: "devine" })))).toBe("INVALID");
    expect(await codeOf(db.$transaction((tx) => claimFile(tx, { ...receipt, userId: other.id })))).toBe("INVALID");
    const attached = await db.$transaction((tx) => claimFile(tx, { ...receipt, userId: owner.id }));
    expect(attached.mimeType).toBe("application/pdf");
  });

  it("leaves no file and no row behind when the file is refused", async () => {
    const db = await getDb();
    const keysBefore = await storedKeys();
    const rowsBefore = await db.storedFile.count();
    expect(await codeOf(acceptUpload({ bytes: makeWindowsExecutable(), name: "cni.pdf", address: "10.0.0.3" }))).toBe(
      "FILE_REJECTED",
    );
    expect(await storedKeys()).toEqual(keysBefore);
    expect(await db.storedFile.count()).toBe(rowsBefore);
  });

  it("removes the stored bytes when the database write fails", async () => {
    const keysBefore = await storedKeys();
    await expect(
      acceptUpload({ bytes: makePdf(), name: "x.pdf", address: "10.0.0.4", uploadedById: "no-such-user" }),
    ).rejects.toThrow();
    expect(await storedKeys()).toEqual(keysBefore);
  });

  it("throttles anonymous uploads per address", async () => {
    const bytes = makePdf();
    for (let i = 0; i < ANONYMOUS_UPLOADS_PER_HOUR; i++) {
      await acceptUpload({ bytes, name: "x.pdf", address: "10.0.0.5" });
    }
    const error = await acceptUpload({ bytes, name: "x.pdf", address: "10.0.0.5" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "THROTTLED" });
    expect((error as AppError).message).toMatch(/réessayez dans une heure/);
    await expect(acceptUpload({ bytes, name: "x.pdf", address: "10.0.0.6" })).resolves.toBeDefined();
  });
});

describe("purgeStalePendingFiles and discardFile", () => {
  it("removes old pending uploads only", async () => {
    const db = await getDb();
    const old = await acceptUpload({ bytes: makePdf(), name: "old.pdf", address: "10.0.1.1" });
    const fresh = await acceptUpload({ bytes: makePdf(), name: "fresh.pdf", address: "10.0.1.1" });
    const oldAttached = await acceptUpload({ bytes: makePdf(), name: "kept.pdf", address: "10.0.1.1" });
    await db.$transaction((tx) => claimFile(tx, oldAttached));
    const threeHoursAgo = new Date(Date.now() - 3 * 3600_000);
    await db.storedFile.updateMany({
      where: { id: { in: [old.fileId, oldAttached.fileId] } },
      data: { createdAt: threeHoursAgo },
    });
    const oldKey = (await db.storedFile.findUniqueOrThrow({ where: { id: old.fileId } })).storageKey;

    expect(await purgeStalePendingFiles()).toBe(1);
    expect(await db.storedFile.findUnique({ where: { id: old.fileId } })).toBeNull();
    expect(await storedKeys()).not.toContain(oldKey);
    expect(await db.storedFile.findUnique({ where: { id: fresh.fileId } })).not.toBeNull();
    expect(await db.storedFile.findUnique({ where: { id: oldAttached.fileId } })).not.toBeNull();
  });

  it("discards a file's row and bytes", async () => {
    const db = await getDb();
    const receipt = await acceptUpload({ bytes: makePdf(), name: "x.pdf", address: "10.0.1.2" });
    const { storageKey } = await db.storedFile.findUniqueOrThrow({ where: { id: receipt.fileId } });
    await discardFile(receipt.fileId);
    expect(await db.storedFile.findUnique({ where: { id: receipt.fileId } })).toBeNull();
    expect(await storedKeys()).not.toContain(storageKey);
    await expect(discardFile(receipt.fileId)).resolves.toBeUndefined();
  });
});

describe("readFileForUser", () => {
  it("shows an identity document to its account and to staff, to nobody else", async () => {
    const db = await getDb();
    const pdf = makePdf();
    const receipt = await acceptUpload({ bytes: pdf, name: "cni.pdf", address: "10.0.2.1" });
    await db.$transaction((tx) => claimFile(tx, receipt));
    const owner = await createUser("PARENT", receipt.fileId);
    const stranger = await createUser("PARENT");
    const staff = await createUser("STAFF");

    const mine = await readFileForUser({ fileId: receipt.fileId, user: owner });
    expect(mine).toMatchObject({ mimeType: "application/pdf", originalName: "cni.pdf" });
    expect(Buffer.from(mine.bytes).equals(Buffer.from(pdf))).toBe(true);
    expect((await readFileForUser({ fileId: receipt.fileId, user: staff })).size).toBe(pdf.byteLength);

    expect(await codeOf(readFileForUser({ fileId: receipt.fileId, user: stranger }))).toBe("NOT_FOUND");
    expect(await codeOf(readFileForUser({ fileId: "missing", user: staff }))).toBe("NOT_FOUND");
    expect(
      await codeOf(readFileForUser({ fileId: receipt.fileId, user: { ...staff, status: "PENDING_REVIEW" } })),
    ).toBe("NOT_FOUND");
  });

  it("shows a pending upload to nobody", async () => {
    const receipt = await acceptUpload({ bytes: makePdf(), name: "cni.pdf", address: "10.0.2.2" });
    const staff = await createUser("ADMIN");
    expect(await codeOf(readFileForUser({ fileId: receipt.fileId, user: staff }))).toBe("NOT_FOUND");
  });
});

describe("displayName", () => {
  it("keeps the base name and uses the real extension", () => {
    expect(displayName("../../etc/passwd", "pdf")).toBe("passwd.pdf");
    expect(displayName("photo.heic.exe", "jpg")).toBe("photo.heic.jpg");
    expect(displayName("", "png")).toBe("document.png");
    expect(displayName("a\u0000b\nc.pdf", "pdf")).toBe("abc.pdf");
  });
});
