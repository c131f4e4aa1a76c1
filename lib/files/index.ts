import "server-only";
import { createHash } from "node:crypto";
import path from "node:path";
import { newSecret, sha256 } from "@/lib/auth/tokens";
import { getDb, type Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Role, StoredFile, UserStatus } from "@/lib/generated/prisma/client";
import { hitRateLimit } from "@/lib/rate-limit";
import { newStorageKey, storage, storageFor, type Bytes, type StorageDriver } from "@/lib/storage";
import { uploadthingDriver } from "@/lib/storage/uploadthing";
import { checkFile } from "./check";
import { FILE_MESSAGES } from "./messages";
import { visibleFileName } from "./name";
import { roleGrants } from "@/lib/auth/roles";

/**
 * The upload pipeline. A file is checked by content, stored under a random
 * key, and recorded PENDING with the hash of a secret "claim" that only the
 * uploader receives. The form that needed the file (registration, a
 * document request) then attaches it with `claimFile` inside its own
 * transaction, so an upload nobody claims is just swept by
 * `purgeStalePendingFiles`, and nobody can attach someone else's upload.
 */

export const ANONYMOUS_UPLOADS_PER_HOUR = 20;
export const USER_UPLOADS_PER_HOUR = 60;

export type UploadDriverName = "local" | "uploadthing";

/** What a page passes to the upload component. */
export function uploadClientConfig(): { driver: UploadDriverName; maxBytes: number } {
  return { driver: env().uploadthingToken ? "uploadthing" : "local", maxBytes: env().uploadMaxBytes };
}

/**
 * Counts one upload. Anonymous uploads (registration happens before an
 * account exists) are limited per client address; a signed-in user is
 * limited per account, more generously, so a shared address (a school, a
 * town hall) does not lock parents out.
 */
export async function throttleUpload({ address, userId }: { address: string; userId?: string | null }) {
  await hitRateLimit(
    userId
      ? { key: `upload:user:${userId}`, max: USER_UPLOADS_PER_HOUR, windowMinutes: 60, message: FILE_MESSAGES.throttled }
      : { key: `upload:ip:${address}`, max: ANONYMOUS_UPLOADS_PER_HOUR, windowMinutes: 60, message: FILE_MESSAGES.throttled },
  );
}

export type UploadReceipt = { fileId: string; claim: string };

/** The local-driver path: the bytes came through our own endpoint. */
export async function acceptUpload({
  bytes,
  name,
  uploadedById,
  address,
}: {
  bytes: Uint8Array;
  name: string;
  uploadedById?: string | null;
  address: string;
}): Promise<UploadReceipt> {
  await throttleUpload({ address, userId: uploadedById });
  const checked = await checkFile({ bytes, name });
  const driver = storage();
  const key = newStorageKey();
  await driver.put(key, checked.bytes, checked.mimeType);
  return recordStoredFile({ driver, key, name, checked, uploadedById });
}

/**
 * The UploadThing path: the browser sent the file straight to UploadThing,
 * under our random key (its customId). Nothing has looked at its content
 * yet, so it is downloaded and checked here; a refused file is deleted from
 * UploadThing, and an image is replaced by its cleaned re-encoding so the
 * original (with its metadata) does not stay there.
 */
export async function recordUploadedFile({
  storageKey,
  name,
  uploadedById,
}: {
  storageKey: string;
  name: string;
  uploadedById?: string | null;
}): Promise<UploadReceipt> {
  const token = env().uploadthingToken;
  if (!token) throw new Error("recordUploadedFile needs UPLOADTHING_TOKEN.");
  const driver = uploadthingDriver(token);
  const original = await driver.get(storageKey);
  if (!original) throw new AppError("FILE_REJECTED", FILE_MESSAGES.missing);
  let checked;
  try {
    checked = await checkFile({ bytes: original, name });
  } catch (error) {
    await driver.delete(storageKey);
    throw error;
  }
  let key = storageKey;
  if (!Buffer.from(checked.bytes).equals(Buffer.from(original))) {
    key = newStorageKey();
    await driver.put(key, checked.bytes, checked.mimeType);
    await driver.delete(storageKey);
  }
  return recordStoredFile({ driver, key, name, checked, uploadedById });
}

async function recordStoredFile({
  driver,
  key,
  name,
  checked,
  uploadedById,
}: {
  driver: StorageDriver;
  key: string;
  name: string;
  checked: Awaited<ReturnType<typeof checkFile>>;
  uploadedById?: string | null;
}): Promise<UploadReceipt> {
  const claim = newSecret();
  try {
    const db = await getDb();
    const row = await db.storedFile.create({
      data: {
        driver: driver.name,
        storageKey: key,
        originalName: displayName(name, checked.extension),
        mimeType: checked.mimeType,
        size: checked.bytes.byteLength,
        sha256: createHash("sha256").update(checked.bytes).digest("hex"),
        status: "PENDING",
        claimHash: sha256(claim),
        uploadedById: uploadedById ?? null,
      },
      select: { id: true },
    });
    return { fileId: row.id, claim };
  } catch (error) {
    // Bytes without a row would never be found again: remove them, and
    // report the database error, which is the one that explains the failure.
    await driver.delete(key).catch(() => undefined);
    throw error;
  }
}

/**
 * The name shown to staff: the sender's base name (no folders, no control or
 * bidi/format characters, bounded) with the extension of what the file
 * really is.
 */
export function displayName(name: string, extension: string): string {
  const base = path.posix
    .basename(visibleFileName(name).replaceAll("\\", "/"))
    .replace(/\.[^.]*$/, "")
    .trim()
    .slice(0, 120);
  return `${base || "document"}.${extension}`;
}

export type AttachedFile = Pick<StoredFile, "id" | "mimeType" | "size" | "originalName" | "sha256" | "createdAt">;

/**
 * Attaches a pending upload to whatever the caller is creating, in the
 * caller's transaction. The update is conditional (still PENDING, claim
 * matches, and not uploaded by another account), so a replayed or guessed
 * claim finds nothing; the claim hash is cleared so the secret is spent.
 */
export async function claimFile(
  tx: Tx,
  { fileId, claim, userId }: { fileId: string; claim: string; userId?: string },
): Promise<AttachedFile> {
  const claimed = await tx.storedFile.updateMany({
    where: {
      id: fileId,
      status: "PENDING",
      claimHash: sha256(claim),
      ...(userId ? { OR: [{ uploadedById: null }, { uploadedById: userId }] } : {}),
    },
    data: { status: "ATTACHED", claimHash: null, ...(userId ? { uploadedById: userId } : {}) },
  });
  if (claimed.count !== 1) throw new AppError("INVALID", FILE_MESSAGES.claim);
  return tx.storedFile.findUniqueOrThrow({
    where: { id: fileId },
    select: { id: true, mimeType: true, size: true, originalName: true, sha256: true, createdAt: true },
  });
}

/** Removes a file entirely: its row, then its bytes. */
export async function discardFile(fileId: string): Promise<void> {
  const db = await getDb();
  const file = await db.storedFile.findUnique({ where: { id: fileId }, select: { driver: true, storageKey: true } });
  if (!file) return;
  // Row first: if deleting the bytes fails, what is left is an unreachable
  // blob, never a row pointing at nothing.
  await db.storedFile.delete({ where: { id: fileId } });
  await storageFor(file.driver).delete(file.storageKey);
}

/**
 * Uploads that no form claimed (an abandoned registration, a closed tab).
 * The delete is conditional on PENDING, so a file claimed meanwhile stays.
 */
export async function purgeStalePendingFiles(olderThanMinutes = 120, now = new Date()): Promise<number> {
  const db = await getDb();
  const cutoff = new Date(now.getTime() - olderThanMinutes * 60_000);
  const stale = await db.storedFile.findMany({
    where: { status: "PENDING", createdAt: { lt: cutoff } },
    select: { id: true, driver: true, storageKey: true },
    take: 500,
  });
  let removed = 0;
  for (const file of stale) {
    const deleted = await db.storedFile.deleteMany({ where: { id: file.id, status: "PENDING" } });
    if (deleted.count !== 1) continue;
    await storageFor(file.driver).delete(file.storageKey);
    removed += 1;
  }
  return removed;
}

/** `householdId` is the reader's household (from the session), for household documents. */
export type FileReader = { id: string; role: Role; status: UserStatus; householdId?: string | null };

type FileAccessFacts = {
  status: StoredFile["status"];
  identityOf: { id: string } | null;
  document?: { householdId: string; deletedAt: Date | null } | null;
};

/**
 * Who may see a stored file. Active staff see every attached file (as
 * requireRole("staff") admits them). A parent sees the identity document of their
 * own account, and the documents of their own household (whoever of the
 * household sent them) until one is deleted; a replaced version stays
 * readable to them only through its link, which the portal no longer shows.
 */
export function canReadFile(user: FileReader, file: FileAccessFacts): boolean {
  if (file.status !== "ATTACHED") return false;
  if (user.status !== "ACTIVE" && file.identityOf?.id !== user.id) return false;
  if (roleGrants(user.role, "staff")) return user.status === "ACTIVE";
  if (file.identityOf?.id === user.id) return true;
  const document = file.document;
  return Boolean(document && !document.deletedAt && user.householdId && document.householdId === user.householdId);
}

export type ReadableFile = { bytes: Bytes; mimeType: string; originalName: string; size: number };

/** A file's content for `user`, or NOT_FOUND, whether it is missing or not theirs. */
export async function readFileForUser({ fileId, user }: { fileId: string; user: FileReader }): Promise<ReadableFile> {
  const db = await getDb();
  const file = await db.storedFile.findUnique({
    where: { id: fileId },
    select: {
      driver: true,
      storageKey: true,
      mimeType: true,
      originalName: true,
      size: true,
      status: true,
      identityOf: { select: { id: true } },
      document: { select: { householdId: true, deletedAt: true } },
    },
  });
  if (!file || !canReadFile(user, file)) throw new AppError("NOT_FOUND", "Document introuvable.");
  const bytes = await storageFor(file.driver).get(file.storageKey);
  if (!bytes) throw new AppError("NOT_FOUND", "Document introuvable.");
  // Names recorded before bidi characters were stripped stay in the table: the download name is cleaned too.
  return { bytes, mimeType: file.mimeType, originalName: visibleFileName(file.originalName), size: file.size };
}
