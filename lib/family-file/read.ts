import "server-only";
import { getDb, type Db } from "@/lib/db/client";
import { dateToDay, parisDay, type Day } from "@/lib/dates";
import type { ConsentKind, PickupKind, ReviewStatus } from "@/lib/generated/prisma/client";
import { currentConsents } from "./consents";
import { CONSENT_KINDS } from "./gaps";
import { HealthRequestDataSchema, type HealthRequestData } from "./schemas";

export type FileDocumentDto = { id: string; fileId: string; fileName: string; mimeType: string; size: number; createdAt: Date; status: ReviewStatus; refusalReason: string | null };

export type ChildFileDto = {
  child: { id: string; firstName: string; lastName: string; birthDate: Date | null };
  health: {
    doctorName: string | null;
    doctorPhone: string | null;
    diets: { id: string; label: string }[];
    vaccinationsUpToDate: boolean | null;
    remarks: string | null;
    allergies: string | null;
    pai: boolean;
    paiValidUntil: Day | null;
    /** The PAI is in place and its end date has not passed. */
    paiValid: boolean;
  };
  /** The diets to choose from: the active ones, and any retired one the child still has. */
  dietOptions: { id: string; label: string }[];
  /** Allergies and PAI sent to staff and not decided yet. */
  pendingHealthRequest: ({ id: string; createdAt: Date } & HealthRequestData) | null;
  /** The last SANTE request, when staff refused it and nothing is pending since. */
  refusedHealthRequest: { handledAt: Date | null; reason: string | null } | null;
  documents: { pai: FileDocumentDto[]; vaccinations: FileDocumentDto[] };
  pickupPersons: { id: string; kind: PickupKind; name: string; relationship: string; phone: string | null }[];
  consents: { kind: ConsentKind; given: boolean | null; byName: string | null; at: Date | null }[];
};

export type StaffChildFileDto = ChildFileDto & { staffNotes: string | null };

const PICKUP_ORDER: PickupKind[] = ["EMERGENCY", "AUTHORISED", "FORBIDDEN"];

async function loadChildFiles(db: Db, where: { householdId: string; personId?: string }, today: Day): Promise<StaffChildFileDto[]> {
  const children = await db.person.findMany({
    where: { householdId: where.householdId, quality: "ENFANT", ...(where.personId ? { id: where.personId } : {}) },
    orderBy: [{ birthDate: "asc" }, { firstName: "asc" }],
    select: {
      id: true,
      firstName: true,
      lastName: true,
      birthDate: true,
      healthFile: { include: { diets: { select: { id: true, label: true }, orderBy: [{ sortOrder: "asc" }, { label: "asc" }] } } },
      pickupPersons: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, kind: true, name: true, relationship: true, phone: true } },
      documents: {
        where: { type: { code: { in: ["PAI", "VACCINS"] } }, replacedAt: null, deletedAt: null },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          fileId: true,
          createdAt: true,
          status: true,
          refusalReason: true,
          type: { select: { code: true } },
          file: { select: { originalName: true, mimeType: true, size: true } },
        },
      },
      requests: {
        where: { type: { action: "HEALTH_UPDATE" } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 1,
        select: { id: true, status: true, data: true, createdAt: true, handledAt: true, refusalReason: true },
      },
    },
  });
  if (children.length === 0) return [];
  const [activeDiets, consents] = await Promise.all([
    db.diet.findMany({ where: { active: true }, orderBy: [{ sortOrder: "asc" }, { label: "asc" }], select: { id: true, label: true } }),
    currentConsents(
      db,
      children.map((c) => c.id),
    ),
  ]);
  return children.map((c) => {
    const h = c.healthFile;
    const paiValidUntil = h?.pai && h.paiValidUntil ? dateToDay(h.paiValidUntil) : null;
    const diets = h?.diets ?? [];
    const retired = diets.filter((d) => !activeDiets.some((a) => a.id === d.id));
    const latest = c.requests[0];
    const latestData = latest ? HealthRequestDataSchema.safeParse(latest.data) : null;
    const answers = consents.get(c.id) ?? {};
    const toDocument = (d: (typeof c.documents)[number]): FileDocumentDto => ({
      id: d.id,
      fileId: d.fileId,
      fileName: d.file.originalName,
      mimeType: d.file.mimeType,
      size: d.file.size,
      createdAt: d.createdAt,
      status: d.status,
      refusalReason: d.refusalReason,
    });
    return {
      child: { id: c.id, firstName: c.firstName, lastName: c.lastName, birthDate: c.birthDate },
      health: {
        doctorName: h?.doctorName ?? null,
        doctorPhone: h?.doctorPhone ?? null,
        diets,
        vaccinationsUpToDate: h?.vaccinationsUpToDate ?? null,
        remarks: h?.remarks ?? null,
        allergies: h?.allergies ?? null,
        pai: h?.pai ?? false,
        paiValidUntil,
        paiValid: Boolean(h?.pai) && (paiValidUntil === null || paiValidUntil >= today),
      },
      dietOptions: [...activeDiets, ...retired],
      pendingHealthRequest:
        latest?.status === "PENDING" && latestData?.success ? { id: latest.id, createdAt: latest.createdAt, ...latestData.data } : null,
      refusedHealthRequest: latest?.status === "REFUSED" ? { handledAt: latest.handledAt, reason: latest.refusalReason } : null,
      documents: {
        pai: c.documents.filter((d) => d.type.code === "PAI").map(toDocument),
        vaccinations: c.documents.filter((d) => d.type.code === "VACCINS").map(toDocument),
      },
      pickupPersons: [...c.pickupPersons].sort((a, b) => PICKUP_ORDER.indexOf(a.kind) - PICKUP_ORDER.indexOf(b.kind)),
      consents: CONSENT_KINDS.map((kind) => ({
        kind,
        given: answers[kind]?.given ?? null,
        byName: answers[kind]?.byName ?? null,
        at: answers[kind]?.at ?? null,
      })),
      staffNotes: h?.staffNotes ?? null,
    };
  });
}

/**
 * The family's view of one child's file, or null for anything but a child
 * of this household. Staff notes are left out here, not hidden by the page.
 */
export async function getChildFile({ householdId, personId, now = new Date() }: { householdId: string; personId: string; now?: Date }): Promise<ChildFileDto | null> {
  const db = await getDb();
  const [file] = await loadChildFiles(db, { householdId, personId }, parisDay(now));
  if (!file) return null;
  const { staffNotes: _staffNotes, ...familyView } = file;
  return familyView;
}

/** Every child's file of a household, with the staff's notes, for its staff page. */
export async function listChildFilesForStaff(householdId: string, now = new Date()): Promise<StaffChildFileDto[]> {
  const db = await getDb();
  return loadChildFiles(db, { householdId }, parisDay(now));
}
