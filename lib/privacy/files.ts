import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { storageFor } from "@/lib/storage";

export type StoredBytes = { driver: string; storageKey: string };

/**
 * Deletes documents and their stored-file rows in the caller's transaction
 * and returns where their bytes are, for `deleteStoredBytes` once the
 * transaction committed (bytes cannot be rolled back; rows can). Links to
 * them (an absence's certificate, a newer version's "replaces") are cut
 * first so nothing points at a row that is gone.
 */
export async function eraseDocumentsInTx(tx: Tx, where: Prisma.DocumentWhereInput): Promise<{ count: number; files: StoredBytes[]; householdIds: string[] }> {
  const documents = await tx.document.findMany({
    where,
    select: { id: true, householdId: true, fileId: true, file: { select: { driver: true, storageKey: true } } },
  });
  if (documents.length === 0) return { count: 0, files: [], householdIds: [] };
  const ids = documents.map((d) => d.id);
  await tx.absence.updateMany({ where: { documentId: { in: ids } }, data: { documentId: null } });
  await tx.document.updateMany({ where: { replacesId: { in: ids } }, data: { replacesId: null } });
  await tx.document.deleteMany({ where: { id: { in: ids } } });
  await tx.storedFile.deleteMany({ where: { id: { in: documents.map((d) => d.fileId) } } });
  return { count: documents.length, files: documents.map((d) => d.file), householdIds: [...new Set(documents.map((d) => d.householdId))] };
}

/** Removes users' identity documents (rows and links) in the transaction; bytes as above. */
export async function eraseIdentityFilesInTx(tx: Tx, userIds: string[]): Promise<StoredBytes[]> {
  const users = await tx.user.findMany({
    where: { id: { in: userIds }, identityFileId: { not: null } },
    select: { id: true, identityFileId: true, identityFile: { select: { driver: true, storageKey: true } } },
  });
  if (users.length === 0) return [];
  await tx.user.updateMany({ where: { id: { in: users.map((u) => u.id) } }, data: { identityFileId: null } });
  await tx.storedFile.deleteMany({ where: { id: { in: users.map((u) => u.identityFileId!) } } });
  return users.map((u) => u.identityFile!);
}

/**
 * After commit: the rows are gone, so a failure here leaves an unreachable
 * blob, never a row pointing at nothing; deleting a missing key is fine, so
 * it can be tried again.
 */
export async function deleteStoredBytes(files: StoredBytes[]): Promise<void> {
  for (const file of files) await storageFor(file.driver).delete(file.storageKey);
}
