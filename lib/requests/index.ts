import "server-only";
import { z } from "zod";
import { recordAudit, type Actor } from "@/lib/audit";
import { getDb, type Tx } from "@/lib/db/client";
import {
  assertMemberOfHousehold,
  createDocumentInTx,
  UploadRefSchema,
  type ParentActor,
  type UploadRef,
} from "@/lib/documents";
import { AppError } from "@/lib/errors";
import { applyHealthUpdateInTx } from "@/lib/family-file/health";
import { Prisma, type RequestAction, type ReviewStatus } from "@/lib/generated/prisma/client";
import { decide, RefusalReasonSchema, type ReviewItem, type ReviewKind } from "@/lib/review";
import { searchRows, SEARCHED_ROWS } from "@/lib/review/search";
import { civilDate, fieldDisplayValue, fieldsFor, parseActionData, validateRequestData, type RequestField } from "./fields";

export { fieldsFor, type RequestField } from "./fields";

export const MAX_REQUEST_FILES = 5;

export type RequestTypeDto = {
  id: string;
  code: string;
  label: string;
  description: string | null;
  service: string;
  action: RequestAction;
  needsMember: boolean;
  fields: RequestField[];
  documentTypes: { id: string; label: string }[];
};

const typeSelect = {
  id: true,
  code: true,
  label: true,
  description: true,
  service: true,
  action: true,
  needsMember: true,
  fields: true,
  documentTypes: { where: { active: true }, select: { id: true, label: true }, orderBy: { sortOrder: "asc" } },
} satisfies Prisma.RequestTypeSelect;

type TypeRow = Prisma.RequestTypeGetPayload<{ select: typeof typeSelect }>;

const toTypeDto = (row: TypeRow): RequestTypeDto => ({ ...row, fields: fieldsFor(row) });

/** "Nature de la demande": the types staff left active, in their order. */
export async function listActiveRequestTypes(): Promise<RequestTypeDto[]> {
  const db = await getDb();
  const rows = await db.requestType.findMany({
    where: { active: true },
    orderBy: [{ sortOrder: "asc" }, { label: "asc" }],
    select: typeSelect,
  });
  return rows.map(toTypeDto);
}

export async function getActiveRequestType(code: string): Promise<RequestTypeDto | null> {
  const db = await getDb();
  const row = await db.requestType.findFirst({ where: { code, active: true }, select: typeSelect });
  return row ? toTypeDto(row) : null;
}

export const SubmitRequestSchema = z.object({
  typeCode: z.string().min(1),
  personId: z
    .string()
    .optional()
    .transform((v) => v || null),
  submissionKey: z.string().min(16, "Le formulaire a expiré : rechargez la page.").max(100),
  data: z.record(z.string(), z.string()).default({}),
  uploads: z.array(UploadRefSchema).max(MAX_REQUEST_FILES, `Joignez au plus ${MAX_REQUEST_FILES} fichiers.`).default([]),
});

/**
 * Sends a démarche. The hidden submission key makes it idempotent: a double
 * click, or a form posted again after a lost answer, finds the request the
 * first post created (only within the same household) instead of making a
 * second one. The request and its documents are written in one transaction,
 * each file claimed by its uploader.
 */
export async function submitRequest({
  actor,
  typeCode,
  personId,
  data: raw,
  uploads,
  submissionKey,
}: {
  actor: ParentActor;
  typeCode: string;
  personId?: string | null;
  data: Record<string, unknown>;
  uploads: UploadRef[];
  submissionKey: string;
}): Promise<{ requestId: string; created: boolean }> {
  const db = await getDb();
  const earlier = await findBySubmissionKey(actor, submissionKey);
  if (earlier) return { requestId: earlier, created: false };

  const type = await db.requestType.findFirst({ where: { code: typeCode, active: true }, select: typeSelect });
  if (!type) throw new AppError("NOT_FOUND", "Cette démarche n'est plus proposée.");
  if (type.needsMember && !personId) {
    throw new AppError("INVALID", "Choisissez le membre de la famille concerné.", { personId: "Choisissez le membre de la famille concerné." });
  }
  const { data, errors } = validateRequestData(type, raw);
  if (Object.keys(errors).length > 0) {
    throw new AppError("INVALID", "Le formulaire contient des erreurs : corrigez les champs signalés.", errors);
  }
  if (type.documentTypes.length > 0 && uploads.length === 0) {
    throw new AppError("INVALID", "Joignez le justificatif demandé.", { files: "Joignez le justificatif demandé." });
  }
  // Staff may have unlinked every document type; the file is then filed as "Autre document".
  const documentTypeId =
    type.documentTypes[0]?.id ??
    (await db.documentType.findFirst({ where: { active: true }, orderBy: { sortOrder: "desc" }, select: { id: true } }))?.id;
  if (uploads.length > 0 && !documentTypeId) throw new AppError("INVALID", "Aucun type de document n'est ouvert.");

  try {
    return await db.$transaction(async (tx) => {
      const concerned = type.needsMember ? personId : null;
      if (concerned) await assertMemberOfHousehold(tx, { householdId: actor.householdId, personId: concerned });
      const request = await tx.request.create({
        data: {
          householdId: actor.householdId,
          personId: concerned,
          typeId: type.id,
          data,
          createdById: actor.id,
          submissionKey,
        },
        select: { id: true },
      });
      for (const upload of uploads) {
        await createDocumentInTx(tx, { actor, typeId: documentTypeId!, personId: concerned, upload, requestId: request.id });
      }
      return { requestId: request.id, created: true };
    });
  } catch (error) {
    // Two posts of one form raced: the loser's transaction rolled back, its
    // claims with it; the winner's request is the answer.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await findBySubmissionKey(actor, submissionKey);
      if (winner) return { requestId: winner, created: false };
    }
    throw error;
  }
}

async function findBySubmissionKey(actor: ParentActor, submissionKey: string): Promise<string | null> {
  const db = await getDb();
  const row = await db.request.findUnique({ where: { submissionKey }, select: { id: true, householdId: true } });
  if (!row) return null;
  // Someone else's key (guessed or replayed) says nothing about their request.
  if (row.householdId !== actor.householdId) throw new AppError("CONFLICT", "Le formulaire a expiré : rechargez la page.");
  return row.id;
}

export type HouseholdRequestDto = {
  id: string;
  personName: string | null;
  label: string;
  service: string;
  /** The "Type" column: the nature of the request, in the seed's words. */
  typeName: string;
  createdAt: Date;
  status: ReviewStatus;
  refusalReason: string | null;
  handledAt: Date | null;
  documents: { id: string; fileId: string; fileName: string; mimeType: string; size: number; status: ReviewStatus }[];
  fields: { label: string; value: string }[];
};

const requestSelect = {
  id: true,
  data: true,
  status: true,
  refusalReason: true,
  createdAt: true,
  handledAt: true,
  person: { select: { firstName: true, lastName: true } },
  type: { select: { label: true, service: true, action: true, fields: true } },
  documents: {
    where: { deletedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, fileId: true, status: true, file: { select: { originalName: true, mimeType: true, size: true } } },
  },
} satisfies Prisma.RequestSelect;

/** The "Type" column: every request made here is a démarche administrative (bookings are listed by their own area). */
const REQUEST_TYPE_NAME = "Démarche administrative";

function toRequestDto(row: Prisma.RequestGetPayload<{ select: typeof requestSelect }>): HouseholdRequestDto {
  const values = (row.data ?? {}) as Record<string, string>;
  return {
    id: row.id,
    personName: row.person ? `${row.person.firstName} ${row.person.lastName}` : null,
    label: row.type.label,
    service: row.type.service,
    typeName: REQUEST_TYPE_NAME,
    createdAt: row.createdAt,
    status: row.status,
    refusalReason: row.refusalReason,
    handledAt: row.handledAt,
    documents: row.documents.map((d) => ({
      id: d.id,
      fileId: d.fileId,
      fileName: d.file.originalName,
      mimeType: d.file.mimeType,
      size: d.file.size,
      status: d.status,
    })),
    fields: fieldsFor(row.type)
      .filter((f) => values[f.name])
      .map((f) => ({ label: f.label, value: fieldDisplayValue(f, values[f.name]) })),
  };
}

/** The household's requests for the Demandes table, newest first, filtered by "Recherche". */
export async function listHouseholdRequests({
  householdId,
  query = "",
}: {
  householdId: string;
  query?: string;
}): Promise<HouseholdRequestDto[]> {
  const db = await getDb();
  const rows = await db.request.findMany({
    where: { householdId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: SEARCHED_ROWS,
    select: requestSelect,
  });
  return searchRows(rows.map(toRequestDto), query, (r) => [r.label, r.service, r.personName]);
}

/** One request of the parent's household, or null: another household's id reads as missing. */
export async function getHouseholdRequest({
  householdId,
  requestId,
}: {
  householdId: string;
  requestId: string;
}): Promise<HouseholdRequestDto | null> {
  const db = await getDb();
  const row = await db.request.findFirst({ where: { id: requestId, householdId }, select: requestSelect });
  return row ? toRequestDto(row) : null;
}

// ——— Staff ———

export type StaffRequestDto = HouseholdRequestDto & {
  householdId: string;
  householdName: string;
  householdReference: number;
  action: RequestAction;
  handlerName: string | null;
};

const staffRequestSelect = {
  ...requestSelect,
  householdId: true,
  household: { select: { name: true, reference: true } },
  handledBy: { select: { firstName: true, lastName: true } },
} satisfies Prisma.RequestSelect;

function toStaffDto(row: Prisma.RequestGetPayload<{ select: typeof staffRequestSelect }>): StaffRequestDto {
  return {
    ...toRequestDto(row),
    householdId: row.householdId,
    householdName: row.household.name,
    householdReference: row.household.reference,
    action: row.type.action,
    handlerName: row.handledBy ? `${row.handledBy.firstName} ${row.handledBy.lastName}` : null,
  };
}

export async function listRequestsToHandle(): Promise<StaffRequestDto[]> {
  const db = await getDb();
  const rows = await db.request.findMany({
    where: { status: "PENDING" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 200,
    select: staffRequestSelect,
  });
  return rows.map(toStaffDto);
}

export async function countRequestsToHandle(): Promise<number> {
  const db = await getDb();
  return db.request.count({ where: { status: "PENDING" } });
}

export async function getRequestForStaff(requestId: string): Promise<StaffRequestDto | null> {
  const db = await getDb();
  const row = await db.request.findUnique({ where: { id: requestId }, select: staffRequestSelect });
  return row ? toStaffDto(row) : null;
}

export async function listHouseholdRequestsForStaff(householdId: string): Promise<StaffRequestDto[]> {
  const db = await getDb();
  const rows = await db.request.findMany({
    where: { householdId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: staffRequestSelect,
  });
  return rows.map(toStaffDto);
}

type RequestUnderReview = ReviewItem & { action: RequestAction; data: unknown; householdName: string; personId: string | null };

/** Applies what an accepted request asks for, in the acceptance's transaction. */
async function applyRequest(tx: Tx, actor: Actor, request: RequestUnderReview) {
  const target = { targetType: "Household" as const, targetId: request.householdId };
  if (request.action === "CHANGE_ADDRESS") {
    const address = parseActionData("CHANGE_ADDRESS", request.data);
    await tx.household.update({ where: { id: request.householdId }, data: address });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "household.update",
      ...target,
      details: { label: request.householdName, householdId: request.householdId, requestId: request.id, address: `${address.address1}, ${address.postalCode} ${address.city}` },
    });
  } else if (request.action === "UPDATE_QF") {
    const qf = parseActionData("UPDATE_QF", request.data);
    await tx.household.update({
      where: { id: request.householdId },
      data: {
        qf: Number(qf.qf),
        regime: qf.regime,
        qfValidUntil: civilDate(qf.validUntil),
        ...(qf.cafNumber ? { cafNumber: qf.cafNumber } : {}),
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "household.update",
      ...target,
      details: { label: request.householdName, householdId: request.householdId, requestId: request.id, qf: Number(qf.qf), regime: qf.regime },
    });
  } else if (request.action === "ADD_MEMBER") {
    const member = parseActionData("ADD_MEMBER", request.data);
    const person = await tx.person.create({
      data: {
        householdId: request.householdId,
        quality: member.quality,
        civility: member.civility ?? null,
        lastName: member.lastName.toLocaleUpperCase("fr-FR"),
        firstName: member.firstName,
        birthDate: civilDate(member.birthDate),
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "person.create",
      targetType: "Person",
      targetId: person.id,
      details: { label: `${member.firstName} ${member.lastName}`, householdId: request.householdId, requestId: request.id },
    });
  } else if (request.action === "HEALTH_UPDATE") {
    await applyHealthUpdateInTx(tx, actor, request);
  }
  // The other natures (situation familiale, certificat médical, autre) are
  // read and acted on by staff; accepting records the decision.
}

const requestReview: ReviewKind<RequestUnderReview> = {
  kind: "request",
  table: "Request",
  notFound: "Demande introuvable.",
  alreadyDecided: "Cette demande a déjà été traitée.",
  auditActions: { VALIDATED: "request.accept", REFUSED: "request.refuse" },
  emailTemplates: { VALIDATED: "request-accepted", REFUSED: "request-refused" },
  portalPath: "/accueil",
  async load(tx, id) {
    const row = await tx.request.findUnique({
      where: { id },
      select: {
        id: true,
        householdId: true,
        personId: true,
        status: true,
        data: true,
        household: { select: { name: true } },
        type: { select: { label: true, action: true } },
      },
    });
    if (!row) return null;
    return {
      id: row.id,
      householdId: row.householdId,
      pending: row.status === "PENDING",
      label: row.type.label,
      action: row.type.action,
      data: row.data,
      householdName: row.household.name,
      personId: row.personId,
    };
  },
  async apply(tx, request, { actor, decision, reason, now }) {
    await tx.request.update({
      where: { id: request.id },
      data: { status: decision, refusalReason: reason, handledById: actor.id, handledAt: now },
    });
    if (decision === "VALIDATED") await applyRequest(tx, actor, request);
    // The supporting documents follow the request's fate, so they leave the document queue too.
    await tx.document.updateMany({
      where: { requestId: request.id, status: "PENDING", deletedAt: null },
      data: { status: decision, refusalReason: reason, reviewedById: actor.id, reviewedAt: now },
    });
  },
};

/** Accepting applies the request in the same transaction: new address, new QF, new member, a child's allergies and PAI. */
export async function acceptRequest({ actor, requestId }: { actor: Actor; requestId: string }) {
  return decide(requestReview, { actor, id: requestId, decision: "VALIDATED" });
}

export async function refuseRequest({ actor, requestId, reason }: { actor: Actor; requestId: string; reason: string }) {
  return decide(requestReview, { actor, id: requestId, decision: "REFUSED", reason });
}

export const RequestDecisionSchema = z.object({ requestId: z.string().min(1) });
export const RefuseRequestSchema = z.object({ requestId: z.string().min(1), reason: RefusalReasonSchema });
