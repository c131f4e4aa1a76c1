import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/audit";
import { getDb, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { sha256 } from "@/lib/auth/tokens";
import { claimFile, discardFile } from "@/lib/files";
import type { ReviewStatus } from "@/lib/generated/prisma/client";
import { decide, RefusalReasonSchema, type ReviewItem, type ReviewKind } from "@/lib/review";
import { searchRows, SEARCHED_ROWS } from "@/lib/review/search";

/** A parent acting on their own household; the household always comes from the session. */
export type ParentActor = { id: string; householdId: string };

/** What the upload component returned for one file: attached with claimFile. */
export const UploadRefSchema = z.object({
  fileId: z.string().min(1, "Ajoutez le fichier."),
  claim: z.string().min(1, "Ajoutez le fichier."),
});
export type UploadRef = z.infer<typeof UploadRefSchema>;

const DOCUMENT_NOT_FOUND = "Document introuvable.";
const documentNotFound = () => new AppError("NOT_FOUND", DOCUMENT_NOT_FOUND);

/** A person of this household, or NOT_FOUND (the same answer for another household's member). */
export async function assertMemberOfHousehold(tx: Tx, { householdId, personId }: { householdId: string; personId: string }) {
  const person = await tx.person.findFirst({ where: { id: personId, householdId }, select: { id: true } });
  if (!person) throw new AppError("NOT_FOUND", "Membre de la famille introuvable.");
}

/**
 * Creates a document from an upload in the caller's transaction. The file is
 * claimed (so only its uploader can attach it, once); a replaced version is
 * marked replaced in the same transaction, conditionally, so two overwrites
 * of one file cannot both win.
 */
export async function createDocumentInTx(
  tx: Tx,
  {
    actor,
    typeId,
    personId,
    upload,
    requestId,
    replacesId,
    now = new Date(),
  }: {
    actor: ParentActor;
    typeId: string;
    personId?: string | null;
    upload: UploadRef;
    requestId?: string | null;
    replacesId?: string | null;
    now?: Date;
  },
): Promise<{ id: string }> {
  if (personId) await assertMemberOfHousehold(tx, { householdId: actor.householdId, personId });
  const type = await tx.documentType.findFirst({ where: { id: typeId, active: true }, select: { id: true } });
  if (!type) throw new AppError("INVALID", "Choisissez le type de document dans la liste.");
  if (replacesId) {
    const replaced = await tx.document.updateMany({
      where: { id: replacesId, householdId: actor.householdId, replacedAt: null, deletedAt: null },
      data: { replacedAt: now },
    });
    if (replaced.count !== 1) throw documentNotFound();
  }
  const file = await claimFile(tx, { ...upload, userId: actor.id });
  return tx.document.create({
    data: {
      householdId: actor.householdId,
      personId: personId ?? null,
      typeId,
      fileId: file.id,
      requestId: requestId ?? null,
      replacesId: replacesId ?? null,
      createdById: actor.id,
      createdAt: now,
    },
    select: { id: true },
  });
}

export const AddDocumentSchema = z.object({
  typeId: z.string().min(1, "Choisissez le type de document."),
  personId: z.string().min(1),
  fileId: z.string().min(1, "Choisissez un fichier."),
  claim: z.string().min(1, "Choisissez un fichier."),
  replacesId: z
    .string()
    .optional()
    .transform((v) => v || null),
});

/**
 * "+ Ajouter un autre fichier" (no `replacesId`) and "Écraser le fichier.."
 * (with it): the new file of a member, "En attente". An overwrite keeps the
 * old version for staff; the parent only sees the newest. The replaced
 * document must be of the same member and type, so the chain stays one
 * document's history.
 */
export async function addDocument({
  actor,
  typeId,
  personId,
  upload,
  replacesId,
}: {
  actor: ParentActor;
  typeId: string;
  personId: string;
  upload: UploadRef;
  replacesId?: string | null;
}): Promise<{ id: string }> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    if (replacesId) {
      const replaced = await tx.document.findFirst({
        where: { id: replacesId, householdId: actor.householdId, personId, typeId },
        select: { id: true },
      });
      if (!replaced) throw documentNotFound();
    }
    return createDocumentInTx(tx, { actor, typeId, personId, upload, replacesId });
  });
}

/**
 * A parent takes back a file the service has not looked at yet. The row
 * stays (staff history) but leaves the parent's lists and its file is no
 * longer served to the household.
 */
export async function deletePendingDocument({ actor, documentId }: { actor: ParentActor; documentId: string }) {
  const db = await getDb();
  const deleted = await db.document.updateMany({
    where: { id: documentId, householdId: actor.householdId, status: "PENDING", deletedAt: null, replacedAt: null },
    data: { deletedAt: new Date() },
  });
  if (deleted.count !== 1) {
    const exists = await db.document.findFirst({
      where: { id: documentId, householdId: actor.householdId, deletedAt: null },
      select: { id: true },
    });
    if (!exists) throw documentNotFound();
    throw new AppError("CONFLICT", "Ce fichier a déjà été traité par le service : il ne peut plus être supprimé.");
  }
}

/** A document's stored file, with what a link to it says of it: "(PDF, 120 Ko)". */
type FileFacts = { fileId: string; fileName: string; mimeType: string; size: number };

export type HouseholdFileDto = FileFacts & {
  id: string;
  typeLabel: string;
  ownerName: string | null;
  createdAt: Date;
  status: ReviewStatus;
  refusalReason: string | null;
};

/**
 * The household's current files for the Accueil "Fichiers" tab, newest
 * first: neither replaced nor deleted. `query` filters on the file name, the
 * type and the member's name ("Recherche").
 */
export async function listHouseholdFiles({
  householdId,
  query = "",
}: {
  householdId: string;
  query?: string;
}): Promise<HouseholdFileDto[]> {
  const db = await getDb();
  const rows = await db.document.findMany({
    where: { householdId, replacedAt: null, deletedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: SEARCHED_ROWS,
    select: {
      id: true,
      fileId: true,
      status: true,
      refusalReason: true,
      createdAt: true,
      file: { select: { originalName: true, mimeType: true, size: true } },
      type: { select: { label: true } },
      person: { select: { firstName: true, lastName: true } },
    },
  });
  const files = rows.map((row) => ({
    id: row.id,
    fileId: row.fileId,
    fileName: row.file.originalName,
    mimeType: row.file.mimeType,
    size: row.file.size,
    typeLabel: row.type.label,
    ownerName: row.person ? `${row.person.firstName} ${row.person.lastName}` : null,
    createdAt: row.createdAt,
    status: row.status,
    refusalReason: row.refusalReason,
  }));
  return searchRows(files, query, (f) => [f.fileName, f.typeLabel, f.ownerName]);
}

export type MemberDocumentGroupDto = {
  typeId: string;
  typeLabel: string;
  description: string | null;
  documents: (FileFacts & { id: string; createdAt: Date; status: ReviewStatus; refusalReason: string | null })[];
};

/**
 * "Documents liés au compte": every active document type, with the member's
 * current files of that type (a replaced version is not shown to parents).
 */
export async function listMemberDocuments({
  householdId,
  personId,
}: {
  householdId: string;
  personId: string;
}): Promise<MemberDocumentGroupDto[]> {
  const db = await getDb();
  const [types, documents] = await Promise.all([
    db.documentType.findMany({ where: { active: true }, orderBy: [{ sortOrder: "asc" }, { label: "asc" }] }),
    db.document.findMany({
      where: { householdId, personId, replacedAt: null, deletedAt: null },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        typeId: true,
        fileId: true,
        createdAt: true,
        status: true,
        refusalReason: true,
        file: { select: { originalName: true, mimeType: true, size: true } },
      },
    }),
  ]);
  return types.map((type) => ({
    typeId: type.id,
    typeLabel: type.label,
    description: type.description,
    documents: documents
      .filter((d) => d.typeId === type.id)
      .map(({ file, typeId: _typeId, ...d }) => ({ ...d, fileName: file.originalName, mimeType: file.mimeType, size: file.size })),
  }));
}

// ——— Staff ———

export type DocumentReviewDto = FileFacts & {
  id: string;
  householdId: string;
  householdName: string;
  householdReference: number;
  ownerName: string | null;
  typeLabel: string;
  createdAt: Date;
  status: ReviewStatus;
  refusalReason: string | null;
  reviewedAt: Date | null;
  reviewerName: string | null;
  requestId: string | null;
  replacedAt: Date | null;
  deletedAt: Date | null;
  /** Older versions, newest first, this document replaced. */
  history: (FileFacts & { id: string; createdAt: Date; status: ReviewStatus })[];
};

const staffDocumentSelect = {
  id: true,
  householdId: true,
  household: { select: { name: true, reference: true } },
  person: { select: { firstName: true, lastName: true } },
  type: { select: { label: true } },
  fileId: true,
  file: { select: { originalName: true, mimeType: true, size: true } },
  createdAt: true,
  status: true,
  refusalReason: true,
  reviewedAt: true,
  reviewedBy: { select: { firstName: true, lastName: true } },
  requestId: true,
  replacedAt: true,
  deletedAt: true,
  replacesId: true,
} as const;

type StaffDocumentRow = {
  id: string;
  householdId: string;
  household: { name: string; reference: number };
  person: { firstName: string; lastName: string } | null;
  type: { label: string };
  fileId: string;
  file: { originalName: string; mimeType: string; size: number };
  createdAt: Date;
  status: ReviewStatus;
  refusalReason: string | null;
  reviewedAt: Date | null;
  reviewedBy: { firstName: string; lastName: string } | null;
  requestId: string | null;
  replacedAt: Date | null;
  deletedAt: Date | null;
  replacesId: string | null;
};

async function versionsBefore(tx: Tx, replacesId: string | null) {
  const history: DocumentReviewDto["history"] = [];
  let next = replacesId;
  // A chain is a handful of versions; the bound only guards against a cycle.
  for (let i = 0; next && i < 50; i++) {
    const row = await tx.document.findUnique({
      where: { id: next },
      select: { id: true, fileId: true, createdAt: true, status: true, replacesId: true, file: { select: { originalName: true, mimeType: true, size: true } } },
    });
    if (!row) break;
    const { originalName: fileName, mimeType, size } = row.file;
    history.push({ id: row.id, fileId: row.fileId, fileName, mimeType, size, createdAt: row.createdAt, status: row.status });
    next = row.replacesId;
  }
  return history;
}

async function toReviewDto(tx: Tx, row: StaffDocumentRow): Promise<DocumentReviewDto> {
  return {
    id: row.id,
    householdId: row.householdId,
    householdName: row.household.name,
    householdReference: row.household.reference,
    ownerName: row.person ? `${row.person.firstName} ${row.person.lastName}` : null,
    typeLabel: row.type.label,
    fileId: row.fileId,
    fileName: row.file.originalName,
    mimeType: row.file.mimeType,
    size: row.file.size,
    createdAt: row.createdAt,
    status: row.status,
    refusalReason: row.refusalReason,
    reviewedAt: row.reviewedAt,
    reviewerName: row.reviewedBy ? `${row.reviewedBy.firstName} ${row.reviewedBy.lastName}` : null,
    requestId: row.requestId,
    replacedAt: row.replacedAt,
    deletedAt: row.deletedAt,
    history: await versionsBefore(tx, row.replacesId),
  };
}

/** The staff queue: current documents still "En attente", oldest first. */
export async function listDocumentsToReview(): Promise<DocumentReviewDto[]> {
  const db = await getDb();
  const rows = await db.document.findMany({
    where: { status: "PENDING", replacedAt: null, deletedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 200,
    select: staffDocumentSelect,
  });
  return Promise.all(rows.map((row) => toReviewDto(db, row)));
}

export async function countDocumentsToReview(): Promise<number> {
  const db = await getDb();
  return db.document.count({ where: { status: "PENDING", replacedAt: null, deletedAt: null } });
}

export async function getDocumentForStaff(documentId: string): Promise<DocumentReviewDto | null> {
  const db = await getDb();
  const row = await db.document.findUnique({ where: { id: documentId }, select: staffDocumentSelect });
  return row ? toReviewDto(db, row) : null;
}

/** Every document of a household for its staff page, versions and deleted ones included, newest first. */
export async function listHouseholdDocumentsForStaff(householdId: string): Promise<DocumentReviewDto[]> {
  const db = await getDb();
  const rows = await db.document.findMany({
    where: { householdId, replacedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: staffDocumentSelect,
  });
  return Promise.all(rows.map((row) => toReviewDto(db, row)));
}

const documentReview: ReviewKind<ReviewItem> = {
  kind: "document",
  table: "Document",
  notFound: DOCUMENT_NOT_FOUND,
  alreadyDecided: "Ce document a déjà été traité ou a été retiré par la famille.",
  auditActions: { VALIDATED: "document.validate", REFUSED: "document.refuse" },
  emailTemplates: { VALIDATED: "document-validated", REFUSED: "document-refused" },
  portalPath: "/accueil?onglet=fichiers",
  async load(tx, id) {
    const row = await tx.document.findUnique({
      where: { id },
      select: {
        id: true,
        householdId: true,
        status: true,
        deletedAt: true,
        type: { select: { label: true } },
        person: { select: { firstName: true, lastName: true } },
      },
    });
    if (!row) return null;
    return {
      id: row.id,
      householdId: row.householdId,
      pending: row.status === "PENDING" && row.deletedAt === null,
      label: row.type.label,
      auditDetails: { person: row.person ? `${row.person.firstName} ${row.person.lastName}` : undefined },
    };
  },
  async apply(tx, document, { actor, decision, reason, now }) {
    await tx.document.update({
      where: { id: document.id },
      data: { status: decision, refusalReason: reason, reviewedById: actor.id, reviewedAt: now },
    });
  },
};

export async function validateDocument({ actor, documentId }: { actor: Actor; documentId: string }) {
  return decide(documentReview, { actor, id: documentId, decision: "VALIDATED" });
}

export async function refuseDocument({ actor, documentId, reason }: { actor: Actor; documentId: string; reason: string }) {
  return decide(documentReview, { actor, id: documentId, decision: "REFUSED", reason });
}

export const DocumentDecisionSchema = z.object({ documentId: z.string().min(1) });
export const RefuseDocumentSchema = z.object({ documentId: z.string().min(1), reason: RefusalReasonSchema });

/**
 * Uploads a refused form sent but never attached: removed at once rather
 * than left for the periodic purge, so a refused form leaves nothing behind.
 * Only files still pending under the sender's claim are touched.
 */
export async function discardUnclaimedUploads(uploads: UploadRef[]): Promise<void> {
  const db = await getDb();
  for (const { fileId, claim } of uploads) {
    const file = await db.storedFile.findFirst({
      where: { id: fileId, claimHash: sha256(claim), status: "PENDING" },
      select: { id: true },
    });
    if (file) await discardFile(file.id);
  }
}
