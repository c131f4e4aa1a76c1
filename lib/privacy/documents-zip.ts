import "server-only";
import { zipSync, type Zippable } from "fflate";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { storageFor } from "@/lib/storage";

/**
 * The ZIP is built in memory: at most this many bytes of files go in (the
 * documents are stored, not recompressed, so the archive weighs about the
 * same). A household's documents are a few dozen files of at most the
 * upload limit; past this, the family is asked to contact the service
 * rather than the server holding hundreds of megabytes.
 */
export const DOCUMENTS_ZIP_MAX_BYTES = 150 * 1024 * 1024;

/** ASCII only, no separators: safe in any unzip tool and any file system. */
export function asciiFileName(text: string): string {
  const ascii = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^[-.]+|-+$/g, "");
  return ascii.slice(0, 100) || "document";
}

/**
 * Every file the portal stores for the household: its documents (every
 * version still kept) and the identity documents of its accounts. Files
 * missing from the storage are listed in LISEZ-MOI.txt rather than failing
 * the whole download.
 */
export async function buildDocumentsZip(db: Db, householdId: string): Promise<{ bytes: Uint8Array; count: number }> {
  const [documents, identities] = await Promise.all([
    db.document.findMany({
      where: { householdId },
      orderBy: { createdAt: "asc" },
      select: {
        createdAt: true,
        type: { select: { label: true } },
        person: { select: { firstName: true } },
        file: { select: { driver: true, storageKey: true, originalName: true, size: true } },
      },
    }),
    db.user.findMany({
      where: { role: "PARENT", person: { householdId }, identityFileId: { not: null } },
      select: { firstName: true, identityFile: { select: { driver: true, storageKey: true, originalName: true, size: true } } },
    }),
  ]);
  const entries = [
    ...documents.map((d) => ({ folder: "documents", prefix: [d.type.label, d.person?.firstName].filter(Boolean).join("-"), file: d.file })),
    ...identities.map((u) => ({ folder: "piece-identite", prefix: u.firstName, file: u.identityFile! })),
  ];
  const total = entries.reduce((sum, e) => sum + e.file.size, 0);
  if (total > DOCUMENTS_ZIP_MAX_BYTES) {
    throw new AppError("INVALID", "Vos documents sont trop volumineux pour un seul téléchargement : contactez le service, qui vous les transmettra.");
  }
  const zip: Zippable = {};
  const missing: string[] = [];
  let count = 0;
  for (const [index, entry] of entries.entries()) {
    const name = `${entry.folder}/${String(index + 1).padStart(3, "0")}-${asciiFileName(entry.prefix)}-${asciiFileName(entry.file.originalName)}`;
    const bytes = await storageFor(entry.file.driver).get(entry.file.storageKey);
    if (!bytes) {
      missing.push(name);
      continue;
    }
    // PDFs and images are already compressed: stored as they are.
    zip[name] = [bytes, { level: 0 }];
    count += 1;
  }
  const readme = [
    "Documents conserves par le portail pour votre famille.",
    `${count} fichier(s).`,
    ...(missing.length ? ["", "Fichiers introuvables dans le stockage (contactez le service) :", ...missing] : []),
  ].join("\r\n");
  zip["LISEZ-MOI.txt"] = new TextEncoder().encode(readme);
  return { bytes: zipSync(zip), count };
}
